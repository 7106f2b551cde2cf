import Foundation

/// Python's format-specification mini-language, for f-strings (`f"{x:.3f}"`) and `format`:
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]` with align `< > ^ =`, sign
/// `+ - space`, grouping `,` or `_`, and the types `f F e E g G %`, `d` and, for whole numbers,
/// `b o x X` (binary, octal, hexadecimal: `f"{5:08b}"` is `00000101`, `#` adds `0b`/`0o`/`0x`,
/// `_` groups four digits) for numbers, `s` for strings, or none. Results are Python's `format(x, spec)` (the digits come from C's
/// correctly rounded printf, as Python's do); with no type and no precision a number is
/// written as kls prints it (`3`, not Python's `3.0`).
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var zeroNegative = false
    var alternate = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?
    let text: String

    /// Widths and precisions beyond these are refused rather than allocated.
    static let maxWidth = 10_000, maxPrecision = 1_000

    /// Parses `text`; an error message names what is wrong with it.
    init(_ text: String) throws {
        self.text = text
        let c = Array(text)
        var k = 0
        func digits() -> Int? {
            var n: Int?
            while k < c.count, let d = c[k].wholeNumberValue, c[k].isASCII {
                n = Swift.min((n ?? 0) * 10 + d, 1_000_000)
                k += 1
            }
            return n
        }
        var explicitFill = false
        if c.count >= 2, "<>=^".contains(c[1]) { fill = c[0]; align = c[1]; k = 2; explicitFill = true }
        else if c.count >= 1, "<>=^".contains(c[0]) { align = c[0]; k = 1 }
        if k < c.count, "+- ".contains(c[k]) { sign = c[k]; k += 1 }
        if k < c.count, c[k] == "z" { zeroNegative = true; k += 1 }
        if k < c.count, c[k] == "#" { alternate = true; k += 1 }
        if k < c.count, c[k] == "0" {
            // Python: the 0 flag pads with zeros unless a fill is given, after the sign unless
            // an alignment is given (`>08.1f` of -2.5 is 0000-2.5).
            if !explicitFill { fill = "0" }
            if align == nil { align = "=" }
            k += 1
        }
        width = digits() ?? 0
        if k < c.count, ",_".contains(c[k]) { grouping = c[k]; k += 1 }
        if k < c.count, c[k] == "." {
            k += 1
            guard let p = digits() else { throw FormatSpec.error(text, "a precision must follow '.'") }
            precision = p
        }
        if k < c.count, "fFeEgG%dsboxX".contains(c[k]) { type = c[k]; k += 1 }
        if k < c.count {
            throw FormatSpec.error(text, "unknown format type '\(c[k])' (use f, e, g, %, d, b, o, x or s)")
        }
        if let type, FormatSpec.radixes[type] != nil {
            if grouping == "," { throw FormatSpec.error(text, "',' does not apply to type '\(type)' (use '_')") }
            if precision != nil { throw FormatSpec.error(text, "type '\(type)' takes no precision") }
        }
        if width > FormatSpec.maxWidth { throw FormatSpec.error(text, "the width is at most \(FormatSpec.maxWidth)") }
        if let p = precision, p > FormatSpec.maxPrecision {
            throw FormatSpec.error(text, "the precision is at most \(FormatSpec.maxPrecision)")
        }
    }

    /// The bases of the whole-number types and the prefix `#` writes before their digits.
    static let radixes: [Character: (radix: Int, prefix: String)] = ["b": (2, "0b"), "o": (8, "0o"), "x": (16, "0x"), "X": (16, "0X")]

    static func error(_ spec: String, _ message: String) -> BuiltinError {
        BuiltinError("invalid format spec '\(spec)': \(message)")
    }

    /// `value` formatted by this spec: numbers (and one-element tracked values), strings,
    /// booleans (as their text). Other values are an error naming them.
    func format(_ value: Value) throws -> String {
        if let s = value.stringValue { return try format(string: s) }
        switch value {
        case .bool(let b): return try format(string: b ? "true" : "false", kind: "a boolean")
        case .none: return try format(string: "none", kind: "none")
        default:
            guard let t = value.asVar?.value, t.isScalar else {
                throw BuiltinError("format spec '\(text)' applies to a number or a string (got \(value.typeName))")
            }
            return try format(number: t.data[0])
        }
    }

    /// A string (or a boolean or none, written as their text) by the spec; `kind` names the
    /// value in messages.
    private func format(string s: String, kind: String = "a string") throws -> String {
        if let type, type != "s" {
            throw FormatSpec.error(text, "type '\(type)' applies to numbers, not to \(kind)")
        }
        if sign != "-" || grouping != nil || align == "=" || alternate || zeroNegative {
            throw FormatSpec.error(text, "\(kind == "a string" ? "a string" : kind + ", written as text,") takes only fill, align, width and precision")
        }
        return pad(sign: "", body: precision.map { String(s.prefix($0)) } ?? s, defaultAlign: "<")
    }

    private func format(number x: Double) throws -> String {
        if type == "s" { throw FormatSpec.error(text, "type 's' applies to strings, not to a number") }
        var body = try digits(Swift.abs(x))
        let radix = type.flatMap { FormatSpec.radixes[$0] }
        var negative = x.sign == .minus && !x.isNaN
        if negative, zeroNegative, x.isFinite, !body.contains(where: { ("1"..."9").contains($0) }) { negative = false }
        let signText = (negative ? "-" : (sign == "-" ? "" : String(sign))) + (alternate ? radix?.prefix ?? "" : "")
        if let grouping {
            let size = radix == nil ? 3 : 4
            if align == "=", fill == "0", x.isFinite {
                // Zeros padding grouped digits are grouped too (Python: `012,.1f` of 1234.5 is
                // 00,001,234.5); a group is never begun by a separator, so the result may pass
                // the width by one.
                let whole = body.prefix { size == 4 ? $0.isHexDigit : $0.isNumber }
                let rest = body.dropFirst(whole.count)
                var digits = String(whole)
                var grouped = FormatSpec.group(digits, with: grouping, every: size)
                while signText.count + grouped.count + rest.count < width {
                    digits = "0" + digits
                    grouped = FormatSpec.group(digits, with: grouping, every: size)
                }
                return signText + grouped + rest
            }
            body = FormatSpec.group(body, with: grouping, every: size)
        }
        return pad(sign: signText, body: body, defaultAlign: ">")
    }

    /// The digits of a non-negative number (no sign) by the type and precision.
    private func digits(_ x: Double) throws -> String {
        let upper = type.map { $0.isUppercase } ?? false
        if !x.isFinite {
            let word = x.isNaN ? "nan" : "inf"
            return (upper ? word.uppercased() : word) + (type == "%" ? "%" : "")
        }
        switch type {
        case "f", "F":
            return FormatSpec.fixed(x, precision ?? 6, alternate: alternate)
        case "%":
            return FormatSpec.fixed(x * 100, precision ?? 6, alternate: alternate) + "%"
        case "e", "E":
            let s = String(format: alternate ? "%#.*e" : "%.*e", precision ?? 6, x)
            return upper ? s.uppercased() : s
        case "g", "G":
            let s = FormatSpec.general(x, precision ?? 6, alternate: alternate, addDotZero: false)
            return upper ? s.uppercased() : s
        case "d":
            guard x.rounded() == x else { throw BuiltinError("format type 'd' needs a whole number (got \(ValueFormatter.number(x)))") }
            return String(format: "%.0f", x)
        case let t? where FormatSpec.radixes[t] != nil:
            guard x.rounded() == x, x < 0x1p64 else {
                throw BuiltinError("format type '\(t)' needs a whole number below 2^64 (got \(ValueFormatter.number(x)))")
            }
            return String(UInt64(x), radix: FormatSpec.radixes[t]?.radix ?? 10, uppercase: t == "X")
        default:
            guard let p = precision else {
                // `#` keeps a point in exponent form (Python: format(1e-300, "#") is 1.e-300).
                let plain = ValueFormatter.number(x)
                guard alternate, !plain.contains("."), let e = plain.firstIndex(of: "e") else { return plain }
                return plain[..<e] + "." + plain[e...]
            }
            return FormatSpec.general(x, p, alternate: alternate, addDotZero: true)
        }
    }

    /// `%.{p}f`, keeping the point when `alternate` and p is 0.
    private static func fixed(_ x: Double, _ p: Int, alternate: Bool) -> String {
        String(format: "%.*f", p, x) + (alternate && p == 0 ? "." : "")
    }

    /// Python's `g` (and, with `addDotZero`, its format with a precision and no type): p
    /// significant digits, fixed notation unless the exponent is below −4 or at least p (p − 1
    /// with `addDotZero`), trailing zeros removed unless `alternate`.
    private static func general(_ x: Double, _ precision: Int, alternate: Bool, addDotZero: Bool) -> String {
        let p = Swift.max(precision, 1)
        let scientific = String(format: alternate ? "%#.*e" : "%.*e", p - 1, x)
        let parts = scientific.split(separator: "e")
        let exponent = Int(parts[1]) ?? 0
        func trimmed(_ s: String) -> String {
            guard !alternate, s.contains(".") else { return s }
            var t = s
            while t.hasSuffix("0") { t.removeLast() }
            if t.hasSuffix(".") { t.removeLast() }
            return t
        }
        if exponent < -4 || exponent >= (addDotZero ? p - 1 : p) {
            return trimmed(String(parts[0])) + "e" + parts[1]
        }
        let fixed = trimmed(String(format: alternate ? "%#.*f" : "%.*f", p - 1 - exponent, x))
        return addDotZero && !fixed.contains(".") ? fixed + ".0" : fixed
    }

    /// `body` with `separator` between each `size` digits of its whole part (3, or 4 for
    /// binary, octal and hexadecimal).
    private static func group(_ body: String, with separator: Character, every size: Int) -> String {
        let whole = body.prefix { size == 4 ? $0.isHexDigit : $0.isNumber }
        guard whole.count > size else { return body }
        var out = ""
        for (k, d) in whole.enumerated() {
            if k > 0, (whole.count - k) % size == 0 { out.append(separator) }
            out.append(d)
        }
        return out + body.dropFirst(whole.count)
    }

    /// The sign and body padded with the fill to the width: `<` left, `>` right, `^` centred
    /// (the odd fill character on the right), `=` between the sign and the digits.
    private func pad(sign: String, body: String, defaultAlign: Character) -> String {
        let missing = width - sign.count - body.count
        guard missing > 0 else { return sign + body }
        let fillText = { (n: Int) in String(repeating: self.fill, count: n) }
        switch align ?? defaultAlign {
        case "<": return sign + body + fillText(missing)
        case "^": return fillText(missing / 2) + sign + body + fillText(missing - missing / 2)
        case "=": return sign + fillText(missing) + body
        default: return fillText(missing) + sign + body
        }
    }
}
