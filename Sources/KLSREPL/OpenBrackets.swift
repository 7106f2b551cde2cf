/// The brackets unfinished input leaves open (outside strings and comments): what the prompt
/// says it waits for after two empty continuation lines, and how deep a notebook indents the
/// next line of an unfinished cell.
enum OpenBrackets {
    /// A bracket left open, where it stands (1-based line and column).
    struct Open {
        let bracket: Character
        let line: Int
        let column: Int
    }

    /// The brackets open at the end of `text`, innermost last, and the quote of a string left
    /// open (`"` or `'`), if any.
    static func scan(_ text: String) -> (open: [Open], openQuote: Character?) {
        var stack: [Open] = []
        var line = 1, column = 0
        var quote: Character?
        var inComment = false, escaped = false
        for c in text {
            column += 1
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
                if c == "\n" { line += 1; column = 0 }
                continue
            }
            if c == "\n" { line += 1; column = 0; inComment = false; continue }
            if inComment { continue }
            switch c {
            case "#": inComment = true
            case "\"", "'": quote = c
            case "(", "[", "{": stack.append(Open(bracket: c, line: line, column: column))
            case ")", "]", "}": if !stack.isEmpty { stack.removeLast() }
            default: break
            }
        }
        return (stack, quote)
    }

    /// How many brackets are open at the end of `text`.
    static func depth(_ text: String) -> Int { scan(text).open.count }

    /// "waiting for ']' to close the '[' at line 1, column 5", or a general sentence when no
    /// bracket is open (an operator or keyword still needs its operand).
    static func waitingFor(_ text: String) -> String {
        let (stack, quote) = scan(text)
        if let quote { return "waiting for the closing \(quote) of a string" }
        guard let open = stack.last else { return "waiting for the rest of the expression" }
        let close: Character = open.bracket == "(" ? ")" : open.bracket == "[" ? "]" : "}"
        return "waiting for '\(close)' to close the '\(open.bracket)' at line \(open.line), column \(open.column)"
    }
}
