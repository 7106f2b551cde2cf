import Foundation

/// What an arithmetic codeword is measured against: the message's information −log₂ P(s) and
/// its interval [F(s), F(s) + P(s)) under the model (F(s) the probability of the messages of
/// the same length before s). Computed from the model and the message when asked, never while
/// encoding, so coding a long text costs nothing extra.
public struct ArithmeticSummary: Sendable {
    /// −log₂ P(s) in bits: Σₖ nₖ·(−log₂ pₖ) over the symbol counts nₖ (exact for dyadic models).
    public let information: Double
    /// The interval's low end and width in doubles (the width underflows to 0 for long messages).
    public let low: Double
    public let width: Double
    /// The interval in exact fractions, when the message is short and every p a simple fraction.
    let exact: ArithmeticSteps.Step?

    /// The summary of `message` (symbol indices, already checked by the coder) under `probabilities`.
    public init(probabilities: [Double], message: [Int]) {
        var counts = [Int](repeating: 0, count: probabilities.count)
        for symbol in message { counts[symbol] += 1 }
        var information = 0.0
        for (symbol, n) in counts.enumerated() where n > 0 { information -= Double(n) * log2(probabilities[symbol]) }
        self.information = information
        var cumulative = [0.0]
        for p in probabilities { cumulative.append(cumulative[cumulative.count - 1] + p) }
        var low = 0.0, width = 1.0
        for symbol in message where width > 0 {
            low += width * cumulative[symbol]
            width *= probabilities[symbol]
        }
        self.low = low
        self.width = width
        exact = ArithmeticSteps.exact(probabilities, message: message)?.last
    }

    /// `[7/16, 29/64)` in exact fractions; in decimals to two digits past the width's first
    /// (`[0.27074285714179, 0.27074285714365)`: the digits the doubles get right) while the
    /// width is above 10⁻¹²; `of width 2^-82.1532` below that.
    public var intervalText: String {
        if let e = exact { return "[\(e.low.text), \((e.low + e.width)?.text ?? "?"))" }
        guard width > 1e-12 else { return "of width 2^-\(Self.bitsText(information))" }
        let places = Int((-log10(width)).rounded(.up)) + 2
        return "[\(Self.trimmed(formatFixed(low, places: places))), \(Self.trimmed(formatFixed(low + width, places: places))))"
    }

    /// The note beside a codeword of `length` bits:
    /// `6 bits; −log2 P(s) = 6 bits; message interval [7/16, 29/64)`.
    public func note(length: Int) -> String {
        let information = Self.bitsText(self.information)
        return "\(length) bit\(length == 1 ? "" : "s"); −log2 P(s) = \(information) bit\(information == "1" ? "" : "s"); "
            + "message interval \(intervalText)"
    }

    /// A number of bits to four decimals without trailing zeros: 6, 6.3808.
    static func bitsText(_ x: Double) -> String { trimmed(formatFixed(x, places: 4)) }

    /// A fixed-point number without trailing zeros after the point: 0.2500 → 0.25, 6.0000 → 6.
    static func trimmed(_ fixed: String) -> String {
        var text = fixed
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
