/// Compact tick labels written from the ticks' exact decimal form, index · mantissa · 10^exponent
/// (no floating-point formatting): "0", "0.5", "1e6", "2.5e-5".
enum TickLabelFormat {
    /// Labels of ticks `indices` of `step`: in fixed notation with the decimals the step needs
    /// (all labels of an axis alike, "0.0", "0.5", "1.0"), or in short scientific notation, with
    /// the digits the step resolves, when the ticks reach 1e6 or the step is below 1e-4.
    static func labels(step: TickStep, indices: ClosedRange<Int>) -> [String] {
        let largest = Swift.max(Swift.abs(step.tick(indices.lowerBound)), Swift.abs(step.tick(indices.upperBound)))
        let scientific = largest >= 1e6 || step.exponent < -4
        return indices.map { index in
            let digits = index * step.mantissa
            return scientific ? scientificLabel(digits, exponent: step.exponent) : fixedLabel(digits, exponent: step.exponent)
        }
    }

    /// `digits` · 10^`exponent` in fixed notation, with −`exponent` decimals when it is negative.
    private static func fixedLabel(_ digits: Int, exponent: Int) -> String {
        let sign = digits < 0 ? "-" : ""
        let magnitude = String(digits.magnitude)
        guard digits != 0 || exponent < 0 else { return "0" }
        if exponent >= 0 { return sign + magnitude + String(repeating: "0", count: exponent) }
        let decimals = -exponent
        let padded = String(repeating: "0", count: Swift.max(0, decimals + 1 - magnitude.count)) + magnitude
        let point = padded.index(padded.endIndex, offsetBy: -decimals)
        return sign + padded[..<point] + "." + padded[point...]
    }

    /// `digits` · 10^`exponent` as "d.ddde±x" with every digit of `digits`, e.g. 15 · 10^−6 → "1.5e-5".
    private static func scientificLabel(_ digits: Int, exponent: Int) -> String {
        guard digits != 0 else { return "0" }
        let sign = digits < 0 ? "-" : ""
        let magnitude = String(digits.magnitude)
        let mantissa = magnitude.count > 1 ? "\(magnitude.prefix(1)).\(magnitude.dropFirst())" : magnitude
        return "\(sign)\(mantissa)e\(exponent + magnitude.count - 1)"
    }
}
