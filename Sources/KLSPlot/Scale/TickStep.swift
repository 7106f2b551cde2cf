import Foundation

/// A tick spacing of the form mantissa × 10^exponent with mantissa 1, 2 or 5.
struct TickStep: Equatable {
    /// 1, 2 or 5.
    let mantissa: Int
    /// Power of ten, e.g. −1 for steps of 0.1, 0.2 or 0.5.
    let exponent: Int

    /// The step in data units.
    var value: Double {
        exponent >= 0
            ? Double(mantissa) * pow10(exponent)
            : Double(mantissa) / pow10(-exponent)
    }

    /// The data value of tick number `index` (index · step), computed without accumulating error.
    func tick(_ index: Int) -> Double {
        exponent >= 0
            ? Double(index * mantissa) * pow10(exponent)
            : Double(index * mantissa) / pow10(-exponent)
    }

    /// The 1-2-5 candidates around `rawStep`: a decade below to a decade above.
    static func candidates(around rawStep: Double) -> [TickStep] {
        guard rawStep.isFinite, rawStep > 0 else { return [TickStep(mantissa: 1, exponent: 0)] }
        let decade = Int(log10(rawStep).rounded(.down))
        var steps: [TickStep] = []
        for exponent in (decade - 1)...(decade + 1) {
            for mantissa in [1, 2, 5] { steps.append(TickStep(mantissa: mantissa, exponent: exponent)) }
        }
        return steps
    }
}

/// 10^n for a non-negative n, exact for n ≤ 22.
private func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<Swift.max(0, n) { result *= 10 }
    return result
}
