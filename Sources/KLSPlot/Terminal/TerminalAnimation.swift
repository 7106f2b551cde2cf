/// Redraws terminal frames in place: each frame after the first moves the cursor back to the
/// first line of the previous frame and overwrites it line by line, clearing only what is
/// left over to the right and below, so the screen is never blanked (no flicker).
public struct TerminalAnimation: Sendable {
    private var previousLineCount = 0

    /// An animation that has not drawn anything yet.
    public init() {}

    /// The text to print (as is, without an added newline) to show `frame` in place of the
    /// previous one. The result ends with a newline, leaving the cursor below the frame.
    /// Lines are split at each "\n" byte (one final "\n" of `frame` ends its last line).
    public mutating func nextFrame(_ frame: String) -> String {
        var text = frame.utf8[...]
        if text.last == UInt8(ascii: "\n") { text = text.dropLast() }
        let lineCount = frame.isEmpty ? 0 : text.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        var output: [UInt8] = []
        output.reserveCapacity(text.count + 4 * lineCount + 16)
        if previousLineCount > 0 { output.append(contentsOf: "\r\u{1B}[\(previousLineCount)A".utf8) }
        if lineCount > 0 {
            for byte in text {
                if byte == UInt8(ascii: "\n") { output.append(contentsOf: Self.lineEnd) } else { output.append(byte) }
            }
            output.append(contentsOf: Self.lineEnd)
        }
        if lineCount < previousLineCount { output.append(contentsOf: "\u{1B}[J".utf8) }
        previousLineCount = lineCount
        return String(decoding: output, as: UTF8.self)
    }

    /// Clears the rest of the line, then ends it.
    private static let lineEnd: [UInt8] = Array("\u{1B}[K\n".utf8)
}
