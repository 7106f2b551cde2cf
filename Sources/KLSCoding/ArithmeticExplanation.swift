import BigInt

/// The teaching text of `explain(arith_encode(P, s))`: the interval [low, low + width) narrowed
/// symbol by symbol (low += width·c(s), width *= p(s), c the cumulative probability before s) in
/// exact arithmetic, written as fractions while their denominators are small and as correctly
/// rounded decimals otherwise (`ExactIntervalText`), then −log₂ P(s) and the codeword's dyadic
/// interval inside the final interval:
///
///     step  symbol  p    interval      width
///     0                  [0, 1)        1
///     1     A       1/2  [0, 1/2)      1/2
///     2     C       1/4  [3/8, 1/2)    1/8
///     −log2 P(s) = 3 bits; ⌈−log2 P(s)⌉ = 3 ≤ len(w) ≤ 4
///     codeword 011 (3 bits) names [3/8, 1/2) ⊂ [3/8, 1/2)
///
/// Messages past `ExactArithmeticModel.isExact` are coded by the 63-bit `ArithmeticCoder`: their
/// table stops after the first steps and the last line names the coder's interval.
/// - Throws: as `arithEncode`.
public func explainArithmeticCode(probabilities: [Double], message: [Int], symbols: [String]?) throws(CodingError) -> String {
    let bits = try arithEncode(probabilities: probabilities, message: message)
    let model = ExactArithmeticModel(probabilities: probabilities)
    let exact = model.isExact(count: message.count)
    var rows = [["step", "symbol", "p", "interval", "width"], ["0", "", "", "[0, 1)", "1"]]
    let half = ArithmeticSteps.maxRows / 2
    var low = BigUInt(0), width = BigUInt(1), denominator = BigUInt(1)
    for (position, symbol) in message.enumerated() {
        let shown = message.count <= ArithmeticSteps.maxRows || position < half || position >= message.count - half
        if position == half, !shown || !exact { rows.append(["…", "", "", "", ""]) }
        guard exact || position < half else { break }
        low = model.timesTotal(low) + width * model.cumulative[symbol]
        width *= model.frequencies[symbol]
        denominator = model.timesTotal(denominator)
        guard shown else { continue }
        let bitsOfWidth = ExactInterval(low: low, width: width, denominator: denominator).information
        rows.append([String(position + 1), symbols?[symbol] ?? String(symbol), ExactIntervalText.fraction(model.frequencies[symbol], model.total)
                        ?? formatNumber(ExactInterval.double(model.frequencies[symbol], over: model.total)),
                     ExactIntervalText.interval(low: low, high: low + width, denominator: denominator, widthBits: bitsOfWidth)
                        ?? "of width 2^-\(ExactIntervalText.bits(bitsOfWidth))",
                     ExactIntervalText.fraction(width, denominator) ?? ArithmeticSteps.widthText(width, denominator, bitsOfWidth)])
    }
    var widths = [Int](repeating: 0, count: 5)
    for row in rows { for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.count) } }
    var lines = rows.map { row in
        row.enumerated().map { c, cell in c == 4 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
            .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    let summary = ArithmeticSummary(probabilities: probabilities, message: message)
    let floor = summary.exact?.ceilingInformation ?? Int((summary.information - 1e-9).rounded(.up))
    let slack = exact ? 1 : 2
    lines.append("−log2 P(s) = \(formatNumber(summary.information)) bits; ⌈−log2 P(s)⌉ = \(floor) ≤ len(w) ≤ \(floor + slack)")
    let named = ArithmeticSteps.dyadicInterval(bits)
    if !exact {
        lines.append("codeword (\(bits.count) bits) names \(named) inside the 63-bit coder's interval "
            + "(messages past \(model.exactLimit) symbols; the message's interval has width 2^-\(ExactIntervalText.bits(summary.information)))")
    } else if summary.intervalText.hasPrefix("[") {
        lines.append("codeword \(bits) (\(bits.count) bits) names \(named) ⊂ \(summary.intervalText)")
    } else {
        lines.append("codeword \(bits) (\(bits.count) bits) names \(named) inside the message's interval \(summary.intervalText)")
    }
    return lines.joined(separator: "\n")
}

/// Helpers of `explainArithmeticCode`.
enum ArithmeticSteps {
    /// Messages longer than this show their first and last steps around "…".
    static let maxRows = 16

    /// A width too fine for a small fraction: the correctly rounded double, or 2^-N once below 1e-300.
    static func widthText(_ width: BigUInt, _ denominator: BigUInt, _ bits: Double) -> String {
        bits < 996 ? formatNumber(ExactInterval.double(width, over: denominator)) : "2^-\(ExactIntervalText.bits(bits))"
    }

    /// [0.w, 0.w + 2^−len(w)) as fractions or decimals (`ExactIntervalText`), else `an interval of width 2^-len(w)`.
    static func dyadicInterval(_ bits: String) -> String {
        let m = BigUInt(bits, radix: 2) ?? 0
        let d = BigUInt(1) << bits.count
        return ExactIntervalText.interval(low: m, high: m + 1, denominator: d, widthBits: Double(bits.count))
            ?? "an interval of width 2^-\(bits.count)"
    }
}
