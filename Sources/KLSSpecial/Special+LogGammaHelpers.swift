#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Building blocks shared by the gamma-family functions: Stirling's correction, log(1+u) − u,
/// log Γ(1 + a) for small a, and log B(a, b).
extension Special {
    /// ½·log(2π).
    static let halfLogTwoPi = 0.9189385332046728

    /// log Γ*(x) = log Γ(x) − [(x − ½)·log x − x + ½·log 2π], the remainder of Stirling's
    /// formula, from its asymptotic series Σ B₂ₖ / (2k(2k−1)·x^(2k−1)). Valid for x ≥ 10,
    /// where the truncation error is below 1e-17.
    static func stirlingCorrection(_ x: Double) -> Double {
        let inverse = 1 / x
        let z = inverse * inverse
        // B₂ₖ / (2k(2k − 1)) for k = 1 … 8.
        var series = -3617.0 / 122_400
        series = series * z + 1.0 / 156
        series = series * z - 691.0 / 360_360
        series = series * z + 1.0 / 1188
        series = series * z - 1.0 / 1680
        series = series * z + 1.0 / 1260
        series = series * z - 1.0 / 360
        series = series * z + 1.0 / 12
        return series * inverse
    }

    /// log(1 + u) − u for u > −1, without the cancellation of the direct formula near 0.
    ///
    /// With s = u / (2 + u): log(1 + u) = 2·atanh(s) and u = 2s + u·s, so
    /// log(1 + u) − u = −u·s + 2·Σₖ≥₁ s^(2k+1) / (2k + 1), a sum without cancellation.
    public static func log1pmx(_ u: Double) -> Double {
        if !(u >= -0.7 && u <= 1.5) { return log1p(u) - u }
        let s = u / (2 + u)
        let s2 = s * s
        var power = s * s2
        var sum = 0.0
        var k = 1.0
        while true {
            let term = power / (2 * k + 1)
            sum += term
            if abs(term) <= 1e-17 * abs(sum) || k > 60 { break }
            power *= s2
            k += 1
        }
        return 2 * sum - u * s
    }

    /// log Γ(1 + a), accurate also for |a| small where 1 + a would round.
    ///
    /// Near 0 it sums log Γ(1 + a) = −γa + Σₖ≥₂ (−1)ᵏ ζ(k)/k · aᵏ.
    static func lgamma1p(_ a: Double) -> Double {
        guard abs(a) <= 0.2 else { return lgamma(1 + a) }
        // (−1)ᵏ ζ(k)/k for k = 2 … 26 (mpmath.zeta(k)/k).
        let coefficients: [Double] = [
            0.8224670334241132, -0.40068563438653143, 0.27058080842778454,
            -0.20738555102867398, 0.1695571769974082, -0.1440498967688461,
            0.12550966952474304, -0.11133426586956469, 0.1000994575127818,
            -0.09095401714582904, 0.083353840546109, -0.0769325164113522,
            0.07143294629536133, -0.06666870588242046, 0.06250095514121304,
            -0.058823978658684585, 0.055555767627403614, -0.05263167937961666,
            0.05000004769810169, -0.047619070330142226, 0.04545455629320467,
            -0.04347826605304026, 0.04166666915034121, -0.04000000119214014,
            0.03846153903467518,
        ]
        var series = 0.0
        for c in coefficients.reversed() { series = series * a + c }
        let eulerGamma = 0.5772156649015329
        return a * (series * a - eulerGamma)
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b) for a, b > 0, accurate also when
    /// one or both arguments are large (no cancellation between huge log-gammas).
    public static func lbeta(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN || a < 0 || b < 0 { return .nan }
        if a == 0 || b == 0 { return .infinity }
        let small = min(a, b)
        let large = max(a, b)
        if large.isInfinite { return -.infinity }
        if large < 10 { return lgamma(a) + lgamma(b) - lgamma(a + b) }
        let sum = small + large
        if small < 10 {
            // log Γ(L) − log Γ(s + L) by Stirling, with a + b's large terms cancelled exactly.
            let ratio = small / large
            let difference = -(large - 0.5) * log1pmx(ratio) + 0.5 * ratio - small * log(sum)
                + stirlingCorrection(large) - stirlingCorrection(sum)
            return lgamma(small) + difference
        }
        return halfLogTwoPi - small * log1p(large / small) - large * log1p(small / large)
            + 0.5 * (log(sum) - log(small) - log(large))
            + stirlingCorrection(small) + stirlingCorrection(large) - stirlingCorrection(sum)
    }
}
