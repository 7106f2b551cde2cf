import Foundation

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

    /// `format(x)` after rounding to 12 significant digits, so that a sum such as
    /// 0.3 + 0.2 + 0.1 + 0.3 reads 0.9 rather than 0.8999999999999999.
    static func rounded(_ x: Double) -> String {
        guard x.isFinite, let r = Double(String(format: "%.12g", x)) else { return format(x) }
        return format(r)
    }

    /// `format(x)`, wrapped in parentheses when it starts with a minus sign (for products).
    static func factor(_ x: Double) -> String {
        let s = format(x)
        return s.hasPrefix("-") ? "(\(s))" : s
    }
}
