/// Redraws terminal frames in place: each frame after the first moves the cursor back to the
/// first line of the previous frame and overwrites it line by line, clearing only what is
/// left over to the right and below, so the screen is never blanked (no flicker).
public struct TerminalAnimation: Sendable {
    private var previousLineCount = 0

    /// An animation that has not drawn anything yet.
    public init() {}

    /// The text to print (as is, without an added newline) to show `frame` in place of the
    /// previous one. The result ends with a newline, leaving the cursor below the frame.
    public mutating func nextFrame(_ frame: String) -> String {
        var lines = frame.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var output = previousLineCount > 0 ? "\r\u{1B}[\(previousLineCount)A" : ""
        for line in lines {
            output += line
            output += "\u{1B}[K\n"
        }
        if lines.count < previousLineCount { output += "\u{1B}[J" }
        previousLineCount = lines.count
        return output
    }
}
