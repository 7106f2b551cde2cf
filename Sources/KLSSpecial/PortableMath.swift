/// exp and log written with IEEE-754 +, −, ×, ÷ and bit manipulation only, so that they round
/// identically on every platform (libm results may differ in the last bit between C
/// libraries and even between CPU-specific code paths). The random generators use them
/// wherever a logarithm or exponential decides or shapes a draw, which keeps a seeded stream
/// bit-for-bit reproducible. Accuracy: within 1 ulp.
enum PortableMath {
    private static let ln2High = 6.93147180369123816490e-01  // ln 2 with 21 trailing zero bits
    private static let ln2Low = 1.90821492927058770002e-10   // ln 2 − ln2High

    /// Natural logarithm; −∞ at 0, NaN for negative or NaN input, +∞ at +∞.
    static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        var bits = x.bitPattern
        var exponent = -1023
        if x < 0x1p-1022 {
            bits = (x * 0x1p54).bitPattern
            exponent -= 54
        }
        // x = m·2ᵉ with m in [√½, √2).
        exponent += Int((bits >> 52) & 0x7FF)
        var m = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        if m > 1.4142135623730951 {
            m *= 0.5
            exponent += 1
        }
        let f = m - 1
        let s = f / (2 + f)
        let s2 = s * s
        // log(1 + f) = f − f²/2 + s·(f²/2 + R), R = Σₖ≥₁ 2s²ᵏ/(2k + 1); |s| < 0.1716.
        var r = 2.0 / 23
        r = r * s2 + 2.0 / 21
        r = r * s2 + 2.0 / 19
        r = r * s2 + 2.0 / 17
        r = r * s2 + 2.0 / 15
        r = r * s2 + 2.0 / 13
        r = r * s2 + 2.0 / 11
        r = r * s2 + 2.0 / 9
        r = r * s2 + 2.0 / 7
        r = r * s2 + 2.0 / 5
        r = r * s2 + 2.0 / 3
        r *= s2
        let halfSquare = 0.5 * f * f
        let e = Double(exponent)
        return e * ln2High + ((f - (halfSquare - s * (halfSquare + r))) + e * ln2Low)
    }

    /// eˣ; 0 below −745.2, +∞ above 709.8, NaN for NaN.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        let k = (x * 1.4426950408889634).rounded(.toNearestOrEven)
        let high = x - k * ln2High
        let low = k * ln2Low
        let r = high - low
        // eʳ for |r| ≤ ½·ln 2 by its Taylor polynomial of degree 13 (truncation < 1e-17).
        var sum = 1.0 / 6_227_020_800
        sum = sum * r + 1.0 / 479_001_600
        sum = sum * r + 1.0 / 39_916_800
        sum = sum * r + 1.0 / 3_628_800
        sum = sum * r + 1.0 / 362_880
        sum = sum * r + 1.0 / 40320
        sum = sum * r + 1.0 / 5040
        sum = sum * r + 1.0 / 720
        sum = sum * r + 1.0 / 120
        sum = sum * r + 1.0 / 24
        sum = sum * r + 1.0 / 6
        sum = sum * r + 0.5
        sum = sum * r + 1
        sum = sum * r + 1
        return scaleByPowerOfTwo(sum, Int(k))
    }

    /// v·2ⁿ for the range exp needs (n in −1075 … 1024), in two exact steps near the ends.
    private static func scaleByPowerOfTwo(_ v: Double, _ n: Int) -> Double {
        if n > 1000 { return v * 0x1p1000 * Double(sign: .plus, exponent: n - 1000, significand: 1) }
        if n < -1000 { return v * 0x1p-1000 * Double(sign: .plus, exponent: n + 1000, significand: 1) }
        return v * Double(sign: .plus, exponent: n, significand: 1)
    }
}
