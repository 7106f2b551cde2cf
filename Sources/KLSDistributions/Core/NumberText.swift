/// Numbers as kls prints them: whole numbers below 1e16 in magnitude without a decimal
/// point, others in Swift's shortest round-trip form; `inf`, `-inf`, `nan`.
enum NumberText {
    /// The display text of `x`.
    static func format(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded(), Swift.abs(x) < 1e16 {
            return x == 0 ? "0" : String(Int64(x))
        }
        return "\(x)"
    }
}
