/// The series colours: a palette slot selects both a picture colour and a terminal colour.
///
/// The picture colours are matplotlib's "tab10" blue, orange, green, red, purple, cyan, pink and
/// grey; each is paired with the nearest of the 16 ANSI terminal colours, all eight distinct.
/// Slots wrap around, negative slots included.
public enum SeriesPalette {
    /// (picture colour, ANSI SGR foreground code) per slot.
    private static let entries: [(rgb: RGB, ansi: Int)] = [
        (RGB(hex: 0x1F77B4), 34),  // blue
        (RGB(hex: 0xFF7F0E), 33),  // orange ↔ yellow
        (RGB(hex: 0x2CA02C), 32),  // green
        (RGB(hex: 0xD62728), 31),  // red
        (RGB(hex: 0x9467BD), 35),  // purple ↔ magenta
        (RGB(hex: 0x17BECF), 36),  // cyan
        (RGB(hex: 0xE377C2), 95),  // pink ↔ bright magenta
        (RGB(hex: 0x7F7F7F), 90),  // grey ↔ bright black
    ]

    /// Number of distinct slots before colours repeat.
    public static var count: Int { entries.count }

    /// All picture colours in slot order.
    static var colors: [RGB] { entries.map(\.rgb) }

    /// The picture colour of `slot`.
    static func color(_ slot: Int) -> RGB { entries[wrapped(slot)].rgb }

    /// The ANSI SGR foreground code (30–37, 90–97) of `slot`.
    static func ansiCode(_ slot: Int) -> Int { entries[wrapped(slot)].ansi }

    /// `slot` reduced to 0..<count.
    static func wrapped(_ slot: Int) -> Int {
        let remainder = slot % entries.count
        return remainder < 0 ? remainder + entries.count : remainder
    }
}
