/// Builds the prompt text handed to libedit, whose `EL_PROMPT_ESC` mode prints characters
/// between two `ignore` characters without counting them as screen columns: every escape
/// sequence (colour codes) must be enclosed that way or the cursor lands in the wrong column.
enum PromptText {
    /// The character that encloses escape sequences in the prompt (must not occur in prompts).
    static let ignore: Unicode.Scalar = "\u{1}"

    /// SGR colour of the primary prompt (bold green) and of continuation prompts (green).
    static let primaryColor = "\u{1B}[1;32m"
    static let continuationColor = "\u{1B}[32m"
    static let resetColor = "\u{1B}[0m"

    /// `prompt`, coloured when `color` is true, with every escape sequence enclosed in
    /// `ignore` characters (stray `ignore` characters in `prompt` are dropped). libedit
    /// attaches enclosed text to the next printed character and drops it at the very end of
    /// the prompt, so trailing escape sequences are moved before the last printed character
    /// (the colour reset then precedes the prompt's final space).
    static func render(_ prompt: String, continuation: Bool, color: Bool) -> String {
        var body = enclosingEscapes(in: prompt)
        if color {
            let start = continuation ? continuationColor : primaryColor
            body = enclosed(start) + body + enclosed(resetColor)
        }
        return movingTrailingEscapes(body)
    }

    /// `marked` (escapes already enclosed) with the enclosed groups that end it moved in
    /// front of its last printed character; unchanged when nothing is printed before them.
    static func movingTrailingEscapes(_ marked: String) -> String {
        var scalars = Array(marked.unicodeScalars)
        var groupsStart = scalars.count
        while groupsStart > 0, scalars[groupsStart - 1] == ignore {
            guard let opening = scalars[..<(groupsStart - 1)].lastIndex(of: ignore) else { break }
            groupsStart = opening
        }
        guard groupsStart < scalars.count, groupsStart > 0, scalars[groupsStart - 1] != ignore else {
            return marked
        }
        let lastPrinted = scalars[groupsStart - 1]
        scalars.remove(at: groupsStart - 1)
        scalars.append(lastPrinted)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// `text` with each ANSI escape sequence (CSI `ESC [ … final`, or `ESC` and one
    /// character) wrapped in `ignore` characters.
    static func enclosingEscapes(in text: String) -> String {
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == ignore { continue }
            guard scalar == "\u{1B}" else {
                output.append(scalar)
                continue
            }
            output.append(ignore)
            output.append(scalar)
            if pending == "[" {
                output.append("[")
                pending = scalars.next()
                while let next = pending {
                    output.append(next)
                    pending = scalars.next()
                    if (0x40...0x7E).contains(next.value) { break }
                }
            } else if let next = pending {
                output.append(next)
                pending = scalars.next()
            }
            output.append(ignore)
        }
        return String(output)
    }

    private static func enclosed(_ sequence: String) -> String {
        String(ignore) + sequence + String(ignore)
    }
}
