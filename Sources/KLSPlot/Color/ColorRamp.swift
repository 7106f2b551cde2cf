/// The colour ramp of contour levels and bands: matplotlib's "viridis", dark purple through
/// blue and green to yellow, readable in grey and by colour-blind viewers. Terminals get five
/// ANSI colours in the same order.
enum ColorRamp {
    /// Viridis at positions 0, 1/8, …, 1.
    private static let anchors: [RGB] = [
        RGB(hex: 0x440154), RGB(hex: 0x46327E), RGB(hex: 0x365C8D), RGB(hex: 0x277F8E), RGB(hex: 0x1FA187),
        RGB(hex: 0x4AC16D), RGB(hex: 0x9FDA3A), RGB(hex: 0xD8E219), RGB(hex: 0xFDE725),
    ]

    /// The colour at `position` (clamped to 0…1), interpolated between the anchors.
    static func color(_ position: Double) -> RGB {
        let clamped = position.isFinite ? Swift.min(Swift.max(position, 0), 1) : 0
        let scaled = clamped * Double(anchors.count - 1)
        let index = Swift.min(Int(scaled), anchors.count - 2)
        return anchors[index + 1].blended(over: anchors[index], alpha: scaled - Double(index))
    }

    /// A line colour at `position`: the ramp up to 0.75 (a mid green), so that the highest lines
    /// stay visible on white, also on a projector (the ramp's yellow end all but vanishes there).
    static func lineColor(_ position: Double) -> RGB { color(position * 0.75) }

    /// Samples of the ramp for the GIF palette.
    static func samples(_ count: Int) -> [RGB] {
        (0..<count).map { color(Double($0) / Double(Swift.max(1, count - 1))) }
    }

    /// ANSI SGR foreground codes from low to high: magenta, blue, cyan, green, yellow.
    static let ansiCodes = [35, 34, 36, 32, 33]

    /// The ANSI code at `position` (0…1).
    static func ansiCode(_ position: Double) -> Int {
        let clamped = position.isFinite ? Swift.min(Swift.max(position, 0), 1) : 0
        return ansiCodes[Swift.min(ansiCodes.count - 1, Int(clamped * Double(ansiCodes.count)))]
    }
}
