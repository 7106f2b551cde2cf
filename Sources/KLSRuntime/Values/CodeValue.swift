import KLSCoding
import KLSNumerics

/// A prefix code (from `huffman` or built from codewords), printed as the seed's table.
public final class CodeValue: Object {
    public let code: PrefixCode
    /// True when the symbols are labels (strings) rather than the indices 0, 1, 2, ….
    let labelled: Bool

    init(_ code: PrefixCode, labelled: Bool) {
        self.code = code
        self.labelled = labelled
    }

    public override var typeName: String { "Code" }
    public override func display() -> String { code.table() }
    public override func markdown() -> String? { code.markdownTable() }
    public override var fieldNames: [String] {
        ["codewords", "lengths", "symbols", "probabilities", "avg_length", "entropy", "efficiency"]
    }

    public override func field(_ name: String) -> Value? {
        switch name {
        case "codewords": return .list(code.codewords.map { .string($0) })
        case "lengths": return .tensor(Tensor(vector: code.lengths.map(Double.init)))
        case "symbols": return symbolValues(Array(0..<code.symbols.count))
        case "probabilities": return .tensor(Tensor(vector: code.probabilities))
        case "avg_length": return .number(code.averageLength)
        case "entropy": return .number(code.entropy)
        case "efficiency": return .number(code.efficiency)
        default: return nil
        }
    }

    /// Decoded symbol indices as kls values: labels, or numbers.
    func symbolValues(_ indices: [Int]) -> Value {
        if labelled { return .list(indices.map { .string(code.symbols[$0]) }) }
        return .tensor(Tensor(vector: indices.map(Double.init)))
    }

    public override func equals(_ other: Object) -> Bool {
        guard let o = other as? CodeValue else { return false }
        return o.code.codewords == code.codewords && o.code.symbols == code.symbols
    }
}

/// The result of the Sardinas–Patterson test, with a witness when a code is ambiguous and the
/// dangling-suffix sets S₁, S₂, … that lead to the verdict.
public final class DecodabilityValue: Object {
    let result: UniqueDecodability
    let suffixes: DanglingSuffixSets
    init(_ result: UniqueDecodability, words: [String]) {
        self.result = result
        self.suffixes = DanglingSuffixSets(words)
    }
    public override var typeName: String { "Decodability" }

    /// The verdict, then one line per set: `S1 = {1}`, `S2 = {0}  ← holds the codeword 0`,
    /// ending `S3 = ∅` or `S3 = S1` for a uniquely decodable code.
    public override func display() -> String {
        var lines = [result.description]
        let sets = suffixes.sets
        for (i, set) in sets.enumerated() {
            lines.append("S\(i + 1) = {" + set.map { $0.isEmpty ? "ε" : $0 }.joined(separator: ", ") + "}")
        }
        let next = "S\(sets.count + 1) = "
        switch suffixes.end {
        case .codeword(let word): lines[lines.count - 1] += "  ← holds the codeword \(word)"
        case .empty: lines.append(next + "∅: no set holds a codeword")
        case .repeats(let k): lines.append(next + "S\(k): the sets repeat and none holds a codeword")
        case .cut: if !sets.isEmpty { lines.append(next + "…") }
        }
        return lines.joined(separator: "\n")
    }
    public override var fieldNames: [String] { ["decodable", "prefix_free", "witness", "parses", "sets"] }
    public override func field(_ name: String) -> Value? {
        switch name {
        case "sets": return .list(suffixes.sets.map { .list($0.map { .string($0) }) })
        case "decodable": return .bool(result.isUniquelyDecodable)
        case "prefix_free":
            if case .uniquelyDecodable(let prefixFree) = result { return .bool(prefixFree) }
            return .bool(false)
        case "witness": return result.witness.map { .string($0.string) } ?? Value.none
        case "parses":
            guard let w = result.witness else { return Value.none }
            return .list([.list(w.firstWords.map { .string($0) }), .list(w.secondWords.map { .string($0) })])
        default: return nil
        }
    }
}
