/// How a figure is drawn as text.
public struct TerminalOptions: Sendable, Equatable {
    /// Plot-area width of each panel in characters, clamped to 4…1000 (default 60).
    public var width: Int
    /// Plot-area height of each panel in characters, clamped to 2…500 (default 15).
    public var height: Int
    /// Whether series are coloured with ANSI escape codes; pass false when the output is not a
    /// terminal or NO_COLOR is set.
    public var color: Bool
    /// Braille dots, or ASCII for terminals without UTF-8.
    public var charset: TerminalCharset

    /// Options with the given size, colour and charset.
    public init(width: Int = 60, height: Int = 15, color: Bool = true, charset: TerminalCharset = .braille) {
        self.width = width
        self.height = height
        self.color = color
        self.charset = charset
    }

    /// Width within its allowed range.
    var plotColumns: Int { Swift.min(Swift.max(width, 4), 1000) }
    /// Height within its allowed range.
    var plotRows: Int { Swift.min(Swift.max(height, 2), 500) }
}
