import Foundation

/// Rounding to a number of decimal digits as NumPy's `np.round` does it: x·10ᵈ rounded half
/// to even, then divided by 10ᵈ (for d < 0, x/10⁻ᵈ rounded, then multiplied). So
/// `round(2.675, 2)` is 2.68 — 2.675·100 is exactly 267.5 in float64 — where Python's
/// correctly-rounded `round` says 2.67.
public enum Rounding {
    /// x rounded to `digits` decimal digits, half to even. Where NumPy's scaled intermediate
    /// overflows or the digits exceed float64's range, x already has no more digits to
    /// lose and is returned as it is (NumPy would give nan or inf there).
    public static func halfEven(_ x: Double, digits: Int) -> Double {
        guard x.isFinite else { return x }
        if digits == 0 { return x.rounded(.toNearestOrEven) }
        let factor = powerOfTen(abs(digits))
        guard factor.isFinite else { return digits > 0 ? x : 0 * x }
        let scaled = digits > 0 ? x * factor : x / factor
        guard scaled.isFinite, abs(scaled) < 0x1p52 else { return x }
        let r = scaled.rounded(.toNearestOrEven)
        return digits > 0 ? r / factor : r * factor
    }

    /// 10ⁿ as NumPy's `np.round` makes it (`power_of_ten` in numpy/_core/src/multiarray/
    /// calculation.c): exact up to 10⁸, then 1e9 multiplied by 10 one step at a time. Above 10²²
    /// this is not the nearest double to 10ⁿ (10⁵⁸ comes out as 1.0000000000000001e58), and
    /// np.round's results follow it: round(6.307870341357459e-56, 58) is 6.31e-56 (numpy 2.4),
    /// where dividing by the nearest double would give 6.310000000000001e-56.
    static func powerOfTen(_ n: Int) -> Double {
        let exact: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8]
        if n < exact.count { return exact[n] }
        var p = 1e9
        for _ in 9..<min(n, 400) { p *= 10 }
        return p
    }
}
