#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The polygamma functions of order 0 and 1.
extension Special {
    /// ψ(x) = d/dx log Γ(x).
    ///
    /// Positive x: the recurrence ψ(x + 1) = ψ(x) + 1/x moves x into [1, 2], where a Taylor
    /// series about the positive root x₀ = 1.4616… keeps full relative accuracy through the zero;
    /// x ≥ 10 uses the asymptotic series. Negative x: reflection ψ(x) = ψ(1 − x) − π·cot(πx),
    /// plus a Taylor series about the first negative root −0.5040…; near the other negative
    /// roots the error is absolute (~1e-16), not relative. Poles: −∞ at +0, +∞ at −0, NaN at
    /// negative integers and −∞.
    public static func digamma(_ x: Double) -> Double {
        if x.isNaN || x == .infinity { return x }
        if x == 0 { return x.sign == .plus ? -.infinity : .infinity }
        if x < 0 {
            if x == x.rounded(.down) { return .nan }
            if abs(x - DigammaRoot.negative.high) <= 0.1 { return DigammaRoot.negative.series(x) }
            return digamma(1 - x) - .pi / tanOfPiTimes(x)
        }
        if x < 1 { return digamma(x + 1) - 1 / x }
        if x <= 2 { return DigammaRoot.positive.series(x) }
        if x < 10 {
            var shifted = x
            var sum = 0.0
            while shifted > 2 {
                shifted -= 1
                sum += 1 / shifted
            }
            return DigammaRoot.positive.series(shifted) + sum
        }
        return digammaAsymptotic(x)
    }

    /// ψ₁(x) = d²/dx² log Γ(x); +∞ at the poles 0, −1, −2, …, 0 at +∞, NaN at −∞.
    ///
    /// Upward recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² (positive terms only) to x ≥ 10, then the
    /// asymptotic series; reflection ψ₁(x) = π²/sin²(πx) − ψ₁(1 − x) for x < 0.
    public static func trigamma(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x == .infinity { return 0 }
        if x == -.infinity { return .nan }
        if x <= 0 {
            if x == x.rounded(.down) { return .infinity }
            let s = sinOfPiTimes(x)
            return .pi * .pi / (s * s) - trigamma(1 - x)
        }
        var shifted = x
        var sum = 0.0
        while shifted < 10 {
            sum += 1 / (shifted * shifted)
            shifted += 1
        }
        return sum + trigammaAsymptotic(shifted)
    }

    /// ψ(x) ≈ log x − 1/(2x) − Σₖ B₂ₖ/(2k·x^(2k)), truncated below 1e-18 for x ≥ 10.
    private static func digammaAsymptotic(_ x: Double) -> Double {
        let z = 1 / (x * x)
        // B₂ₖ / (2k) for k = 1 … 9.
        var series = 43867.0 / 14364
        series = series * z - 3617.0 / 8160
        series = series * z + 1.0 / 12
        series = series * z - 691.0 / 32760
        series = series * z + 1.0 / 132
        series = series * z - 1.0 / 240
        series = series * z + 1.0 / 252
        series = series * z - 1.0 / 120
        series = series * z + 1.0 / 12
        return log(x) - 0.5 / x - series * z
    }

    /// ψ₁(x) ≈ 1/x + 1/(2x²) + Σₖ B₂ₖ/x^(2k+1), truncated below 1e-17 relative for x ≥ 10.
    private static func trigammaAsymptotic(_ x: Double) -> Double {
        let inverse = 1 / x
        let z = inverse * inverse
        // B₂ₖ for k = 1 … 10.
        var series = -174611.0 / 330
        series = series * z + 43867.0 / 798
        series = series * z - 3617.0 / 510
        series = series * z + 7.0 / 6
        series = series * z - 691.0 / 2730
        series = series * z + 5.0 / 66
        series = series * z - 1.0 / 30
        series = series * z + 1.0 / 42
        series = series * z - 1.0 / 30
        series = series * z + 1.0 / 6
        return inverse + 0.5 * z + series * z * inverse
    }

    /// tan(πx) with x reduced exactly modulo 1 first, so large |x| loses no accuracy.
    static func tanOfPiTimes(_ x: Double) -> Double {
        let reduced = x - x.rounded()
        return tan(.pi * reduced)
    }

    /// sin(πx) up to sign (the sign is irrelevant where it is squared), reduced exactly mod 1.
    static func sinOfPiTimes(_ x: Double) -> Double {
        let reduced = x - x.rounded()
        return sin(.pi * reduced)
    }
}

/// A Taylor expansion of ψ about one of its zeros: ψ(r + t) = Σₖ≥₁ cₖ·tᵏ with
/// cₖ = ψ⁽ᵏ⁾(r)/k!, the root split as high + low doubles so that t is exact to ~1e-32.
/// Coefficients from `mpmath.polygamma(k, r) / mpmath.factorial(k)` at 60 digits.
struct DigammaRoot {
    let high: Double
    let low: Double
    let coefficients: [Double]

    /// Evaluates the series at x by Horner's rule.
    func series(_ x: Double) -> Double {
        let t = (x - high) - low
        var sum = 0.0
        for c in coefficients.reversed() { sum = sum * t + c }
        return sum * t
    }

    /// The positive zero 1.4616321449683623…; 40 terms reach 3e-18 over all of [1, 2].
    static let positive = DigammaRoot(
        high: 1.4616321449683622, low: 9.549995429965697e-17,
        coefficients: [
            0.9676722454476212, -0.4427631689835921, 0.258499760955651,
            -0.16394270544240652, 0.10782405069126237, -0.07219956125645471,
            0.04880428816414311, -0.03316112647484736, 0.022597648232218104,
            -0.01542476590494896, 0.010538791616612175, -0.007204534386356869,
            0.004926781395729853, -0.003369801655439328, 0.002305126326734928,
            -0.0015769367714301972, 0.0010788252019162967, -0.0007380709389960052,
            0.000504953265834602, -0.0003454680251063077, 0.00023635601564027053,
            -0.00016170622091974803, 0.0001106337276874741, -7.569179582195066e-05,
            5.178575795222081e-05, -3.5430070947659604e-05, 2.424006611860132e-05,
            -1.6584242271854135e-05, 1.134638458466385e-05, -7.762817668462094e-06,
            5.3110609208898636e-06, -3.6336507898010456e-06, 2.486022733129538e-06,
            -1.7008538854332607e-06, 1.1636675363548843e-06, -7.96142543124197e-07,
            5.446941930669446e-07, -3.7266161283438227e-07, 2.549626552021554e-07,
            -1.7443695117727745e-07,
        ])

    /// The first negative zero −0.5040830082644554…; 26 terms reach 6e-19 for |t| ≤ 0.1.
    static let negative = DigammaRoot(
        high: -0.5040830082644554, low: -8.15428206243813e-18,
        coefficients: [
            8.939798558792134, -0.8093454625306507, 32.258572064915505,
            -2.761011648790828, 128.27342343090902, -14.70672173553036,
            513.2704629562862, -75.37700066344631, 2055.5357119463315,
            -368.5783503832191, 8234.667099203069, -1743.364608867363,
            32997.785655255044, -8051.818155363498, 132262.95480834588,
            -36529.94596948565, 530280.3912420176, -163451.79342700253,
            2126602.3725968753, -723318.8861804305, 8530604.878543982,
            -3172131.3155744765, 34228316.69580112, -13807481.997263888,
            137373435.87411496, -59721085.411294304,
        ])
}
