import Foundation

/// The teaching text of `explain(arith_encode(P, s))`: the interval [low, low + width) narrowed
/// symbol by symbol (low += width·c(s), width *= p(s), c the cumulative probability before s),
/// in exact fractions when every p is a simple fraction and the message is short (decimals
/// otherwise), then −log₂ P(s) and the codeword's dyadic interval inside the final interval:
///
///     step  symbol  p    interval      width
///     0                  [0, 1)        1
///     1     A       1/2  [0, 1/2)      1/2
///     2     C       1/4  [3/8, 1/2)    1/8
///     −log2 P(s) = 3 bits; ⌈3⌉ = 3 ≤ len(w) ≤ 5
///     codeword 011 (3 bits) names [3/8, 1/2) ⊂ [3/8, 1/2)
///
/// - Throws: as `arithEncode`.
public func explainArithmeticCode(probabilities: [Double], message: [Int], symbols: [String]?) throws(CodingError) -> String {
    let bits = try arithEncode(probabilities: probabilities, message: message)
    var cumulative = [0.0]
    for p in probabilities { cumulative.append(cumulative[cumulative.count - 1] + p) }
    let exact = ArithmeticSteps.exact(probabilities, message: message)
    var rows = [["step", "symbol", "p", "interval", "width"]]
    var low = 0.0, width = 1.0
    rows.append(["0", "", "", "[0, 1)", "1"])
    let shown = message.count <= ArithmeticSteps.maxRows ? Array(message.indices)
        : Array(0..<ArithmeticSteps.maxRows / 2) + Array(message.count - ArithmeticSteps.maxRows / 2 ..< message.count)
    for (position, symbol) in message.enumerated() {
        low += width * cumulative[symbol]
        width *= probabilities[symbol]
        guard shown.contains(position) else {
            if position == ArithmeticSteps.maxRows / 2 { rows.append(["…", "", "", "", ""]) }
            continue
        }
        let name = symbols?[symbol] ?? String(symbol)
        if let e = exact?[position] {
            rows.append([String(position + 1), name, e.p.text, "[\(e.low.text), \((e.low + e.width)?.text ?? "?"))", e.width.text])
        } else {
            rows.append([String(position + 1), name, formatNumber(probabilities[symbol]),
                         "[\(formatNumber(low)), \(formatNumber(low + width)))", formatNumber(width)])
        }
    }
    var widths = [Int](repeating: 0, count: 5)
    for row in rows { for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.count) } }
    var lines = rows.map { row in
        row.enumerated().map { c, cell in c == 4 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
            .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    let summary = ArithmeticSummary(probabilities: probabilities, message: message)
    let floor = Int((summary.information - 1e-9).rounded(.up))
    lines.append("−log2 P(s) = \(formatNumber(summary.information)) bits; ⌈−log2 P(s)⌉ = \(floor) ≤ len(w) ≤ \(floor + 2)")
    lines.append("codeword \(bits) (\(bits.count) bits) names \(ArithmeticSteps.dyadicInterval(bits)) ⊂ \(summary.intervalText)")
    return lines.joined(separator: "\n")
}

/// Helpers of `explainArithmeticCode`.
enum ArithmeticSteps {
    /// Messages longer than this show their first and last steps around "…".
    static let maxRows = 16

    /// One step in exact fractions.
    struct Step {
        let p: ExactFraction
        let low: ExactFraction
        let width: ExactFraction
    }

    /// The steps in exact fractions, or nil when a p is no simple fraction or a fraction overflows.
    static func exact(_ probabilities: [Double], message: [Int]) -> [Step]? {
        guard message.count <= maxRows else { return nil }
        var fractions: [ExactFraction] = []
        for p in probabilities {
            guard let f = ExactFraction.approximating(p) else { return nil }
            fractions.append(f)
        }
        var cumulative = [ExactFraction.zero]
        for f in fractions {
            guard let next = cumulative[cumulative.count - 1] + f else { return nil }
            cumulative.append(next)
        }
        var low = ExactFraction.zero, width = ExactFraction.one
        var steps: [Step] = []
        for symbol in message {
            guard let offset = width * cumulative[symbol], let newLow = low + offset,
                  let newWidth = width * fractions[symbol] else { return nil }
            (low, width) = (newLow, newWidth)
            steps.append(Step(p: fractions[symbol], low: low, width: width))
        }
        return steps
    }

    /// [0.w, 0.w + 2^−len(w)) as fractions (decimals past 62 bits).
    static func dyadicInterval(_ bits: String) -> String {
        guard bits.count <= 62 else { return "an interval of width 2^-\(bits.count)" }
        let m = bits.reduce(0) { $0 * 2 + ($1 == "1" ? 1 : 0) }
        let d = 1 << bits.count
        return "[\(ExactFraction(m, d).text), \(ExactFraction(m + 1, d).text))"
    }
}
