import Foundation

/// A tick spacing mantissa × 10^exponent: mantissa 1, 2 or 5 for plain 1-2-5 steps, or
/// k × the mantissa of a unit (k = 1, 2 or 5) for steps counted in units (0.2 × 2 = 4 × 10^−1).
struct TickStep: Equatable {
    /// A whole number from 1 to 5,000: 1, 2 or 5 for plain steps.
    let mantissa: Int
    /// Power of ten, e.g. −1 for steps of 0.1, 0.2 or 0.5.
    let exponent: Int

    /// Largest mantissa of a unit (`init(unit:)`), so that index · mantissa · 5 stays far inside `Int`
    /// for the indices below 1e15 that `AxisTicks` uses.
    static let unitMantissaLimit = 1000

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

    /// Steps of 1, 2 or 5 × 10^k units around `rawStep` (k ≥ 0): from a decade below
    /// `rawStep` to a decade above it, and at least the unit itself. Mantissas are kept free of
    /// trailing zeros (5 × 0.2 is 1 × 10^0, not 10 × 10^−1), so labels get no needless decimals.
    static func candidates(around rawStep: Double, inUnitsOf unit: TickStep) -> [TickStep] {
        let decade = decade(of: rawStep / unit.value) ?? 0
        let exponents = Swift.max(decade - 1, 0)...Swift.max(decade + 1, 1)
        return steps(exponents: exponents).map {
            var mantissa = $0.mantissa * unit.mantissa, exponent = $0.exponent + unit.exponent
            while mantissa >= 10, mantissa % 10 == 0 {
                mantissa /= 10
                exponent += 1
            }
            return TickStep(mantissa: mantissa, exponent: exponent)
        }
    }

    /// `unit` written as m × 10^e with a whole m ≤ `unitMantissaLimit` (to a relative 1e-9),
    /// e.g. 0.25 = 25 × 10^−2; nil for units that have no such form (1/3) or are not positive and finite.
    init?(unit: Double) {
        guard let decade = Self.decade(of: unit), Swift.abs(decade) < 300 else { return nil }
        for exponent in stride(from: decade, through: decade - 3, by: -1) {
            let mantissa = exponent >= 0 ? unit / pow10(exponent) : unit * pow10(-exponent)
            let whole = mantissa.rounded()
            if whole >= 1, whole <= Double(Self.unitMantissaLimit), Swift.abs(mantissa - whole) <= 1e-9 * whole {
                self.init(mantissa: Int(whole), exponent: exponent)
                return
            }
        }
        return nil
    }

    /// The step `mantissa` × 10^`exponent`.
    init(mantissa: Int, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
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
