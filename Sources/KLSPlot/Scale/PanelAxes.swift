/// The two axes of a panel: limits, ticks and labels, fitted to its data or to its fixed limits,
/// placed by hand or where its series want them (`TickSpacing`).
struct PanelAxes {
    let x: AxisTicks
    let y: AxisTicks

    /// Axes for `panel` with about `xIntervals` × `yIntervals` tick intervals.
    init(panel: Panel, xIntervals: Double, yIntervals: Double) {
        let bounds = DataBounds(panel: panel)
        x = AxisTicks(data: bounds.x, fixed: panel.xlim?.sanitized, targetIntervals: xIntervals,
                      spacing: panel.xTickSpacing, custom: panel.xticks)
        y = AxisTicks(data: bounds.y, fixed: panel.ylim?.sanitized, targetIntervals: yIntervals,
                      spacing: panel.yTickSpacing, custom: panel.yticks)
    }
}

extension Panel {
    /// Where the series want the horizontal ticks, combined (see `TickSpacing.combined`).
    var xTickSpacing: TickSpacing { .combined(series.map(\.xTickSpacing)) }
    /// Where the series want the vertical ticks, combined.
    var yTickSpacing: TickSpacing { .combined(series.map(\.yTickSpacing)) }
}

/// The extent of a panel's finite (x, y) pairs and contour grid, with room around the data:
/// 4% of the span above the highest and below the lowest y (not across 0 when the data lie on
/// one side of it — the baseline of bars, densities and losses stays on the frame), 3% left and
/// right of bars,
/// and 5% on every side when the panel has marks; [0, 1] on an axis without data.
struct DataBounds {
    let x: AxisRange
    let y: AxisRange

    /// The bounds of `panel`'s data; with `margins` false, the bare extent (log axes round it to decades).
    init(panel: Panel, margins: Bool = true) {
        var lowX = Double.infinity, highX = -Double.infinity
        var lowY = Double.infinity, highY = -Double.infinity
        for series in panel.series {
            if series.fill, series.pointCount > 0 { lowY = Swift.min(lowY, 0); highY = Swift.max(highY, 0) }
            for index in 0..<series.pointCount {
                let pointX = series.x[index], pointY = series.y[index]
                guard pointX.isFinite, pointY.isFinite else { continue }
                lowX = Swift.min(lowX, pointX); highX = Swift.max(highX, pointX)
                lowY = Swift.min(lowY, pointY); highY = Swift.max(highY, pointY)
            }
        }
        if let field = panel.contour {
            lowX = Swift.min(lowX, field.x.lower); highX = Swift.max(highX, field.x.upper)
            lowY = Swift.min(lowY, field.y.lower); highY = Swift.max(highY, field.y.upper)
        }
        let marks = panel.series.contains { $0.shownMarker != nil }
        let bars = panel.series.contains(where: \.fill)
        let xRange = AxisRange(lowX, highX).sanitized ?? AxisRange(0, 1)
        let yRange = AxisRange(lowY, highY).sanitized ?? AxisRange(0, 1)
        guard panel.contour == nil, margins else {
            (x, y) = (xRange, yRange)
            return
        }
        let xMargin = marks ? Self.markPadding : bars ? Self.barGap : 0
        let yMargin = marks ? Self.markPadding : Self.headroom
        x = Self.padded(xRange, below: xMargin, above: xMargin)
        let padded = Self.padded(yRange, below: yMargin, above: yMargin)
        y = AxisRange(yRange.lower >= 0 && !marks ? Swift.max(0, padded.lower) : padded.lower,
                      yRange.upper <= 0 && !marks ? Swift.min(0, padded.upper) : padded.upper)
    }

    /// Fraction of the span added on each side when a panel has marks, so that marks on the
    /// extremes are not cut in half by the frame.
    static let markPadding = 0.05
    /// Fraction of the y span kept free above the highest and below the lowest point.
    static let headroom = 0.04
    /// Fraction of the x span kept between bars and the frame.
    static let barGap = 0.03

    private static func padded(_ range: AxisRange, below: Double, above: Double) -> AxisRange {
        guard below > 0 || above > 0 else { return range }
        return AxisRange(range.lower - range.span * below, range.upper + range.span * above).sanitized ?? range
    }
}
