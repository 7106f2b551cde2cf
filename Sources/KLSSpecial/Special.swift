#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Special functions of one or a few real arguments, in float64.
///
/// Every function accepts the whole extended real line: poles and limits return the correct
/// infinity, arguments outside the domain return NaN, and NaN propagates. Accuracy is a few
/// ulps (relative) unless the doc comment of a function says otherwise.
public enum Special {
    /// The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt.
    @inlinable public static func erf(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.erf(x)
        #else
        Darwin.erf(x)
        #endif
    }

    /// The complementary error function erfc(x) = 1 − erf(x), relatively accurate for large x.
    @inlinable public static func erfc(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.erfc(x)
        #else
        Darwin.erfc(x)
        #endif
    }

    /// log|Γ(x)|; +∞ at the poles x = 0, −1, −2, … and at ±∞.
    public static func lgamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// The gamma function Γ(x); ±∞ at the poles (sign of the approach), NaN at −∞.
    public static func gamma(_ x: Double) -> Double {
        tgamma(x)
    }

    /// log(1 + x), accurate for small |x|.
    @inlinable public static func log1p(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.log1p(x)
        #else
        Darwin.log1p(x)
        #endif
    }

    /// eˣ − 1, accurate for small |x|.
    @inlinable public static func expm1(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.expm1(x)
        #else
        Darwin.expm1(x)
        #endif
    }

    /// Softplus log(1 + eˣ), without overflow for large x and without underflow to 0 for
    /// moderately negative x (Mächler's thresholds).
    public static func log1pexp(_ x: Double) -> Double {
        if x <= -37 { return exp(x) }
        if x <= 18 { return log1p(exp(x)) }
        if x <= 33.3 { return x + exp(-x) }
        return x
    }

    /// log(eᵃ + eᵇ) without overflow; −∞ when both are −∞.
    public static func logAddExp(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN { return .nan }
        let high = max(a, b)
        let low = min(a, b)
        if high == -.infinity || high == .infinity { return high }
        return high + log1pexp(low - high)
    }

    /// x·log(y), defined as 0 when x == 0 (and y is not NaN), as in entropy sums.
    public static func xlogy(_ x: Double, _ y: Double) -> Double {
        if x == 0 && !y.isNaN { return 0 }
        return x * log(y)
    }

    /// log(p / (1 − p)) for p in [0, 1]; ±∞ at the ends, NaN outside.
    public static func logit(_ p: Double) -> Double {
        if !(p >= 0 && p <= 1) { return .nan }
        // 2·atanh(2p − 1) is exact in its argument for p ≥ 1/4; below, log(p) dominates.
        if p < 0.25 { return log(p) - log1p(-p) }
        return 2 * atanh(2 * p - 1)
    }

    /// The logistic sigmoid 1 / (1 + e⁻ˣ), evaluated so that neither branch overflows.
    public static func expit(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }
}
