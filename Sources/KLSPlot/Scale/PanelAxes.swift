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

/// The extent of a panel's finite (x, y) pairs (5% wider on each side when the panel has
/// scatter marks); [0, 1] on an axis without data.
struct DataBounds {
    let x: AxisRange
    let y: AxisRange

    init(panel: Panel) {
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
        let padding = panel.series.contains { $0.style == .scatter } ? Self.markPadding : 0
        x = Self.padded(AxisRange(lowX, highX).sanitized ?? AxisRange(0, 1), by: padding)
        y = Self.padded(AxisRange(lowY, highY).sanitized ?? AxisRange(0, 1), by: padding)
    }

    /// Fraction of the span added on each side when a panel has marks, so that marks on the
    /// extremes are not cut in half by the frame.
    static let markPadding = 0.05

    private static func padded(_ range: AxisRange, by fraction: Double) -> AxisRange {
        guard fraction > 0 else { return range }
        let margin = range.span * fraction
        return AxisRange(range.lower - margin, range.upper + margin).sanitized ?? range
    }
}
