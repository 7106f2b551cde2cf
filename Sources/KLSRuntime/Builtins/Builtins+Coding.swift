import KLSCoding
import KLSDistributions
import KLSNumerics

/// Coding theory: Huffman codes, Kraft and McMillan, Sardinas–Patterson, encoding and
/// decoding, exact arithmetic coding (text helpers for compression lessons are in
/// `Builtins+CodingText.swift`).
extension BuiltinRegistry {
    static func installCoding(_ r: BuiltinRegistry) {
        installCodes(r)
        installKraft(r)
        installCodec(r)
        installArithmetic(r)
        installText(r)
    }

    /// `huffman`, `code` and the fields of a code.
    static func installCodes(_ r: BuiltinRegistry) {
        r.function("huffman", [p("P"), p("D", .number(2))], category: "coding",
                   summary: "An optimal prefix code for P (a probability vector or labelled Categorical), D-ary.",
                   help: """
                   Prints as a table: symbol, probability, codeword, length, −log2 p, then the average length L = Σ pᵢ lᵢ,
                   the entropy H and the efficiency H/L. Ties are broken deterministically: lower probability first, then
                   the lower symbol index; a leaf before a merged node of equal weight (the minimum-variance code).
                   Codewords are assigned by the canonical greedy rule from the lengths, so [0.5, 0.25, 0.25] gets
                   0, 10, 11. D=3 builds a ternary code (digits 0–2), up to D=36 (digits 0–9, a–z).
                   """,
                   example: "huffman([0.5, 0.25, 0.25])") { a in
            let (probabilities, symbols) = try symbolDistribution(a, 0)
            let d = try a.integer(1, in: 2...36)
            let code = try coding(a) { try KLSCoding.huffman(probabilities: probabilities, symbols: symbols, D: d) }
            return .object(CodeValue(code, labelled: symbols != nil))
        }
        r.function("code", [p("words"), p("P", Value.none), p("D", .number(2))], category: "coding",
                   summary: "A uniquely decodable code from its codewords, for encode/decode; P gives the symbol probabilities.",
                   help: """
                   The words must form a uniquely decodable code of digits below D: a prefix code, or any code that
                   passes Sardinas–Patterson, such as ["0", "10", "011"] (decoded by parsing the whole string). A code
                   that is not uniquely decodable is refused with a string that has two parses; a repeated word or a
                   bad digit is named. Without P the symbols 0, 1, … are taken as equally likely; with a labelled
                   Categorical the symbols are its labels.
                   """,
                   example: "code([\"0\", \"10\", \"11\"], [0.5, 0.25, 0.25])") { a in
            let words = try a.strings(0)
            let (probabilities, symbols) = a.has(1) ? try symbolDistribution(a, 1)
                : ([Double](repeating: 1 / Double(max(1, words.count)), count: words.count), nil)
            let d = try a.integer(2, in: 2...36)
            let code = try coding(a) {
                try PrefixCode(symbols: symbols, probabilities: probabilities, codewords: words, D: d)
            }
            return .object(CodeValue(code, labelled: symbols != nil))
        }
        let fields: [(String, String, String)] = [
            ("codewords", "The codewords of a code, one per symbol.", "codewords(huffman([0.5, 0.25, 0.25]))"),
            ("lengths", "The codeword lengths of a code.", "lengths(huffman([0.4, 0.3, 0.2, 0.1]))"),
            ("efficiency", "Code efficiency H/L (entropy in base D over the average length; 1 at the entropy bound).",
             "efficiency(huffman([0.4, 0.3, 0.2, 0.1]))"),
        ]
        for (name, summary, example) in fields {
            r.function(name, [p("code")], category: "coding", summary: summary, example: example) { a in
                try codeArgument(a, 0).field(name) ?? Value.none
            }
        }
        r.function("avg_length", [p("code"), p("P", Value.none)], category: "coding",
                   summary: "Expected codeword length L = Σ pᵢ lᵢ (digits per symbol), under the code's P or the P given.",
                   help: """
                   avg_length(code) uses the probabilities the code was built with; avg_length(code, P) takes them from
                   P (a probability vector or Categorical, one probability per codeword), as for a code built from words:
                   avg_length(code(["0", "10", "11"]), [0.5, 0.25, 0.25]) is 1.5.
                   """,
                   example: "avg_length(code([\"0\", \"10\", \"11\"]), [0.5, 0.25, 0.25])") { a in
            let c = try codeArgument(a, 0)
            guard a.has(1) else { return .number(c.code.averageLength) }
            let (probabilities, _) = try symbolDistribution(a, 1)
            return .number(try coding(a) { try c.code.averageLength(under: probabilities) })
        }
    }

    /// `kraft`, `kraft_code`, `is_prefix_free`, `is_uniquely_decodable`, `sardinas_patterson`.
    static func installKraft(_ r: BuiltinRegistry) {
        r.function("kraft", [p("lengths"), p("D", .number(2))], category: "coding",
                   summary: "The Kraft sum Σ D^−lᵢ: ≤ 1 exactly when a prefix (or uniquely decodable) code has these lengths.",
                   example: "kraft([1, 2, 3, 3])") { a in
            let lengths = try lengthsArgument(a, 0)
            let d = try a.integer(1, in: 2...36)
            return .number(try coding(a) { try kraftSum(lengths: lengths, D: d) })
        }
        r.function("kraft_code", [p("lengths"), p("D", .number(2))], category: "coding",
                   summary: "Prefix codewords with the given lengths, by the greedy construction (error if the Kraft sum > 1).",
                   help: """
                   The seed's construction: visit the lengths in increasing order, give each the numeral of a counter
                   written with l digits, add 1, and shift left when the next length is longer. Word i has length
                   lengths[i]. Lengths whose Kraft sum exceeds 1 are refused with the sum (`1.25 > 1`).
                   """,
                   example: "kraft_code([1, 2, 3, 3])") { a in
            let lengths = try lengthsArgument(a, 0)
            let d = try a.integer(1, in: 2...36)
            return .list(try coding(a) { try kraftCode(lengths: lengths, D: d) }.map { .string($0) })
        }
        r.function("is_prefix_free", [p("words"), p("D", .number(2))], category: "coding",
                   summary: "True when no codeword is a prefix of (or equal to) another.",
                   example: "is_prefix_free([\"0\", \"10\", \"110\", \"111\"])") { a in
            let words = try a.strings(0)
            let d = try a.integer(1, in: 2...36)
            return .bool(try coding(a) { try isPrefixFree(words, D: d) })
        }
        r.function("is_uniquely_decodable", [p("words"), p("D", .number(2))], category: "coding",
                   summary: "True when every string of codewords parses one way (Sardinas–Patterson).",
                   help: "sardinas_patterson(words) gives the same verdict with a witness: a string with two parses.",
                   example: "is_uniquely_decodable([\"0\", \"01\", \"011\"])") { a in
            let words = try a.strings(0)
            let d = try a.integer(1, in: 2...36)
            return .bool(try coding(a) { try isUniquelyDecodable(words, D: d) })
        }
        r.function("sardinas_patterson", [p("words"), p("D", .number(2))], category: "coding",
                   summary: "The Sardinas–Patterson test with a witness: a string with two parses when the code is ambiguous.",
                   help: """
                   Prints the verdict, e.g. `not uniquely decodable: "010" = 0·10 = 01·0`, then the dangling-suffix
                   sets the textbook test walks through: S1 holds the suffixes w of codeword pairs a·w = b, S(i+1) the
                   w with c·w in Si or s·w = c (c a codeword, s in Si); the code is uniquely decodable exactly when no
                   set holds a codeword. For ["0", "01", "10"]: S1 = {1}, S2 = {0}, which holds the codeword 0.
                   Fields: decodable, prefix_free, witness (the ambiguous string, or none), parses (its two parses as
                   lists of words) and sets (S1, S2, … as lists of strings; "" is the empty suffix ε).
                   """,
                   example: "sardinas_patterson([\"0\", \"01\", \"10\"])") { a in
            let words = try a.strings(0)
            let d = try a.integer(1, in: 2...36)
            return .object(DecodabilityValue(try coding(a) { try sardinasPatterson(words, D: d) }, words: words))
        }
    }

    /// `encode` and `decode` with a code.
    static func installCodec(_ r: BuiltinRegistry) {
        r.function("encode", [p("code"), p("symbols")], category: "coding",
                   summary: "The bit string of a message under a code (symbols are indices, or labels).",
                   help: """
                   For a code with labels the message is a list of labels, or a string read character by character;
                   otherwise a vector of symbol indices 0, 1, 2, ….
                   """,
                   example: "encode(huffman([0.5, 0.25, 0.25]), [0, 1, 2, 0])") { a in
            let c = try codeArgument(a, 0)
            let message = c.labelled ? try labelIndices(a, 1, labels: c.code.symbols) : try messageIndices(a, 1)
            return .string(try coding(a) { try c.code.encode(message) })
        }
        r.function("decode", [p("code"), p("bits")], category: "coding",
                   summary: "The symbols of a bit string under a code; an error gives the bit position where parsing fails.",
                   example: "decode(huffman([0.5, 0.25, 0.25]), \"010110\")") { a in
            let c = try codeArgument(a, 0)
            let bits = try a.string(1)
            return c.symbolValues(try coding(a) { try c.code.decode(bits) })
        }
    }

    /// `arith_encode` and `arith_decode`.
    static func installArithmetic(_ r: BuiltinRegistry) {
        r.function("arith_encode", [p("P"), p("symbols")], category: "coding",
                   summary: "Arithmetic coding of a message: a prefix-free codeword in its exact interval, ⌈−log2 P(s)⌉ to ⌈−log2 P(s)⌉ + 1 bits.",
                   help: """
                   The codeword w is the shortest bit string whose dyadic interval [0.w, 0.w + 2^−len(w)) lies inside
                   the message's interval [F(s), F(s) + P(s)), computed exactly with big integers, so the codewords of
                   all messages of one length form a prefix code (Cover & Thomas 5.9) and ⌈−log2 P(s)⌉ ≤ len(w) ≤
                   ⌈−log2 P(s)⌉ + 1. Each p is the exact value of its double (0.1 is the binary fraction nearest
                   1/10), divided by the exact sum of all of them when that is not exactly 1 (sums within 1e-9 of 1
                   are accepted). Exact for up to 2,048 symbols while len(s) times the bits of P's common denominator
                   stays within 2^15: about 580 symbols for general doubles (0.1, 6/28). Longer messages use 63-bit
                   integer range coding (probabilities quantised to 60 bits; linear time): w then lies inside that
                   coder's interval, and len(w) ≤ ⌈−log2 P(s)⌉ + 2 unless symbols of tiny probability recur.
                   arith_decode decodes either exactly. P is a probability vector (symbols are indices) or a
                   labelled Categorical (symbols are labels; a string is read character by character). The message
                   must not be empty.
                   w is a string wherever one is used (len, arith_decode, ==, +, indexing, print, f-strings); its
                   display adds the measures (P = A 1/2, B 1/4, C 1/4; s = "ABAC"):
                     "010011"  6 bits; −log2 P(s) = 6 bits; message interval [19/64, 5/16)
                   (fractions while their denominators are small, else decimals correctly rounded from the exact
                   ends, else "of width 2^-N"). w.information is −log2 P(s) and w.interval the message's interval
                   [F(s), F(s) + P(s)) as two doubles (correctly rounded while the message is coded exactly).
                   """,
                   example: "arith_encode([0.5, 0.25, 0.25], [0, 1, 0, 2])", compilerForm: .explainableMeasure) { a in
            let (probabilities, symbols) = try symbolDistribution(a, 0)
            let message = try symbols.map { try labelIndices(a, 1, labels: $0) } ?? messageIndices(a, 1)
            return try codeword(a, probabilities, message)
        }
        r.function("arith_decode", [p("P"), p("bits"), p("n")], category: "coding",
                   summary: "The n symbols of an arithmetic-coded bit string (inverse of arith_encode).",
                   help: "n is at most 100,000,000; the symbols are indices, or labels for a labelled Categorical.",
                   example: "arith_decode([0.5, 0.25, 0.25], arith_encode([0.5, 0.25, 0.25], [0, 1, 0, 2]), 4)") { a in
            let (probabilities, symbols) = try symbolDistribution(a, 0)
            let bits = try a.string(1)
            let count = try symbolCount(a, 2)
            let decoded = try coding(a) { try arithDecode(probabilities: probabilities, bits: bits, count: count) }
            try a.stopIfInterrupted()
            if let symbols {
                let labels = symbols.map { Value.string($0) }
                return .list(decoded.map { labels[$0] })
            }
            return .tensor(Tensor(vector: decoded.map(Double.init)))
        }
    }

    /// Runs a KLSCoding operation, turning its typed error into an error of the builtin.
    static func coding<T>(_ a: Arguments, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as CodingError { throw a.error(error.description) }
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

    /// Codeword lengths: whole numbers ≥ 0 (up to 2^53, where doubles stop being exact).
    static func lengthsArgument(_ a: Arguments, _ i: Int) throws -> [Int] {
        try a.vector(i).data.enumerated().map { index, l in
            guard l.isFinite, l.rounded() == l, l >= 0 else {
                throw a.error("length \(index) is \(ValueFormatter.number(l)); lengths must be whole numbers >= 0")
            }
            guard l <= 9_007_199_254_740_992 else {
                throw a.error("length \(index) is \(ValueFormatter.number(l)); lengths above 2^53 are not supported")
            }
            return Int(l)
        }
    }

    /// A message of symbol indices: a number or a vector of whole numbers ≥ 0 (the code checks
    /// the upper end, naming the position).
    static func messageIndices(_ a: Arguments, _ i: Int) throws -> [Int] {
        switch a[i] {
        case .string, .list:
            if case .list(let items) = a[i], items.isEmpty { return [] }
            throw a.fail(i, "must be symbol indices 0, 1, 2, … (a number or a vector; there are no labels)")
        default:
            break
        }
        return try a.vector(i).data.enumerated().map { position, x in
            guard x.isFinite, x.rounded() == x, x >= 0, x < 1e15 else {
                throw a.error("symbol \(ValueFormatter.number(x)) at position \(position) is not a symbol index 0, 1, 2, …")
            }
            return Int(x)
        }
    }

    /// `arith_encode`'s result: the codeword as a `CodewordValue` (a string that shows its measures).
    static func codeword(_ a: Arguments, _ probabilities: [Double], _ message: [Int]) throws -> Value {
        let bits = try coding(a) { try arithEncode(probabilities: probabilities, message: message) }
        return .object(CodewordValue(bits: bits, probabilities: probabilities, message: message))
    }

    /// The symbol count of `arith_decode`: a whole number in 0…`maxDecodedSymbols`.
    static func symbolCount(_ a: Arguments, _ i: Int) throws -> Int {
        let x = try a.number(i)
        guard x.isFinite, x.rounded() == x, x >= 0 else { throw a.fail(i, "must be a whole number >= 0") }
        guard x <= Double(maxDecodedSymbols) else {
            throw a.fail(i, "is too large: at most \(maxDecodedSymbols) symbols are decoded at once")
        }
        return Int(x)
    }
}
