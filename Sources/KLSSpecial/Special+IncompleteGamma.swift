#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The regularized incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = 1 − P.
extension Special {
    /// P(a, x) = (1/Γ(a)) ∫₀ˣ t^(a−1) e^(−t) dt, the regularized lower incomplete gamma
    /// function (the Gamma(a, 1) cdf). Relative accuracy ~1e-14 (worse only where the result
    /// is itself ill-conditioned, e.g. e^(−700)-sized tails). a = 0 gives 1 for x > 0.
    public static func gammaP(_ a: Double, _ x: Double) -> Double {
        incompleteGamma(a, x).lower
    }

    /// Q(a, x) = 1 − P(a, x), computed directly (not as 1 − P) where it is small.
    public static func gammaQ(_ a: Double, _ x: Double) -> Double {
        incompleteGamma(a, x).upper
    }

    /// Both regularized incomplete gammas, each to full relative accuracy: the one that is
    /// small is computed directly and the other as its complement.
    ///
    /// Regions: a ≥ 100 with |x − a| ≤ 0.3a: Temme's uniform expansion; a < 1, x ≤ 1.5: Q by
    /// the small-a series (DiDonato & Morris); x < a + 1: P by its power series; otherwise Q
    /// by its continued fraction (Numerical Recipes §6.2).
    static func incompleteGamma(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
        if a.isNaN || x.isNaN || a < 0 || x < 0 { return (.nan, .nan) }
        if a == 0 { return x > 0 ? (1, 0) : (.nan, .nan) }
        if x == 0 { return (0, 1) }
        if a.isInfinite { return x.isInfinite ? (.nan, .nan) : (0, 1) }
        if x.isInfinite { return (1, 0) }
        if TemmeExpansion.applies(a, x) { return TemmeExpansion.incompleteGamma(a, x) }
        if a < 1 && x <= 1.5 {
            let q = upperGammaSmallA(a, x)
            return q <= 0.5 ? (1 - q, q) : (lowerGammaSeries(a, x), q)
        }
        if x < a + 1 {
            let p = lowerGammaSeries(a, x)
            return (p, 1 - p)
        }
        let q = upperGammaContinuedFraction(a, x)
        return (1 - q, q)
    }

    /// xᵃ e⁻ˣ / Γ(a), the common factor of both expansions.
    ///
    /// For a ≥ 10 it is √(a/2π)·exp(−a·(t − 1 − log t))/Γ*(a) with t = x/a, where
    /// t − 1 − log t = −log1pmx((x − a)/a) keeps relative accuracy near the peak x ≈ a.
    static func gammaPrefactor(_ a: Double, _ x: Double) -> Double {
        if a < 10 {
            // The direct product avoids exp of a sum of large logarithms where it cannot
            // under- or overflow.
            let power = pow(x, a)
            if x < 700 && power.isFinite && power >= 0x1p-1000 { return power * exp(-x) / gamma(a) }
            return exp(a * log(x) - x - lgamma(a))
        }
        let u = (x - a) / a
        // Far below the peak, u rounds towards −1; use a·log(x/a) + (a − x) there instead.
        let exponent = u < -0.7 ? a * log(x / a) + (a - x) : a * log1pmx(u)
        return (a / (2 * .pi)).squareRoot() * exp(exponent - stirlingCorrection(a))
    }

    /// P(a, x) = xᵃe⁻ˣ/Γ(a + 1) · Σₙ xⁿ / ((a + 1)⋯(a + n)); all terms positive.
    private static func lowerGammaSeries(_ a: Double, _ x: Double) -> Double {
        let prefactor = gammaPrefactor(a, x)
        if prefactor == 0 { return 0 }
        var term = 1.0
        var sum = 1.0
        var denominator = a
        for _ in 0..<iterationLimit(a) {
            denominator += 1
            term *= x / denominator
            sum += term
            if term <= sum * 1e-17 { break }
        }
        return prefactor / a * sum
    }

    /// Q(a, x) = xᵃe⁻ˣ/Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …))),
    /// evaluated by the modified Lentz method.
    private static func upperGammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let prefactor = gammaPrefactor(a, x)
        if prefactor == 0 { return 0 }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        var i = 1.0
        for _ in 0..<iterationLimit(a) {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) <= 1e-16 { break }
            i += 1
        }
        return prefactor * fraction
    }

    /// Q(a, x) for a < 1 and x ≤ 1.5, from the termwise-integrated series of γ(a, x):
    /// Q = −expm1(a·log x − log Γ(1 + a)) − (xᵃ/Γ(a))·Σₙ≥₁ (−x)ⁿ / (n!·(a + n)),
    /// which avoids the cancellation in 1 − P when Q is small.
    private static func upperGammaSmallA(_ a: Double, _ x: Double) -> Double {
        let logPower = a * log(x) - lgamma1p(a)
        var term = 1.0
        var sum = 0.0
        var n = 1.0
        while n < 200 {
            term *= -x / n
            let contribution = term / (a + n)
            sum += contribution
            if abs(contribution) <= 1e-17 * abs(sum) { break }
            n += 1
        }
        return -expm1(logPower) - a * exp(logPower) * sum
    }

    /// Both expansions converge in O(√a) steps near x ≈ a; this caps them generously.
    private static func iterationLimit(_ a: Double) -> Int {
        let limit = 1000 + 20 * a.squareRoot()
        return limit < 10_000_000 ? Int(limit) : 10_000_000
    }
}
