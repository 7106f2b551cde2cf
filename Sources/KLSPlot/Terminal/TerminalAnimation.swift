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
        var frame = frame
        return frame.withUTF8 { overwriting($0) }
    }

    /// The output for a frame given as UTF-8 bytes.
    private mutating func overwriting(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let newline = UInt8(ascii: "\n")
        let end = bytes.last == newline ? bytes.count - 1 : bytes.count
        var output: [UInt8] = []
        output.reserveCapacity(end + end / 16 + 32)
        if previousLineCount > 0 { output.append(contentsOf: "\r\u{1B}[\(previousLineCount)A".utf8) }
        var lineCount = 0
        if !bytes.isEmpty {
            var start = 0
            for index in 0..<end where bytes[index] == newline {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(contentsOf: Self.lineEnd)
                lineCount += 1
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            output.append(contentsOf: Self.lineEnd)
            lineCount += 1
        }
        if lineCount < previousLineCount { output.append(contentsOf: "\u{1B}[J".utf8) }
        previousLineCount = lineCount
        return String(decoding: output, as: UTF8.self)
    }

    /// Clears the rest of the line, then ends it.
    private static let lineEnd: [UInt8] = Array("\u{1B}[K\n".utf8)
}
