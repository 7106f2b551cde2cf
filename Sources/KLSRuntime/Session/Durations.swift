import Foundation

/// Wall times as `:time` prints them, with three significant digits in a fitting unit.
public enum Durations {
    /// `850 ns`, `12.3 µs`, `4.56 ms`, `1.23 s`, `2 min 5.3 s`.
    public static func format(seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 1e12 else { return "?" }
        if seconds >= 59.95 {
            let minutes = (seconds / 60).rounded(.down)
            let rest = seconds - minutes * 60
            return "\(Int(minutes)) min \(significant(rest, digits: 2)) s"
        }
        let units: [(scale: Double, name: String)] = [(1e9, "ns"), (1e6, "µs"), (1e3, "ms"), (1, "s")]
        for (scale, name) in units {
            let text = significant(seconds * scale, digits: 3)
            if (Double(text) ?? 0) < 1000 || name == "s" { return text + " " + name }
        }
        return "?"
    }

    /// `x` rounded to `digits` significant digits (all of its integer digits kept), without
    /// trailing zeros after the decimal point.
    public static func significant(_ x: Double, digits: Int) -> String {
        let integerDigits = x < 1 ? 1 : String(Int(x.rounded(.down))).count
        var text = String(format: "%.\(max(0, digits - integerDigits))f", x)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
