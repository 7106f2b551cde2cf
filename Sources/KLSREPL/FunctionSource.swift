import KLSRuntime
import KLSSyntax

/// The text of a user function's definition, for `:help f` and `:vars`.
enum FunctionSource {
    /// The whole definition of `closure` as typed: `f(x) = x^2 + 1`, an `fn` block with its
    /// braces, or a lambda's text.
    static func text(of closure: Closure) -> String {
        let file = closure.definitionFile
        let start = closure.decl.span.start
        return file.text(of: SourceSpan(start, end(in: file.scalars, from: start)))
    }

    /// The line where it was defined and the source's name (`<prompt>` or a path).
    static func site(of closure: Closure) -> String {
        let file = closure.definitionFile
        return "\(file.name):\(file.location(of: closure.decl.span.start).line)"
    }

    /// Where the statement or argument starting at `start` ends: at a line break, `;` or `,`
    /// outside brackets (a line ending in an operator continues), or at a closing bracket
    /// that belongs to an enclosing construct. Strings and comments are skipped.
    static func end(in s: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 0
        var i = max(0, start)
        var lastSignificant: Unicode.Scalar = " "
        while i < s.count {
            let c = s[i]
            switch c {
            case "\"", "'":
                i += 1
                while i < s.count, s[i] != c { i += s[i] == "\\" ? 2 : 1 }
                lastSignificant = c
            case "#":
                while i < s.count, s[i] != "\n" { i += 1 }
                continue
            case "(", "[", "{":
                depth += 1
            case ")", "]", "}":
                if depth == 0 { return trimmedEnd(s, i) }
                depth -= 1
            case "\n", ";", ",":
                if depth == 0, !(c == "\n" && "+-*/^%=,(<>|\\".unicodeScalars.contains(lastSignificant)) {
                    return trimmedEnd(s, i)
                }
            default:
                break
            }
            if c != " ", c != "\t", c != "\r", c != "\n" { lastSignificant = c }
            i = min(i + 1, s.count)
        }
        return trimmedEnd(s, s.count)
    }

    /// `end` moved back over trailing blanks.
    static func trimmedEnd(_ s: [Unicode.Scalar], _ end: Int) -> Int {
        var e = min(end, s.count)
        while e > 0, s[e - 1] == " " || s[e - 1] == "\t" || s[e - 1] == "\r" || s[e - 1] == "\n" { e -= 1 }
        return e
    }
}
