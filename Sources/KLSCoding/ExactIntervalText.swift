import BigInt

/// How exact rationals of an arithmetic code are written: as fractions while the reduced
/// denominator is small (`19/64`), else as decimals correctly rounded from the exact values, with
/// as many places as the interval's width needs (two past its first digit).
enum ExactIntervalText {
    /// Fractions are written while the reduced denominator is below 2^32.
    static let maxDenominatorBits = 32
    /// Decimals are written up to this many places; narrower intervals are given by their width.
    static let maxPlaces = 40

    /// `3/8`, `0`, `1`: n/d reduced, or nil when the reduced denominator is 2^32 or more.
    static func fraction(_ n: BigUInt, _ d: BigUInt) -> String? {
        let g = n.greatestCommonDivisor(with: d)
        let (numerator, denominator) = (n / g, d / g)
        guard denominator.bitWidth <= maxDenominatorBits else { return nil }
        return denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)"
    }

    /// n/d ≥ 0 rounded half up to `places` decimals, trailing zeros dropped: 0.2680 → 0.268.
    static func decimal(_ n: BigUInt, _ d: BigUInt, places: Int) -> String {
        let unit = BigUInt(10).power(places)
        let scaled = (n * unit * 2 + d) / (d * 2)
        let (whole, fraction) = scaled.quotientAndRemainder(dividingBy: unit)
        var digits = String(fraction)
        digits = String(repeating: "0", count: places - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits.isEmpty ? String(whole) : "\(whole).\(digits)"
    }

    /// `[low/d, high/d)` in fractions, else in decimals two places past the first digit of a width
    /// of 2^−`widthBits`, or nil when that takes more than `maxPlaces` places.
    static func interval(low: BigUInt, high: BigUInt, denominator: BigUInt, widthBits: Double) -> String? {
        if let a = fraction(low, denominator), let b = fraction(high, denominator) { return "[\(a), \(b))" }
        let places = Int((widthBits * 0.30102999566398120).rounded(.up)) + 2
        guard places <= maxPlaces else { return nil }
        return "[\(decimal(low, denominator, places: places)), \(decimal(high, denominator, places: places)))"
    }

    /// A number of bits to four decimals without trailing zeros: 6, 6.3808.
    static func bits(_ x: Double) -> String { formatTrimmed(x, places: 4) }
}
