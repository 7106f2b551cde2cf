/// Where a text's anchor point sits along the text.
enum TextAnchor {
    case start, middle, end
}

/// One drawing instruction in pixel space (origin top left, y down).
enum SceneItem: Equatable {
    /// An open polyline stroked with round joins.
    case polyline([Point], color: RGB, width: Double)
    /// A closed polygon filled with the given opacity (0…1).
    case polygon([Point], color: RGB, opacity: Double)
    /// A rectangle, filled and/or stroked.
    case rect(Rect, fill: RGB?, stroke: RGB?, strokeWidth: Double)
    /// A filled disc.
    case circle(center: Point, radius: Double, color: RGB)
    /// Text whose baseline passes through `at`; `vertical` text reads bottom to top.
    case text(String, at: Point, size: Double, anchor: TextAnchor, bold: Bool, vertical: Bool, color: RGB)
}

/// A figure laid out in pixel space: what both the SVG and the cairo back ends draw, in order.
struct Scene: Equatable {
    let width: Int
    let height: Int
    var items: [SceneItem]
}

/// Text size estimates for layout (the back ends measure or anchor the real text).
enum TextMetrics {
    /// Estimated advance of `text` at `size` pixels: 0.6 em per character (DejaVu Sans digits are 0.64 em).
    static func width(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }
}

/// Colours and sizes of the picture back ends.
enum SceneStyle {
    static let background = RGB.white
    static let text = RGB(hex: 0x222222)
    static let frame = RGB(hex: 0x333333)
    static let grid = RGB(hex: 0xE5E5E5)
    static let legendBorder = RGB(hex: 0xBBBBBB)
    static let tickFont = 11.0
    static let labelFont = 12.0
    static let titleFont = 13.0
    static let legendFont = 11.0
    static let lineWidth = 1.5
    static let markRadius = 2.5
    static let fillOpacity = 0.25
    static let tickLength = 5.0
}
