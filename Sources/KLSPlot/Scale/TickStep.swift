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
        guard let decade = decade(of: rawStep) else { return [TickStep(mantissa: 1, exponent: 0)] }
        return steps(exponents: (decade - 1)...(decade + 1))
    }

    /// The 1-2-5 candidates around `rawStep` that are whole multiples of `unit` (a positive
    /// unit below 1e300): from a decade below `rawStep`, but never below the decade of `unit`,
    /// to a decade above both; empty when none of them is a multiple.
    static func candidates(around rawStep: Double, multipleOf unit: Double) -> [TickStep] {
        guard unit > 0, let unitDecade = decade(of: unit), unitDecade < 300 else { return [] }
        let decade = decade(of: rawStep) ?? unitDecade
        let exponents = Swift.max(decade - 1, unitDecade)...Swift.max(decade + 1, unitDecade + 1)
        return steps(exponents: exponents).filter { $0.isWholeMultiple(of: unit) }
    }

    /// Whether the step is n · `unit` for a whole n ≥ 1 (to a relative 1e-9).
    func isWholeMultiple(of unit: Double) -> Bool {
        let quotient = value / unit
        return quotient >= 1 - 1e-9 && Swift.abs(quotient - quotient.rounded()) <= 1e-9 * quotient
    }

    /// ⌊log10 x⌋ for a positive finite x, else nil.
    private static func decade(of x: Double) -> Int? {
        guard x.isFinite, x > 0 else { return nil }
        return Int(log10(x).rounded(.down))
    }

    /// Steps 1, 2 and 5 × 10^e for each e in `exponents`, increasing.
    private static func steps(exponents: ClosedRange<Int>) -> [TickStep] {
        exponents.flatMap { exponent in [1, 2, 5].map { TickStep(mantissa: $0, exponent: exponent) } }
    }
}

/// 10^n for a non-negative n, exact for n ≤ 22.
private func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<Swift.max(0, n) { result *= 10 }
    return result
}
