#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard normal distribution function, its logarithm and its inverse.
extension Special {
    /// Φ(x) = ½·erfc(−x/√2), the standard normal cdf, relatively accurate in both tails.
    ///
    /// For x < 0 the rounding of −x/√2 (which alone would cost ~2u²·ε relative, 1e-14 at
    /// x = −10) is compensated to first order: erfc(u + δ) ≈ erfc(u)·(1 − δ·r(u)) with
    /// r(u) = 2e^(−u²)/(√π·erfc(u)).
    public static func ndtr(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x >= 0 { return 1 - 0.5 * erfc(x * sqrtHalf) }
        let minusX = -x
        let u = minusX * sqrtHalf
        let uError = fma(minusX, sqrtHalf, -u) + minusX * sqrtHalfLow
        let tail = erfc(u)
        if tail == 0 { return 0 }
        let logDerivative = u > 3 ? 2 * u + 1 / u : twoOverSqrtPi * exp(-u * u) / tail
        return 0.5 * tail * (1 - uError * logDerivative)
    }

    /// log Φ(x), finite and accurate from x = −∞ (−x²/2 asymptotics) to +∞ (where it is
    /// −Φ(−x), tending to −0).
    public static func logNdtr(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 0 { return log1p(-ndtr(-x)) }
        if x > -20 { return log(ndtr(x)) }
        // Φ(x) = φ(x)/|x| · (1 − 1/x² + 3/x⁴ − 15/x⁶ + …) for x → −∞.
        let z = 1 / (x * x)
        var term = 1.0
        var series = 0.0
        var k = 1.0
        while k < 40 {
            term *= -(2 * k - 1) * z
            series += term
            if abs(term) < 1e-17 { break }
            k += 1
        }
        return -0.5 * x * x - log(-x) - halfLogTwoPi + log1p(series)
    }

    /// Φ⁻¹(p), the standard normal quantile; −∞ at 0, +∞ at 1, NaN outside [0, 1].
    ///
    /// Wichura's AS 241 (PPND16, Appl. Statist. 37:477, 1988), relative accuracy ~1e-16, with
    /// the tail branch driven by the smaller of p and 1 − p so both tails keep full precision.
    public static func ndtri(_ p: Double) -> Double {
        if !(p >= 0 && p <= 1) { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            return q * horner(r, NormalQuantile.centralNumerator)
                / horner(r, NormalQuantile.centralDenominator)
        }
        let tailProbability = q < 0 ? p : 1 - p
        var r = sqrt(-log(tailProbability))
        let magnitude: Double
        if r <= 5 {
            r -= 1.6
            magnitude = horner(r, NormalQuantile.intermediateNumerator)
                / horner(r, NormalQuantile.intermediateDenominator)
        } else {
            r -= 5
            magnitude = horner(r, NormalQuantile.farNumerator)
                / horner(r, NormalQuantile.farDenominator)
        }
        return q < 0 ? -magnitude : magnitude
    }

    /// 1/√2 split into a double and its rounding error (mpmath, 40 digits).
    static let sqrtHalf = 0.7071067811865476
    static let sqrtHalfLow = -4.833646656726457e-17
    static let twoOverSqrtPi = 1.1283791670955126

    /// Σ coefficients[i]·xⁱ by Horner's rule (coefficients in increasing degree).
    static func horner(_ x: Double, _ coefficients: [Double]) -> Double {
        var sum = 0.0
        for c in coefficients.reversed() { sum = sum * x + c }
        return sum
    }
}

/// Coefficients of AS 241's three rational approximations, lowest degree first.
private enum NormalQuantile {
    static let centralNumerator: [Double] = [
        3.3871328727963666080e0, 1.3314166789178437745e2, 1.9715909503065514427e3,
        1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4,
        3.3430575583588128105e4, 2.5090809287301226727e3,
    ]
    static let centralDenominator: [Double] = [
        1.0, 4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3,
        2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4,
        5.2264952788528545610e3,
    ]
    static let intermediateNumerator: [Double] = [
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
        3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
        2.27238449892691845833e-2, 7.74545014278341407640e-4,
    ]
    static let intermediateDenominator: [Double] = [
        1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
        1.05075007164441684324e-9,
    ]
    static let farNumerator: [Double] = [
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
        2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
        2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ]
    static let farDenominator: [Double] = [
        1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
        2.04426310338993978564e-15,
    ]
}
