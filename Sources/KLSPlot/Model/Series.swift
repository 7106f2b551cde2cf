/// How a series is drawn.
public enum SeriesStyle: Sendable, Equatable {
    /// Straight segments between consecutive points.
    case line
    /// A mark at each point, no connecting segments.
    case scatter
    /// A staircase: horizontal from (xᵢ, yᵢ) to (xᵢ₊₁, yᵢ), then vertical to yᵢ₊₁ (histogram outlines).
    case step
}

/// One data series of a panel: paired x/y values and how to draw them.
///
/// Points where x or y is not finite are skipped and break a line or staircase into pieces.
/// When `x` and `y` differ in length only the first `min(x.count, y.count)` pairs are used.
public struct Series: Sendable, Equatable {
    /// Horizontal coordinates, in data units.
    public var x: [Double]
    /// Vertical coordinates, in data units.
    public var y: [Double]
    /// Legend text; an empty label keeps the series out of the legend.
    public var label: String
    /// Line, scatter or step drawing.
    public var style: SeriesStyle
    /// Whether the area between the series and y = 0 is shaded.
    public var fill: Bool
    /// Palette slot; nil picks the series' position in its panel (0, 1, 2, …).
    public var color: Int?
    /// Dash pattern of its line; nil draws it solid, except in a terminal without colour, which
    /// gives the second, third, … line of a panel its own pattern so that they can be told apart.
    public var dash: LineDash?
    /// Mark drawn at its points (scatter series default to circles).
    public var marker: MarkerShape?
    /// Which points carry the marker.
    public var markerPoints: MarkerPoints = .all
    /// Where ticks of the horizontal axis should fall for this series (bar centres, bin edges).
    public var xTickSpacing: TickSpacing = .automatic
    /// Where ticks of the vertical axis should fall for this series (whole counts).
    public var yTickSpacing: TickSpacing = .automatic

    /// A series from paired coordinates.
    public init(
        x: [Double], y: [Double], label: String = "", style: SeriesStyle = .line,
        fill: Bool = false, color: Int? = nil
    ) {
        self.x = x
        self.y = y
        self.label = label
        self.style = style
        self.fill = fill
        self.color = color
    }

    /// A series of `y` against its index 0, 1, …, n−1 (a loss curve against the epoch); its
    /// x ticks are whole numbers (`TickSpacing.multiples(of: 1)`), never halfway between indices.
    public init(
        y: [Double], label: String = "", style: SeriesStyle = .line, fill: Bool = false, color: Int? = nil
    ) {
        self.init(x: y.indices.map(Double.init), y: y, label: label, style: style, fill: fill, color: color)
        xTickSpacing = .multiples(of: 1)
    }

    /// The mark drawn at its points: its own, or a circle for scatter series.
    var shownMarker: MarkerShape? { marker ?? (style == .scatter ? .circle : nil) }

    /// Number of (x, y) pairs drawn.
    var pointCount: Int { Swift.min(x.count, y.count) }
}
