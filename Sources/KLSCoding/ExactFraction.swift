/// A fraction n/d of machine integers for exact teaching tables; every operation reports
/// overflow as nil, so a caller falls back to decimals instead of printing a wrong fraction.
struct ExactFraction: Equatable {
    let numerator: Int
    let denominator: Int

    init(_ numerator: Int, _ denominator: Int) {
        let g = ExactFraction.gcd(abs(numerator), denominator)
        self.numerator = g > 1 ? numerator / g : numerator
        self.denominator = g > 1 ? denominator / g : denominator
    }

    static let zero = ExactFraction(0, 1)
    static let one = ExactFraction(1, 1)

    /// The fraction with the smallest denominator (at most 10⁶) within 10⁻¹² of `x` in [0, 1],
    /// found by continued fractions: 0.25 → 1/4, 0.1 → 1/10, 1/3 as a double → 1/3; nil if none.
    static func approximating(_ x: Double) -> ExactFraction? {
        guard x.isFinite, x >= 0, x <= 1 else { return nil }
        var (h0, h1, k0, k1) = (0, 1, 1, 0)
        var rest = x
        for _ in 0..<40 {
            let a = rest.rounded(.down)
            guard a < 1e6 else { return nil }
            let whole = Int(a)
            (h0, h1) = (h1, whole * h1 + h0)
            (k0, k1) = (k1, whole * k1 + k0)
            guard k1 <= 1_000_000 else { return nil }
            if abs(Double(h1) / Double(k1) - x) <= 1e-12 { return ExactFraction(h1, k1) }
            let fraction = rest - a
            guard fraction > 0 else { return nil }
            rest = 1 / fraction
        }
        return nil
    }

    static func + (a: ExactFraction, b: ExactFraction) -> ExactFraction? {
        let (ad, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (bd, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        let (n, o3) = ad.addingReportingOverflow(bd)
        let (d, o4) = a.denominator.multipliedReportingOverflow(by: b.denominator)
        guard !(o1 || o2 || o3 || o4) else { return nil }
        return ExactFraction(n, d)
    }

    static func * (a: ExactFraction, b: ExactFraction) -> ExactFraction? {
        let (n, o1) = a.numerator.multipliedReportingOverflow(by: b.numerator)
        let (d, o2) = a.denominator.multipliedReportingOverflow(by: b.denominator)
        guard !(o1 || o2) else { return nil }
        return ExactFraction(n, d)
    }

    /// `3/8`, or `0`, `1` for whole numbers.
    var text: String { denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)" }

    var value: Double { Double(numerator) / Double(denominator) }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
