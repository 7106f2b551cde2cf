import KLSBase

/// A problem found in a program, with the place it refers to. Errors are values: the lexer,
/// parser, resolver and evaluator all produce these, and `DiagnosticRenderer` prints them.
public struct Diagnostic: Error, Sendable, Equatable {
    /// What kind of problem: syntax, name resolution or a runtime failure.
    public enum Kind: String, Sendable { case syntax, resolve, runtime }

    public var kind: Kind
    public var message: String
    /// Where; nil when the failure has no source position (e.g. a missing file).
    public var span: SourceSpan?
    /// The file the span refers to.
    public var file: SourceFile?
    /// Extra lines such as "did you mean 'sigma'?" or traceback entries.
    public var notes: [String]

    public init(_ kind: Kind, _ message: String, at span: SourceSpan?, in file: SourceFile?, notes: [String] = []) {
        self.kind = kind
        self.message = message
        self.span = span
        self.file = file
        self.notes = notes
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.kind == b.kind && a.message == b.message && a.span == b.span && a.notes == b.notes
    }
}

/// Renders diagnostics as `FILE:LINE:COL: error: MESSAGE`, then the source line and a caret
/// under the culprit (placed by display width: wide characters take two columns, combining
/// marks none). Control characters in the message and the line are shown escaped.
public enum DiagnosticRenderer {
    /// The full text of one diagnostic; `color` adds ANSI highlighting for terminals.
    public static func render(_ d: Diagnostic, color: Bool = false) -> String {
        let red = color ? "\u{1B}[1;31m" : "", bold = color ? "\u{1B}[1m" : "", reset = color ? "\u{1B}[0m" : ""
        var out = ""
        let message = ControlCharacters.escaped(d.message, keeping: ["\n", "\t"])
        if let file = d.file, let span = d.span {
            let (line, col) = file.location(of: span.start)
            out += "\(bold)\(file.name):\(line):\(col):\(reset) \(red)error:\(reset) \(bold)\(message)\(reset)\n"
            var text = Array(file.line(line).unicodeScalars)
            var caretColumn = col
            // Show a window of at most 100 characters around the column of a long line.
            let window = 100
            if text.count > window {
                let start = max(0, min(col - 1 - window / 2, text.count - window))
                text = Array(text[start..<min(text.count, start + window)])
                caretColumn = col - start
                if start > 0 { text.insert(contentsOf: "…".unicodeScalars, at: 0); caretColumn += 1 }
            }
            let endLocation = file.location(of: max(span.start, span.end - 1))
            let spanned = endLocation.line == line ? max(1, endLocation.column - col + 1) : 1
            let before = text.prefix(max(0, caretColumn - 1))
            let under = text.dropFirst(before.count).prefix(spanned)
            out += "  " + text.map(shown).joined() + "\n"
            let pad = before.map { $0 == "\t" ? "\t" : String(repeating: " ", count: columns($0)) }.joined()
            let width = max(1, under.reduce(0) { $0 + columns($1) })
            out += "  " + pad + red + "^" + String(repeating: "~", count: max(0, min(width, 80) - 1)) + reset + "\n"
        } else if let file = d.file {
            out += "\(bold)\(file.name):\(reset) \(red)error:\(reset) \(message)\n"
        } else {
            out += "\(red)error:\(reset) \(message)\n"
        }
        for note in d.notes { out += "  " + ControlCharacters.escaped(note) + "\n" }
        return out
    }

    /// A source character as shown under the message: a control character other than a tab
    /// as its escape (`\r`, `\0`, `\u{1B}`), so it cannot move the cursor.
    private static func shown(_ scalar: Unicode.Scalar) -> String {
        scalar != "\t" && ControlCharacters.isControl(scalar) ? ControlCharacters.escape(scalar) : String(scalar)
    }

    /// The terminal columns a source character takes as shown.
    private static func columns(_ scalar: Unicode.Scalar) -> Int {
        ControlCharacters.isControl(scalar) ? ControlCharacters.escape(scalar).count : DisplayWidth.of(scalar)
    }
}
