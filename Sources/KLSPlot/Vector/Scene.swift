/// Where a text's anchor point sits along the text.
enum TextAnchor {
    case start, middle, end
}

/// One drawing instruction in pixel space (origin top left, y down).
enum SceneItem: Equatable {
    /// An open polyline stroked with round joins.
    case polyline([Point], color: RGB, width: Double)
    /// Several open polylines stroked alike, with a dash pattern of on/off lengths in pixels
    /// (empty: solid). Contour lines, dashed series and hollow marks.
    case paths([[Point]], color: RGB, width: Double, dash: [Double])
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
    /// How many leading items form the backdrop (the background, then the first panel's contour
    /// and grid), which the frames of an animation may share: see `SceneBackdrop`.
    var backdropCount = 0
}

/// Text size estimates for layout (the back ends measure or anchor the real text).
enum TextMetrics {
    /// Estimated advance of `text` at `size` pixels: the sum of DejaVu Sans's advances (the font
    /// cairo's "sans-serif" usually is, and wider than Helvetica or Arial, which SVG viewers may
    /// pick), 0.65 em for a character outside ASCII.
    static func width(_ text: String, size: Double) -> Double {
        var thousandths = 0
        for scalar in text.unicodeScalars {
            let code = Int(scalar.value)
            thousandths += (32..<127).contains(code) ? Int(asciiAdvances[code - 32]) : 650
        }
        return Double(thousandths) * size / 1000
    }

    /// DejaVu Sans advances of the printable ASCII characters, " " to "~", in thousandths of an em.
    private static let asciiAdvances: [UInt16] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,  // space … /
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,  // 0 … ?
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,  // @ … O
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,  // P … _
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,  // ` … o
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,  // p … ~
    ]
}

/// Colours and sizes of the picture back ends.
///
/// Sizes are given for the reference picture, one 640 × 420 panel, and multiplied by `scale`:
/// a 1600 × 900 picture of one panel is drawn at scale min(1600 / 640, 900 / 420) ≈ 2.14, so it is
/// the same picture, larger (as a matplotlib figure saved at a higher dpi).
struct SceneStyle {
    /// Factor applied to every size: fonts, line widths, marks, margins, tick spacing.
    let scale: Double

    static let background = RGB.white
    static let text = RGB(hex: 0x222222)
    static let frame = RGB(hex: 0x333333)
    static let grid = RGB(hex: 0xE5E5E5)
    static let legendBorder = RGB(hex: 0xBBBBBB)
    static let fillOpacity = 0.25

    /// Tick labels are 14 px tall at scale 1 (readable from the back of a lecture hall); small
    /// pictures keep text of at least 8 px and lines of at least 1.5 px.
    var tickFont: Double { Swift.max(8, 14 * scale) }
    var labelFont: Double { Swift.max(9, 16 * scale) }
    var titleFont: Double { Swift.max(10, 18 * scale) }
    var legendFont: Double { Swift.max(8, 14 * scale) }
    var lineWidth: Double { Swift.max(1.5, 2 * scale) }
    var markRadius: Double { Swift.max(2.5, 3.5 * scale) }
    var tickLength: Double { 6 * scale }
    /// Width of the frame, grid and tick lines.
    var thinLine: Double { Swift.max(1, scale.rounded()) }
}
