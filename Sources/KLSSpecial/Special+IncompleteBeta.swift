#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The regularized incomplete beta function I_x(a, b) and its complement.
extension Special {
    /// I_x(a, b) = (1/B(a, b)) ∫₀ˣ t^(a−1) (1 − t)^(b−1) dt, the Beta(a, b) cdf.
    ///
    /// A power series serves a < 1 with b·x < 1 (or the mirror case via
    /// I_x(a, b) = 1 − I_(1−x)(b, a)); otherwise DiDonato & Morris' continued fraction
    /// (ACM TOMS 708, 1992) is evaluated with x oriented at or below the mean a/(a + b). The prefactor xᵃ(1 − x)ᵇ/B(a, b) is
    /// evaluated by Stirling's formula without cancellation when a, b ≥ 10, so relative
    /// accuracy stays ~1e-15 for shapes up to 1e6 and beyond. Degenerate shapes: a = 0 or
    /// b = ∞ is a point mass at 0, b = 0 or a = ∞ one at 1.
    public static func betaInc(_ a: Double, _ b: Double, _ x: Double) -> Double {
        incompleteBeta(a, b, x).lower
    }

    /// 1 − I_x(a, b), computed directly (not by subtraction) where it is small.
    public static func betaIncComplement(_ a: Double, _ b: Double, _ x: Double) -> Double {
        incompleteBeta(a, b, x).upper
    }

    /// Both I_x(a, b) and 1 − I_x(a, b), each to full relative accuracy.
    static func incompleteBeta(_ a: Double, _ b: Double, _ x: Double) -> (lower: Double, upper: Double) {
        if a.isNaN || b.isNaN || x.isNaN { return (.nan, .nan) }
        if a < 0 || b < 0 || x < 0 || x > 1 { return (.nan, .nan) }
        let massAtZero = a == 0 || b.isInfinite
        let massAtOne = b == 0 || a.isInfinite
        if massAtZero && massAtOne { return (.nan, .nan) }
        if massAtZero { return x > 0 ? (1, 0) : (0, 1) }
        if massAtOne { return x < 1 ? (0, 1) : (1, 0) }
        if x == 0 { return (0, 1) }
        if x == 1 { return (1, 0) }
        if min(a, b) >= largeShapes { return incompleteBetaEdgeworth(a, b, x) }
        let y = 1 - x
        // The power series converges fast (and without cancellation) when b·x < 1.
        if a < 1 && x <= 0.7 && b * x < 1 { return incompleteBetaSeries(a, b, x) }
        if b < 1 && y <= 0.7 && a * y < 1 {
            let swapped = incompleteBetaSeries(b, a, y)
            return (swapped.upper, swapped.lower)
        }
        // The continued fraction is evaluated with x at or below the mean, where
        // a − (a + b)x = a·y − b·x ≥ 0; there I_x(a, b) is not close to 1.
        if exactDifference(a, y, b, x) < 0 {
            let upper = betaPrefactor(b, a, y, x) / betaContinuedFraction(b, a, y, x)
            return (1 - upper, upper)
        }
        let lower = betaPrefactor(a, b, x, y) / betaContinuedFraction(a, b, x, y)
        return (lower, 1 - lower)
    }

    /// Shapes from which I_x(a, b) comes from `incompleteBetaEdgeworth`: the continued fraction
    /// needs about √(a + b) terms near the mean and loses digits beyond ~1e13 (it gave
    /// I_0.5(1e300, 1e300) = 2.2e-140 for the exact ½).
    static let largeShapes = 1e12

    /// I_x(a, b) for a, b ≥ `largeShapes` by the Edgeworth expansion of the Beta(a, b) law about
    /// the normal with its mean and variance: F ≈ Φ(z) − φ(z)[γ₁He₂(z)/6 + γ₂He₃(z)/24 +
    /// γ₁²He₅(z)/72] with skewness γ₁ = O((a + b)^(−½)) and excess kurtosis γ₂ = O(1/(a + b)), so
    /// the neglected terms are O((a + b)^(−3/2)), below 1e-18 here. Moments are taken in the
    /// shares p = a/(a + b), q = b/(a + b), so that shapes near 1e308 do not overflow.
    static func incompleteBetaEdgeworth(_ a: Double, _ b: Double, _ x: Double) -> (lower: Double, upper: Double) {
        let n = a + b
        let p = n.isFinite ? a / n : 1 / (1 + b / a)
        let q = n.isFinite ? b / n : 1 / (1 + a / b)
        let pq = p * q
        // 1/√(n + 1), 0 when n overflows.
        let root = n.isFinite ? 1 / (n + 1).squareRoot() : 0
        let sigma = pq.squareRoot() * root
        guard sigma > 0 else { return x < p ? (0, 1) : (x > p ? (1, 0) : (0.5, 0.5)) }
        // x − a/(a + b) = (x(a + b) − a)/(a + b) with one rounding (fma): the rounding of p
        // itself, ~1e-17, would be a large part of σ ~ (a + b)^(−½).
        let z = (n.isFinite ? fma(x, n, -a) / n : x - p) / sigma
        let skew = 2 * (q - p) / pq.squareRoot() * (n.isFinite ? (n + 1).squareRoot() / (n + 2) : 0)
        let kurtosis = n.isFinite ? 6 * ((p - q) * (p - q) * (n + 1) - pq * (n + 2)) / (pq * (n + 2) * (n + 3)) : 0
        let z2 = z * z
        let he2 = z2 - 1, he3 = z * (z2 - 3), he5 = z * (z2 * (z2 - 10) + 15)
        let density = exp(-0.5 * z2) / (2 * Double.pi).squareRoot()
        let correction = density * (skew / 6 * he2 + kurtosis / 24 * he3 + skew * skew / 72 * he5)
        let lower = min(1, max(0, ndtr(z) - correction))
        let upper = min(1, max(0, ndtr(-z) + correction))
        return (lower, upper)
    }

    /// I_x = G·(1 + a·S) and 1 − I_x = −expm1(log G) − G·a·S with
    /// G = xᵃΓ(a + b)/(Γ(a + 1)Γ(b)) and S = Σₙ≥₁ (1 − b)ₙ xⁿ / (n!·(a + n)), for a < 1 where
    /// I_x can be close to 1 and its complement must not come from a subtraction. The terms
    /// alternate with size ~(bx)ⁿ/n!, so b·x < 1 keeps cancellation below a factor e.
    private static func incompleteBetaSeries(_ a: Double, _ b: Double, _ x: Double) -> (lower: Double, upper: Double) {
        let logG = a * log(x) + lgammaShift(b, by: a) - lgamma1p(a)
        var term = 1.0
        var sum = 0.0
        var n = 1.0
        while n < 2000 {
            term *= (n - b) * x / n
            let contribution = term / (a + n)
            sum += contribution
            if abs(contribution) <= 1e-17 * abs(sum) { break }
            n += 1
        }
        let g = exp(logG)
        return (g * (1 + a * sum), -expm1(logG) - g * a * sum)
    }

    /// xᵃ yᵇ / B(a, b) where x + y = 1 (one of them exact, the other 1 minus it).
    ///
    /// For a, b ≥ 10 it is √(ab/(2π(a + b)))·exp(a·log1pmx(d/a) + b·log1pmx(−d/b))
    /// ·Γ*(a + b)/(Γ*(a)Γ*(b)) with d = b·x − a·y = (a + b)x − a, the distance from the mode.
    static func betaPrefactor(_ a: Double, _ b: Double, _ x: Double, _ y: Double) -> Double {
        let logX = x < 0.5 ? log(x) : log1p(-y)
        let logY = y < 0.5 ? log(y) : log1p(-x)
        if min(a, b) < 10 {
            // pow on the small (exactly known) side avoids exp of a large logarithm.
            let powerX = x < 0.5 ? pow(x, a) : exp(a * logX)
            let powerY = y < 0.5 ? pow(y, b) : exp(b * logY)
            let product = powerX * powerY * exp(-lbeta(a, b))
            if product.isNormal && powerX.isNormal && powerY.isNormal { return product }
            return exp(a * logX + b * logY - lbeta(a, b))
        }
        let d = -exactDifference(a, y, b, x)
        let sum = a + b
        // a·log(x(a+b)/a) − d and b·log(y(a+b)/b) + d; far from the mode 1 + d/a (or 1 − d/b)
        // would round, so the logarithm is taken of x (or y) itself there.
        let u = d / a
        let v = -d / b
        let termA = abs(u) <= 0.5 ? a * log1pmx(u) : a * (logX + log1p(b / a)) - d
        let termB = abs(v) <= 0.5 ? b * log1pmx(v) : b * (logY + log1p(a / b)) + d
        let correction = stirlingCorrection(sum) - stirlingCorrection(a) - stirlingCorrection(b)
        let scale = (a / sum).squareRoot() * (b / (2 * .pi)).squareRoot()
        return scale * exp(termA + termB + correction)
    }

    /// p·q − r·s with the rounding of both products compensated (fma), for the
    /// cancellation-prone distance a·y − b·x from the mean.
    static func exactDifference(_ p: Double, _ q: Double, _ r: Double, _ s: Double) -> Double {
        let rs = r * s
        return fma(p, q, -rs) - fma(r, s, -rs)
    }

    /// DiDonato & Morris' continued fraction, β₀ + α₁/(β₁ + α₂/(β₂ + …)) = prefactor / I_x(a, b),
    /// with αₘ = m(a + m − 1)(a + b + m − 1)(b − m)x² / (a + 2m − 1)² and
    /// βₘ = m + m(b − m)x/(a + 2m − 1) + (a + m)(a·y − b·x + 1 + m(2 − x))/(a + 2m + 1),
    /// evaluated by the modified Lentz method. Its terms involve x only through x, x² and the
    /// exactly computed a·y − b·x, so the rounding of y = 1 − x is not amplified by large shapes.
    private static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double, _ y: Double) -> Double {
        let tiny = 1e-300
        let distance = exactDifference(a, y, b, x)
        let sum = a + b
        var fraction = a * (distance + 1) / (a + 1)
        if abs(fraction) < tiny { fraction = tiny }
        var c = fraction
        var d = 0.0
        let limit = min(10_000 + 20 * max(a, b).squareRoot(), 10_000_000)
        var m = 1.0
        while m < limit {
            let denominator = a + 2 * m - 1
            let alpha = (m * (a + m - 1) / denominator) * ((sum + m - 1) / denominator) * (b - m) * x * x
            let beta = m + m * (b - m) * x / denominator
                + (a + m) * (distance + 1 + m * (2 - x)) / (a + 2 * m + 1)
            d = beta + alpha * d
            if abs(d) < tiny { d = tiny }
            c = beta + alpha / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = c * d
            fraction *= delta
            if abs(delta - 1) <= 1e-16 { break }
            m += 1
        }
        return fraction
    }

    /// log Γ(b + s) − log Γ(b) for b > 0 and |s| < 1, accurate relative to its own (small)
    /// size: the recurrence moves b to ≥ 10, where Stirling's formula gives
    /// (b − ½)·log1pmx(s/b) − s/(2b) + s·log(b + s) + Γ*-corrections.
    static func lgammaShift(_ b: Double, by s: Double) -> Double {
        var base = b
        var recurrence = 0.0
        while base < 10 {
            recurrence += log1p(s / base)
            base += 1
        }
        let ratio = s / base
        let stirling = (base - 0.5) * log1pmx(ratio) - 0.5 * ratio + s * log(base + s)
            + stirlingCorrection(base + s) - stirlingCorrection(base)
        return stirling - recurrence
    }
}
