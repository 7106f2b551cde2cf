/// What unfinished prompt input waits for, said after two empty continuation lines: the
/// innermost bracket left open (outside strings and comments), with its line and column.
enum OpenBrackets {
    /// "waiting for ']' to close the '[' at line 1, column 5", or a general sentence when no
    /// bracket is open (an operator or keyword still needs its operand).
    static func waitingFor(_ text: String) -> String {
        var stack: [(Character, Int, Int)] = []
        var line = 1, column = 0
        var inString = false, inComment = false, escaped = false
        for c in text {
            column += 1
            if c == "\n" { line += 1; column = 0; inComment = false; continue }
            if inComment { continue }
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "#": inComment = true
            case "\"": inString = true
            case "(", "[", "{": stack.append((c, line, column))
            case ")", "]", "}": if !stack.isEmpty { stack.removeLast() }
            default: break
            }
        }
        if inString { return "waiting for the closing \" of a string" }
        guard let (open, l, col) = stack.last else { return "waiting for the rest of the expression" }
        let close: Character = open == "(" ? ")" : open == "[" ? "]" : "}"
        return "waiting for '\(close)' to close the '\(open)' at line \(l), column \(col)"
    }
}
