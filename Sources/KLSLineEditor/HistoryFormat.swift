/// The text of a history file: a header line, then one entry per line, oldest first, with
/// backslash, newline and carriage return escaped as `\\`, `\n` and `\r`, so a multi-line
/// entry stays one line of the file.
///
///     # kls history v1
///     x = 1
///     f(x) = {\n  x + 1\n}
enum HistoryFormat {
    /// The first line of every history file written by kls.
    static let header = "# kls history v1"

    /// The file text for `entries`.
    static func encode(_ entries: [String]) -> String {
        var text = header + "\n"
        for entry in entries {
            text += escape(entry)
            text += "\n"
        }
        return text
    }

    /// The entries in file `text`; blank lines and the header are skipped, and unknown
    /// escapes are kept as written, so a hand-edited file still loads.
    static func decode(_ text: String) -> [String] {
        var entries: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            if number == 0 && line == header { continue }
            entries.append(unescape(line))
        }
        return entries
    }

    /// `entry` with `\`, newline and carriage return escaped.
    static func escape(_ entry: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(entry.utf8.count)
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// The entry written as `line` (the inverse of `escape`).
    static func unescape(_ line: Substring) -> String {
        var entry = ""
        var pendingBackslash = false
        for scalar in line.unicodeScalars {
            if pendingBackslash {
                pendingBackslash = false
                switch scalar {
                case "\\": entry += "\\"
                case "n": entry += "\n"
                case "r": entry += "\r"
                default:
                    entry += "\\"
                    entry.unicodeScalars.append(scalar)
                }
            } else if scalar == "\\" {
                pendingBackslash = true
            } else {
                entry.unicodeScalars.append(scalar)
            }
        }
        if pendingBackslash { entry += "\\" }
        return entry
    }
}
