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
        let factor = pow(10, Double(abs(digits)))
        guard factor.isFinite else { return digits > 0 ? x : 0 * x }
        let scaled = digits > 0 ? x * factor : x / factor
        guard scaled.isFinite, abs(scaled) < 0x1p52 else { return x }
        let r = scaled.rounded(.toNearestOrEven)
        return digits > 0 ? r / factor : r * factor
    }
}
