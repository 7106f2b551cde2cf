import Foundation
import KLSCoding
import KLSDistributions
import KLSNumerics

/// Coding theory: Huffman codes, Kraft and McMillan, Sardinas–Patterson, encoding and
/// decoding, exact arithmetic coding, and text helpers for compression lessons.
extension BuiltinRegistry {
    static func installCoding(_ r: BuiltinRegistry) {
        r.function("huffman", [p("P"), p("D", .number(2))], category: "coding",
                   summary: "An optimal prefix code for P (a probability vector or labelled Categorical), D-ary.",
                   help: """
                   Prints as a table: symbol, probability, codeword, length, −log2 p. Ties are broken deterministically:
                   lower probability first, then the lower symbol index; a leaf before a merged node of equal weight
                   (the minimum-variance code). Codewords are assigned by the canonical greedy rule from the lengths.
                   """,
                   example: "huffman([0.5, 0.25, 0.25])") { a in
            let (probabilities, symbols) = try symbolDistribution(a, 0)
            let code = try coding { try KLSCoding.huffman(probabilities: probabilities, symbols: symbols, D: try a.integer(1, in: 2...36)) }
            return .object(CodeValue(code, labelled: symbols != nil))
        }
        r.function("code", [p("words"), p("P", Value.none), p("D", .number(2))], category: "coding",
                   summary: "A code from its codewords (for encode/decode); P gives the symbol probabilities.",
                   example: "code([\"0\", \"10\", \"11\"], [0.5, 0.25, 0.25])") { a in
            let words = try a.strings(0)
            let (probabilities, symbols) = a.has(1) ? try symbolDistribution(a, 1)
                : ([Double](repeating: 1 / Double(max(1, words.count)), count: words.count), nil)
            let code = try coding { try PrefixCode(symbols: symbols, probabilities: probabilities, codewords: words, D: try a.integer(2, in: 2...36)) }
            return .object(CodeValue(code, labelled: symbols != nil))
        }
        let fields: [(String, String, String, String)] = [
            ("codewords", "codewords", "The codewords of a code, one per symbol.", "codewords(huffman([0.5, 0.25, 0.25]))"),
            ("lengths", "lengths", "The codeword lengths of a code.", "lengths(huffman([0.4, 0.3, 0.2, 0.1]))"),
            ("avg_length", "avg_length", "Expected codeword length L = Σ pᵢ lᵢ (digits per symbol).", "avg_length(huffman([0.5, 0.25, 0.25]))"),
            ("efficiency", "efficiency", "Code efficiency H/L (entropy in base D over the average length).", "efficiency(huffman([0.4, 0.3, 0.2, 0.1]))"),
        ]
        for (name, field, summary, example) in fields {
            r.function(name, [p("code")], category: "coding", summary: summary, example: example) { a in
                try codeArgument(a, 0).field(field) ?? Value.none
            }
        }
        r.function("kraft", [p("lengths"), p("D", .number(2))], category: "coding",
                   summary: "The Kraft sum Σ D^−lᵢ: ≤ 1 exactly when a prefix (or uniquely decodable) code has these lengths.",
                   example: "kraft([1, 2, 3, 3])") { a in
            .number(try coding { try kraftSum(lengths: try lengthsArgument(a, 0), D: try a.integer(1, in: 2...36)) })
        }
        r.function("kraft_code", [p("lengths"), p("D", .number(2))], category: "coding",
                   summary: "Prefix codewords with the given lengths, by the greedy construction (error if the Kraft sum > 1).",
                   example: "kraft_code([1, 2, 3, 3])") { a in
            .list(try coding { try kraftCode(lengths: try lengthsArgument(a, 0), D: try a.integer(1, in: 2...36)) }.map { .string($0) })
        }
        r.function("is_prefix_free", [p("words"), p("D", .number(2))], category: "coding",
                   summary: "True when no codeword is a prefix of another.",
                   example: "is_prefix_free([\"0\", \"10\", \"110\", \"111\"])") { a in
            .bool(try coding { try isPrefixFree(try a.strings(0), D: try a.integer(1, in: 2...36)) })
        }
        r.function("is_uniquely_decodable", [p("words"), p("D", .number(2))], category: "coding",
                   summary: "True when every string of codewords parses one way (Sardinas–Patterson).",
                   example: "is_uniquely_decodable([\"0\", \"01\", \"011\"])") { a in
            .bool(try coding { try isUniquelyDecodable(try a.strings(0), D: try a.integer(1, in: 2...36)) })
        }
        r.function("sardinas_patterson", [p("words"), p("D", .number(2))], category: "coding",
                   summary: "The Sardinas–Patterson test with a witness: a string with two parses when the code is ambiguous.",
                   example: "sardinas_patterson([\"0\", \"01\", \"10\"])") { a in
            .object(DecodabilityValue(try coding { try sardinasPatterson(try a.strings(0), D: try a.integer(1, in: 2...36)) }))
        }
        r.function("encode", [p("code"), p("symbols")], category: "coding",
                   summary: "The bit string of a message under a code (symbols are indices, or labels).",
                   example: "encode(huffman([0.5, 0.25, 0.25]), [0, 1, 2, 0])") { a in
            let c = try codeArgument(a, 0)
            if c.labelled {
                let symbols = try messageStrings(a, 1)
                return .string(try coding { try c.code.encode(symbols: symbols) })
            }
            return .string(try coding { try c.code.encode(try messageIndices(a, 1)) })
        }
        r.function("decode", [p("code"), p("bits")], category: "coding",
                   summary: "The symbols of a bit string under a code; an error gives the bit position where parsing fails.",
                   example: "decode(huffman([0.5, 0.25, 0.25]), \"010110\")") { a in
            let c = try codeArgument(a, 0)
            return c.symbolValues(try coding { try c.code.decode(try a.string(1)) })
        }
        r.function("arith_encode", [p("P"), p("symbols")], category: "coding",
                   summary: "Exact arithmetic coding of a message: at most ⌈−log2 P(message)⌉ + 2 bits.",
                   example: "arith_encode([0.5, 0.25, 0.25], [0, 1, 0, 2])") { a in
            let (probabilities, symbols) = try symbolDistribution(a, 0)
            let message = try symbols.map { try indices(of: try messageStrings(a, 1), in: $0, a) } ?? messageIndices(a, 1)
            return .string(try coding { try arithEncode(probabilities: probabilities, message: message) })
        }
        r.function("arith_decode", [p("P"), p("bits"), p("n")], category: "coding",
                   summary: "The n symbols of an arithmetic-coded bit string (inverse of arith_encode).",
                   example: "arith_decode([0.5, 0.25, 0.25], arith_encode([0.5, 0.25, 0.25], [0, 1, 0, 2]), 4)") { a in
            let (probabilities, symbols) = try symbolDistribution(a, 0)
            let decoded = try coding { try arithDecode(probabilities: probabilities, bits: try a.string(1), count: try a.count(2)) }
            if let symbols { return .list(decoded.map { .string(symbols[$0]) }) }
            return .tensor(Tensor(vector: decoded.map(Double.init)))
        }
        installText(r)
    }

    static func installText(_ r: BuiltinRegistry) {
        r.function("read_text", [p("path")], category: "coding",
                   summary: "The contents of a text file (UTF-8) as a string.",
                   example: "len(read_text(\"/etc/hostname\")) >= 0") { a in
            let path = try a.string(0)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw a.error("cannot open '\(path)': no such file")
            }
            guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
                throw a.error("cannot read '\(path)'\(isDirectory.boolValue ? ": it is a directory" : "")")
            }
            return .string(String(decoding: data, as: UTF8.self))
        }
        r.function("chars", [p("s")], category: "coding",
                   summary: "The characters of a string, as a list of one-character strings.",
                   example: "chars(\"abc\")") { a in
            .list(try a.string(0).map { .string(String($0)) })
        }
        r.function("frequencies", [p("items")], category: "coding",
                   summary: "The empirical distribution of a string's characters (or a list's items) as a labelled Categorical.",
                   example: "frequencies(\"abracadabra\")") { a in
            let items: [String]
            if case .string(let s) = a[0] { items = s.map { String($0) } } else {
                items = try a.list(0).map { v in
                    if case .string(let s) = v { return s }
                    return ValueFormatter.plain(v)
                }
            }
            guard !items.isEmpty else { throw a.fail(0, "is empty") }
            var counts: [String: Int] = [:]
            for item in items { counts[item, default: 0] += 1 }
            let labels = counts.keys.sorted()
            let total = Double(items.count)
            let probs = labels.map { Double(counts[$0]!) / total }
            return .object(DistributionValue(try Categorical(probs: .constant(Tensor(vector: probs)), labels: labels)))
        }
    }

    /// Runs a KLSCoding operation, turning its typed error into a builtin error.
    static func coding<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as CodingError { throw BuiltinError(e.description) }
    }

    /// Probabilities and (for a labelled Categorical) symbol names.
    static func symbolDistribution(_ a: Arguments, _ i: Int) throws -> ([Double], [String]?) {
        if case .object(let o as DistributionValue) = a[i] {
            guard let masses = o.distribution.probabilities else { throw a.fail(i, "must be a discrete distribution") }
            return (masses.value.data, o.labels)
        }
        return (try a.vector(i).data, nil)
    }

    static func codeArgument(_ a: Arguments, _ i: Int) throws -> CodeValue {
        guard case .object(let o as CodeValue) = a[i] else { throw a.fail(i, "must be a code (from huffman or code)") }
        return o
    }

    static func lengthsArgument(_ a: Arguments, _ i: Int) throws -> [Int] {
        try a.vector(i).data.map { l in
            guard l.isFinite, l.rounded() == l, l >= 0, l <= 1_000_000 else { throw a.fail(i, "must hold whole-number lengths") }
            return Int(l)
        }
    }

    static func messageIndices(_ a: Arguments, _ i: Int) throws -> [Int] {
        if case .number(let x) = a[i] { return [Int(exactly: x) ?? -1] }
        return try a.vector(i).data.map { x in
            guard x.isFinite, x.rounded() == x, x >= 0, x < 1e9 else { throw a.fail(i, "must hold symbol indices 0, 1, 2, …") }
            return Int(x)
        }
    }

    static func messageStrings(_ a: Arguments, _ i: Int) throws -> [String] {
        switch a[i] {
        case .string(let s): return s.map { String($0) }
        default: return try a.strings(i)
        }
    }

    static func indices(of message: [String], in symbols: [String], _ a: Arguments) throws -> [Int] {
        var index: [String: Int] = [:]
        for (k, s) in symbols.enumerated() { index[s] = k }
        return try message.enumerated().map { position, s in
            guard let k = index[s] else { throw a.error("symbol '\(s)' at position \(position) is not one of the labels") }
            return k
        }
    }
}
