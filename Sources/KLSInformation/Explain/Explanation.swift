/// The text of `Information.explain`: lines aligned on their `=` signs.
enum Explanation {
    /// Most terms written out in full; longer sums show their first and last terms around `…`.
    static let maxTerms = 12

    static func entropy(_ p: [Double], unit: LogBase, value: Double) -> String {
        let log = unit.logName
        let symbolic = p.map { "\(fmt($0))·\(log)(\(fmt($0)))" }
        let numeric = p.map { $0 == 0 ? "0" : "\(fmt($0))·\(factor(unit.log($0)))" }
        return aligned("H(P)", ["-Σ p·\(log)(p)", "-(\(joined(symbolic)))", "-(\(joined(numeric)))",
                                result(value, unit)], note: zeroNote(p))
    }

    static func crossEntropy(_ p: [Double], _ q: [Double], unit: LogBase, value: Double) -> String {
        let log = unit.logName
        let symbolic = zip(p, q).map { "\(fmt($0))·\(log)(\(fmt($1)))" }
        let numeric = zip(p, q).map { $0 == 0 ? "0" : "\(fmt($0))·\(factor(unit.log($1)))" }
        return aligned("H(P, Q)", ["-Σ p·\(log)(q)", "-(\(joined(symbolic)))", "-(\(joined(numeric)))",
                                   result(value, unit)], note: zeroNote(p))
    }

    static func kl(_ p: [Double], _ q: [Double], unit: LogBase, value: Double) -> String {
        let (symbolic, numeric) = klTerms(p, q, unit: unit)
        return aligned("KL(P ‖ Q)", ["Σ p·\(unit.logName)(p/q)", joined(symbolic), joined(numeric),
                                     result(value, unit)], note: zeroNote(p))
    }

    static func js(_ p: [Double], _ q: [Double], unit: LogBase, value: Double) -> String {
        let m = zip(p, q).map { 0.5 * ($0 + $1) }
        let klPM = Information.klKernel(.constant(.init(vector: p)), .constant(.init(vector: m)),
                                        unit: unit).value.data[0]
        let klQM = Information.klKernel(.constant(.init(vector: q)), .constant(.init(vector: m)),
                                        unit: unit).value.data[0]
        let (pTerms, _) = klTerms(p, m, unit: unit)
        let (qTerms, _) = klTerms(q, m, unit: unit)
        let midpoint = "[" + m.map(fmt).joined(separator: ", ") + "]"
        return [
            "JS(P, Q) = ½·KL(P ‖ M) + ½·KL(Q ‖ M),  M = (P + Q)/2 = \(midpoint)",
            "KL(P ‖ M) = \(joined(pTerms)) = \(fmt(klPM))",
            "KL(Q ‖ M) = \(joined(qTerms)) = \(fmt(klQM))",
            "JS(P, Q) = ½·\(factor(klPM)) + ½·\(factor(klQM)) = \(result(value, unit))",
        ].joined(separator: "\n") + (zeroNote(p + q).map { "\n" + $0 } ?? "")
    }

    /// The terms p·log(p/q), written out and evaluated (0 for p = 0).
    private static func klTerms(_ p: [Double], _ q: [Double], unit: LogBase) -> ([String], [String]) {
        let log = unit.logName
        let symbolic = zip(p, q).map { "\(fmt($0))·\(log)(\(fmt($0))/\(fmt($1)))" }
        let numeric = zip(p, q).map { $0 == 0 ? "0" : "\(fmt($0))·\(factor(unit.log($0 / $1)))" }
        return (symbolic, numeric)
    }

    private static func fmt(_ x: Double) -> String { NumberText.format(x) }
    private static func factor(_ x: Double) -> String { NumberText.factor(x) }

    private static func result(_ value: Double, _ unit: LogBase) -> String { "\(fmt(value)) \(unit.unit)" }

    private static func zeroNote(_ p: [Double]) -> String? {
        p.contains(0) ? "(terms with p = 0 contribute 0: 0·log 0 = 0)" : nil
    }

    /// `a + b + c`, or for long sums the first five and last two terms around `…`.
    private static func joined(_ terms: [String]) -> String {
        guard terms.count > maxTerms else { return terms.joined(separator: " + ") }
        return (terms.prefix(5) + ["…"] + terms.suffix(2)).joined(separator: " + ")
    }

    /// `lhs = first` followed by `= line` for each further line, the `=` signs in one column.
    private static func aligned(_ lhs: String, _ lines: [String], note: String?) -> String {
        let pad = String(repeating: " ", count: lhs.count)
        var text = lines.enumerated().map { i, line in (i == 0 ? lhs : pad) + " = " + line }
        if let note { text.append(note) }
        return text.joined(separator: "\n")
    }
}
