import KLSBase
import KLSNumerics

/// How values print: numbers in shortest round-trip form, long vectors abbreviated with
/// their length, matrices aligned in columns.
public enum ValueFormatter {
    /// Vectors longer than this show their first and last `edgeItems` elements.
    static let maxInlineElements = 12
    static let edgeItems = 4
    static let maxMatrixRows = 12

    /// A number in shortest round-trip form: whole numbers below 1e16 without a decimal
    /// point (`5`, `-3`), others as Swift's shortest description (`0.1`, `1e-05`), and
    /// `inf`, `-inf`, `nan`.
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded(), abs(x) < 1e16 {
            if x == 0 { return x.sign == .minus ? "-0" : "0" }
            return String(Int64(x))
        }
        return x.description
    }

    /// The text `print` writes: strings without quotes, everything else as displayed.
    public static func plain(_ v: Value) -> String {
        if let s = v.stringValue { return s }
        return display(v)
    }

    /// The display of a value at the prompt (strings quoted; objects as they display themselves,
    /// an arithmetic codeword with its measures).
    public static func display(_ v: Value) -> String {
        switch v {
        case .object(let o): return o.display()
        case .tensor(let t): return tensor(t)
        case .tracked(let n): return n.value.isScalar ? number(n.value.data[0]) : tensor(n.value)
        case .list(let items) where items.count > maxInlineElements:
            var out = "["
            for item in items.prefix(edgeItems) { appendInline(item, to: &out); out += ", " }
            out += "…"
            for item in items.suffix(edgeItems) { out += ", "; appendInline(item, to: &out) }
            return out + "]  (\(items.count) items)"
        default: return repr(v)
        }
    }

    /// A compact one-line form, used inside lists and records.
    public static func inline(_ v: Value) -> String {
        var out = ""
        appendInline(v, to: &out)
        return out
    }

    /// Appends `root`'s one-line form to `out`. Lists are walked with a stack of pending
    /// pieces rather than by recursion, so a list nested a million deep takes linear time
    /// and no native stack; Ctrl-C stops a long walk (the caller then reports `interrupted`).
    static func appendInline(_ root: Value, to out: inout String) {
        enum Piece { case value(Value), text(String) }
        var pending: [Piece] = [.value(root)]
        var steps = 0
        while let piece = pending.popLast() {
            steps &+= 1
            if steps % Cancellation.stride == 0, Cancellation.isRequested { out += "…"; return }
            switch piece {
            case .text(let text):
                out += text
            case .value(.list(let items)):
                out += "["
                pending.append(.text("]"))
                for (k, item) in items.enumerated().reversed() {
                    pending.append(.value(item))
                    if k > 0 { pending.append(.text(", ")) }
                }
            case .value(let v):
                out += leaf(v)
            }
        }
    }

    /// The one-line form of a value that is not a list.
    private static func leaf(_ v: Value) -> String {
        if case .tensor(let t) = v, t.rank == 1, t.count <= maxInlineElements {
            return "[" + t.data.map(number).joined(separator: ", ") + "]"
        }
        if case .tensor(let t) = v { return Tensor.describe(shape: t.shape) }
        return repr(v)
    }

    /// The source-like form: strings quoted with escapes.
    public static func repr(_ v: Value) -> String {
        switch v {
        case .none: return "none"
        case .unset: return "unset"
        case .number(let x): return number(x)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return quoted(s)
        case .tensor(let t): return tensor(t)
        case .tracked: return display(v)
        case .list: return inline(v)
        case .closure(let c):
            return "<function \(c.name)(\(c.decl.parameters.map(\.name.name).joined(separator: ", ")))>"
        case .builtin(let b): return "<builtin \(b.usage)>"
        case .object(let o): return o.stringValue.map(quoted) ?? o.display()
        }
    }

    /// A string as a kls literal: quoted, with `"`, `\\` and every control character escaped
    /// (`\\n`, `\\r`, `\\0`, `\\u{1B}`…), so showing it never moves the cursor.
    static func quoted(_ s: String) -> String { ControlCharacters.quoted(s) }

    /// A vector on one line (abbreviated past `maxInlineElements`), a matrix in aligned rows.
    public static func tensor(_ t: Tensor) -> String {
        switch t.rank {
        case 0: return number(t.data[0])
        case 1:
            if t.count <= maxInlineElements { return "[" + t.data.map(number).joined(separator: ", ") + "]" }
            let head = t.data.prefix(edgeItems).map(number), tail = t.data.suffix(edgeItems).map(number)
            return "[" + (head + ["…"] + tail).joined(separator: ", ") + "]  (\(t.count) elements)"
        case 2: return matrix(t)
        default: return Tensor.describe(shape: t.shape) + " " + "[" + t.data.prefix(edgeItems).map(number).joined(separator: ", ") + ", …]"
        }
    }

    static func matrix(_ t: Tensor) -> String {
        let (r, c) = (t.shape[0], t.shape[1])
        if r == 0 || c == 0 { return "[]  (\(Tensor.describe(shape: t.shape)))" }
        let rows = r <= maxMatrixRows ? Array(0..<r) : Array(0..<edgeItems) + Array((r - edgeItems)..<r)
        let cols = c <= maxInlineElements ? Array(0..<c) : Array(0..<edgeItems) + Array((c - edgeItems)..<c)
        var cells = rows.map { i in cols.map { j in number(t.data[i * c + j]) } }
        var widths = [Int](repeating: 0, count: cols.count)
        for row in cells { for (k, s) in row.enumerated() { widths[k] = max(widths[k], s.count) } }
        for i in 0..<cells.count {
            for k in 0..<cols.count {
                cells[i][k] = String(repeating: " ", count: widths[k] - cells[i][k].count) + cells[i][k]
            }
            if cols.count < c { cells[i].insert("…", at: edgeItems) }
        }
        var lines = cells.map { "[" + $0.joined(separator: ", ") + "]" }
        if rows.count < r { lines.insert(" ⋮", at: edgeItems) }
        var out = "[" + lines.joined(separator: ",\n ") + "]"
        if rows.count < r || cols.count < c { out += "  (\(Tensor.describe(shape: t.shape)))" }
        return out
    }

    /// A short description of a value inside an error message.
    public static func describeForError(_ v: Value) -> String {
        if case .object(let o) = v, let s = o.stringValue { return describeForError(.string(s)) }
        switch v {
        case .number(let x): return number(x)
        case .string(let s): return s.count > 20 ? "a string" : quoted(s)
        case .bool(let b): return b ? "true" : "false"
        case .none: return "none"
        default: return v.typeName
        }
    }
}
