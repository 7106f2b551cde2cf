/// Numbers as kls prints them: shortest round-trip form, whole numbers without a decimal point.
enum NumberText {
    /// `5`, `-0.5`, `1e-05`, `inf`, `-inf`, `nan`: whole numbers below 1e16 in magnitude print
    /// as integers, everything else as Swift's shortest round-trip description.
    static func format(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded(), Swift.abs(x) < 1e16 { return String(Int64(x)) }
        return x.description
    }

    /// `format(x)`, wrapped in parentheses when it starts with a minus sign (for products).
    static func factor(_ x: Double) -> String {
        let s = format(x)
        return s.hasPrefix("-") ? "(\(s))" : s
    }
}
