import Foundation

/// A uniquely decodable code over a D-ary alphabet for symbols with known probabilities — a
/// prefix code as built by `huffman`, or any code that passes Sardinas–Patterson, such as
/// {0, 10, 011}: codeword i (digits "0"…"D−1") belongs to `symbols[i]`, which has probability
/// `probabilities[i]`. Encoding looks codewords up by index or name; decoding walks a trie, so
/// both take time proportional to the number of digits (times the longest word for a code
/// that is not prefix-free, which is parsed by dynamic programming).
public struct PrefixCode: Sendable {
    /// The symbol names (by default "0", "1", …).
    public let symbols: [String]
    /// The probability of each symbol.
    public let probabilities: [Double]
    /// The codeword of each symbol.
    public let codewords: [String]
    /// The length of each codeword in digits.
    public let lengths: [Int]
    /// The code alphabet size D (2 for binary).
    public let alphabetSize: Int
    /// True for a prefix (instantaneous) code: no codeword begins another.
    public let isPrefixFree: Bool

    let trie: CodewordTrie
    let names: SymbolNames
    let codewordBytes: [[UInt8]]

    /// A code from explicit codewords, which must be a uniquely decodable code of D-ary digit
    /// strings (a prefix code, or one that passes Sardinas–Patterson).
    /// - Parameters:
    ///   - symbols: symbol names; nil names them "0", "1", …
    ///   - probabilities: one probability per codeword, summing to 1.
    /// - Throws: `CodingError` when the words are not uniquely decodable (with the witness),
    ///   repeat, are empty, contain a non-digit, or the symbols or probabilities are invalid or
    ///   do not match in number.
    public init(symbols: [String]? = nil, probabilities: [Double], codewords: [String], D: Int = 2) throws(CodingError) {
        let digits = try CodeAlphabet.codewordDigits(codewords, d: D)
        let violation = firstPrefixViolation(codewords, digits: digits, d: D)
        if let violation {
            if violation.prefixWord == violation.longerWord { throw violation.error }
            if let witness = try sardinasPatterson(codewords, D: D).witness { throw .notUniquelyDecodable(witness) }
        }
        try validateProbabilities(probabilities)
        guard probabilities.count == codewords.count else {
            throw .countMismatch(what: "one probability per codeword", expected: codewords.count, got: probabilities.count)
        }
        let names = try SymbolNames(symbols, count: codewords.count)
        self.init(names: names, probabilities: probabilities, digits: digits, D: D, isPrefixFree: violation == nil)
    }

    /// A code from checked parts (uniquely decodable, valid probabilities, distinct names).
    init(names: SymbolNames, probabilities: [Double], digits: [[UInt8]], D: Int, isPrefixFree: Bool = true) {
        var trie = CodewordTrie(d: D)
        for (index, word) in digits.enumerated() { trie.insert(word, index: index) }
        let bytes = digits.map { word in word.map { CodeAlphabet.byte(forDigit: Int($0)) } }
        self.symbols = names.list
        self.names = names
        self.probabilities = probabilities
        self.codewordBytes = bytes
        self.codewords = bytes.map { String(decoding: $0, as: UTF8.self) }
        self.lengths = digits.map(\.count)
        self.alphabetSize = D
        self.isPrefixFree = isPrefixFree
        self.trie = trie
    }

    /// The mean codeword length L = Σ pᵢ lᵢ, in D-ary digits per symbol.
    public var averageLength: Double {
        var sum = 0.0
        for (p, length) in zip(probabilities, lengths) { sum += p * Double(length) }
        return sum
    }

    /// The mean codeword length Σ pᵢ lᵢ under other probabilities, one per codeword.
    /// - Throws: `CodingError` for invalid probabilities or a count other than the codewords'.
    public func averageLength(under probabilities: [Double]) throws(CodingError) -> Double {
        try validateProbabilities(probabilities)
        guard probabilities.count == lengths.count else {
            throw .countMismatch(what: "one probability per codeword", expected: lengths.count, got: probabilities.count)
        }
        var sum = 0.0
        for (p, length) in zip(probabilities, lengths) { sum += p * Double(length) }
        return sum
    }

    /// The source entropy H = −Σ pᵢ log₂ pᵢ in bits.
    public var entropy: Double { entropyBits(probabilities) }

    /// The efficiency H_D / L, with the entropy in base D (H_D = H / log₂ D): 1 for a code that
    /// meets the entropy bound, less otherwise.
    public var efficiency: Double {
        entropy / log2(Double(alphabetSize)) / averageLength
    }

    /// The codewords of the symbols at the given indices, concatenated.
    /// - Throws: `CodingError.symbolOutOfRange` naming the first bad position, or
    ///   `.outputTooLong` when the result would exceed `maxOutputDigits` digits.
    public func encode(_ message: [Int]) throws(CodingError) -> String {
        var total = 0
        for (position, symbol) in message.enumerated() {
            guard symbol >= 0, symbol < codewordBytes.count else {
                throw .symbolOutOfRange(position: position, symbol: symbol, count: codewordBytes.count)
            }
            total += lengths[symbol]  // < 2^31 symbols of < 2^31 digits each: no overflow
        }
        guard total <= maxOutputDigits else { throw .outputTooLong(digits: total, limit: maxOutputDigits) }
        var out: [UInt8] = []
        out.reserveCapacity(total)
        for symbol in message { out.append(contentsOf: codewordBytes[symbol]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The codewords of the named symbols, concatenated.
    /// - Throws: `CodingError.unknownSymbol` naming the first name not in the code.
    public func encode(symbols message: [String]) throws(CodingError) -> String {
        var indices: [Int] = []
        indices.reserveCapacity(message.count)
        for (position, name) in message.enumerated() {
            guard let index = names.index(of: name) else { throw .unknownSymbol(position: position, symbol: name) }
            indices.append(index)
        }
        return try encode(indices)
    }

    /// The symbol indices spelled by `bits`, read codeword by codeword through the trie.
    /// - Throws: `CodingError` with the 0-based position of the first character that is not a
    ///   digit below D, of a codeword start whose digits match no codeword, or of trailing digits
    ///   that stop inside a codeword.
    public func decode(_ bits: String) throws(CodingError) -> [Int] {
        if !isPrefixFree { return try parse(bits) }
        var result: [Int] = []
        let d = alphabetSize
        var node = 0
        var start = 0
        var position = 0
        let bytes = Array(bits.utf8)
        for byte in bytes {
            guard let digit = CodeAlphabet.digit(of: byte, d: d) else {
                throw .invalidDigit(word: nil, position: position, character: character(in: bits, atASCIIOffset: position),
                                    alphabetSize: d)
            }
            let child = Int(trie.children[node * d + digit])
            guard child >= 0 else {
                throw .noCodewordMatches(position: start, bits: excerpt(bytes[start...position]))
            }
            position += 1
            let word = Int(trie.word[child])
            if word >= 0 {
                result.append(word)
                node = 0
                start = position
            } else {
                node = child
            }
        }
        if node != 0 { throw .incompleteCodeword(position: start, bits: excerpt(bytes[start...])) }
        return result
    }

    /// The unique parse of `bits` into codewords of a uniquely decodable code that is not
    /// prefix-free: every position reachable by whole codewords keeps the word that first
    /// reached it, and the parse is read back from the end (unique decodability makes every
    /// prefix of the whole parse parse one way only, so the first word found is the one).
    /// - Throws: as `decode(_:)`, at the furthest position whole codewords reach.
    func parse(_ bits: String) throws(CodingError) -> [Int] {
        let d = alphabetSize
        let bytes = Array(bits.utf8)
        var digits = [Int](repeating: 0, count: bytes.count)
        for (position, byte) in bytes.enumerated() {
            guard let digit = CodeAlphabet.digit(of: byte, d: d) else {
                throw .invalidDigit(word: nil, position: position, character: character(in: bits, atASCIIOffset: position),
                                    alphabetSize: d)
            }
            digits[position] = digit
        }
        // lastWord[i]: the word ending at position i of a parse of bits[0..<i]; −1 unreached.
        var lastWord = [Int32](repeating: -1, count: bytes.count + 1)
        var furthest = 0
        for start in 0..<bytes.count where start == 0 || lastWord[start] >= 0 {
            furthest = start
            var node = 0
            for position in start..<bytes.count {
                let child = Int(trie.children[node * d + digits[position]])
                if child < 0 { break }
                node = child
                let word = trie.word[child]
                if word >= 0, lastWord[position + 1] < 0 { lastWord[position + 1] = word }
            }
        }
        guard bytes.isEmpty || lastWord[bytes.count] >= 0 else {
            var node = 0
            for position in furthest..<bytes.count {
                let child = Int(trie.children[node * d + digits[position]])
                if child < 0 { throw .noCodewordMatches(position: furthest, bits: excerpt(bytes[furthest...position])) }
                node = child
            }
            throw .incompleteCodeword(position: furthest, bits: excerpt(bytes[furthest...]))
        }
        var result: [Int] = []
        var end = bytes.count
        while end > 0 {
            let word = Int(lastWord[end])
            result.append(word)
            end -= lengths[word]
        }
        return result.reversed()
    }

    /// The symbol names spelled by `bits`; see `decode(_:)`.
    public func decodeSymbols(_ bits: String) throws(CodingError) -> [String] {
        try decode(bits).map { symbols[$0] }
    }
}

/// The symbol names of a code: the default "0", "1", … (looked up by parsing) or given names
/// (checked for number and uniqueness, looked up in a dictionary).
enum SymbolNames: Sendable {
    case numbered(count: Int)
    case named([String], index: [String: Int])

    /// Names for `count` symbols: the given ones, or nil for "0", "1", ….
    /// - Throws: `CodingError` when the names are not one per symbol or repeat.
    init(_ symbols: [String]?, count: Int) throws(CodingError) {
        guard let symbols else {
            self = .numbered(count: count)
            return
        }
        guard symbols.count == count else {
            throw .countMismatch(what: "one symbol per probability", expected: count, got: symbols.count)
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(count)
        for (position, name) in symbols.enumerated() {
            if let first = index[name] { throw .duplicate(what: "symbols", first: first, second: position, value: name) }
            index[name] = position
        }
        self = .named(symbols, index: index)
    }

    /// All names in symbol order.
    var list: [String] {
        switch self {
        case .numbered(let count): return (0..<count).map { String($0) }
        case .named(let names, _): return names
        }
    }

    /// The index of a name, or nil when no symbol has it.
    func index(of name: String) -> Int? {
        switch self {
        case .numbered(let count):
            guard let value = Int(name), value >= 0, value < count, String(value) == name else { return nil }
            return value
        case .named(_, let index):
            return index[name]
        }
    }
}

/// The character at a position where every earlier character is ASCII.
private func character(in text: String, atASCIIOffset offset: Int) -> Character {
    let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    return text[index...].first ?? "?"
}

/// Up to 24 digits of an error excerpt, with "…" when cut.
private func excerpt(_ bytes: ArraySlice<UInt8>) -> String {
    let shown = String(decoding: bytes.prefix(24), as: UTF8.self)
    return bytes.count > 24 ? shown + "…" : shown
}
