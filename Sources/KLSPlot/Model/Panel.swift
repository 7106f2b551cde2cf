/// One set of axes: its series, titles, optional fixed limits and optional hand-placed ticks.
///
/// A legend is drawn when any series has a non-empty label. Without `xlim`/`ylim` the axes
/// cover the finite data, rounded outwards to tick steps (see `TickSpacing` for bar charts);
/// a filled series also includes y = 0. Hand-placed ticks outside the limits are not drawn.
public struct Panel: Sendable, Equatable {
    /// Series in drawing order; later series are drawn on top.
    public var series: [Series]
    /// Text above the axes.
    public var title: String
    /// Text under the horizontal axis.
    public var xlabel: String
    /// Text beside the vertical axis.
    public var ylabel: String
    /// Fixed horizontal limits in data units; nil fits the data.
    public var xlim: AxisRange?
    /// Fixed vertical limits in data units; nil fits the data.
    public var ylim: AxisRange?
    /// Hand-placed horizontal ticks (category names); nil chooses them from the data.
    public var xticks: [AxisTick]?
    /// Hand-placed vertical ticks; nil chooses them from the data.
    public var yticks: [AxisTick]?
    /// Linear or logarithmic horizontal axis.
    public var xscale: AxisScale = .linear
    /// Linear or logarithmic vertical axis.
    public var yscale: AxisScale = .linear
    /// A function of two numbers drawn under the series as contour lines or filled bands.
    public var contour: ContourField?

    /// A panel with the given series and decorations.
    public init(
        series: [Series] = [], title: String = "", xlabel: String = "", ylabel: String = "",
        xlim: AxisRange? = nil, ylim: AxisRange? = nil, xticks: [AxisTick]? = nil, yticks: [AxisTick]? = nil
    ) {
        self.series = series
        self.title = title
        self.xlabel = xlabel
        self.ylabel = ylabel
        self.xlim = xlim
        self.ylim = ylim
        self.xticks = xticks
        self.yticks = yticks
    }

    /// Whether any series carries a legend label.
    var hasLegend: Bool { series.contains { !$0.label.isEmpty } }

    /// Palette slot of the series at `index`: its own `color`, else its position.
    func colorSlot(ofSeriesAt index: Int) -> Int {
        guard series.indices.contains(index) else { return index }
        return series[index].color ?? index
    }
}
