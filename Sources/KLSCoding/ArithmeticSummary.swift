import Foundation

/// What an arithmetic codeword is measured against: the message's information −log₂ P(s) and
/// its interval [F(s), F(s) + P(s)) under the model (F(s) the probability of the messages of
/// the same length before s; the model is `ExactArithmeticModel`'s: each pᵢ the exact value of
/// its double over their exact sum). Computed from the model and the message when asked, never
/// while encoding, so coding a long text costs nothing extra.
public struct ArithmeticSummary: Sendable {
    /// −log₂ P(s) in bits (to about 15 significant digits).
    public let information: Double
    /// F(s) and F(s) + P(s) rounded to doubles: correctly rounded from the exact values for
    /// messages coded exactly; past `ExactArithmeticModel.isExact` computed in floating point
    /// (so the two meet once P(s) is below F(s)'s last digit).
    public let low: Double
    public let high: Double
    /// The exact interval, for messages coded exactly (nil past that limit).
    let exact: ExactInterval?

    /// The summary of `message` (symbol indices, already checked by the coder) under `probabilities`.
    public init(probabilities: [Double], message: [Int]) {
        let model = ExactArithmeticModel(probabilities: probabilities)
        if model.isExact(count: message.count), let interval = try? model.interval(of: message) {
            exact = interval
            information = interval.information
            low = ExactInterval.double(interval.low, over: interval.denominator)
            high = ExactInterval.double(interval.low + interval.width, over: interval.denominator)
            return
        }
        exact = nil
        var counts = [Int](repeating: 0, count: probabilities.count)
        for symbol in message { counts[symbol] += 1 }
        let logTotal = ExactInterval.log2(model.total)
        var information = 0.0
        for (symbol, n) in counts.enumerated() where n > 0 {
            information += Double(n) * (logTotal - ExactInterval.log2(model.frequencies[symbol]))
        }
        self.information = information
        var cumulative = [0.0]
        for p in probabilities { cumulative.append(cumulative[cumulative.count - 1] + p) }
        var low = 0.0, width = 1.0
        for symbol in message where width > 0 {
            low += width * cumulative[symbol]
            width *= probabilities[symbol]
        }
        self.low = low
        self.high = low + width
    }

    /// The message's interval, `[19/64, 5/16)` in fractions while their denominators are small,
    /// else correctly rounded decimals two places past the width's first digit
    /// (`[0.526786213378096325, 0.526786213378096334)`), else `of width 2^-82.1532`.
    public var intervalText: String {
        exact.flatMap { ExactIntervalText.interval(low: $0.low, high: $0.low + $0.width, denominator: $0.denominator,
                                                   widthBits: information) }
            ?? "of width 2^-\(ExactIntervalText.bits(information))"
    }

    /// The note beside a codeword of `length` bits:
    /// `6 bits; −log2 P(s) = 6 bits; message interval [7/16, 29/64)`.
    public func note(length: Int) -> String {
        let information = ExactIntervalText.bits(self.information)
        return "\(length) bit\(length == 1 ? "" : "s"); −log2 P(s) = \(information) bit\(information == "1" ? "" : "s"); "
            + "message interval \(intervalText)"
    }
}
