/// One line of terminal output as UTF-8 bytes, with its width in character cells
/// (escape sequences take no width; every Character counts as one cell).
struct TextLine {
    private(set) var bytes: [UInt8] = []
    private(set) var width = 0

    /// Appends visible text.
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        width += text.count
    }

    /// Appends one visible character given as UTF-8 bytes.
    mutating func appendCell(_ utf8: [UInt8]) {
        bytes.append(contentsOf: utf8)
        width += 1
    }

    /// Appends `count` spaces.
    mutating func appendSpaces(_ count: Int) {
        guard count > 0 else { return }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        width += count
    }

    /// Appends an escape sequence, which takes no width.
    mutating func appendEscape(_ sequence: String) {
        bytes.append(contentsOf: sequence.utf8)
    }

    /// Pads with spaces up to `target` cells.
    mutating func pad(to target: Int) {
        appendSpaces(target - width)
    }

    /// Appends another line.
    mutating func append(_ other: TextLine) {
        bytes.append(contentsOf: other.bytes)
        width += other.width
    }
}

/// ANSI SGR escape sequences.
enum ANSI {
    /// Sets the foreground to SGR colour `code` (30–37, 90–97).
    static func foreground(_ code: Int) -> String { "\u{1B}[\(code)m" }
    /// Restores default attributes.
    static let reset = "\u{1B}[0m"
}
