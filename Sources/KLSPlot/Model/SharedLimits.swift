import Foundation

extension Figure {
    /// Animation frames whose axes stay still: for each panel position, limits not already
    /// fixed are set to the union of that panel's data over all frames, widened outwards to
    /// whole 1-2-5 tick steps (about 5 intervals) as its series' `TickSpacing` allows.
    /// Frames are otherwise unchanged.
    public static func withSharedLimits(_ frames: [Figure]) -> [Figure] {
        let panelCount = frames.map(\.panels.count).max() ?? 0
        let limits = (0..<panelCount).map { index in
            let panels = frames.compactMap { index < $0.panels.count ? $0.panels[index].drawable : nil }
            let bounds = panels.map { DataBounds(panel: $0) }
            let x = AxisRange(bounds.map(\.x.lower).min() ?? 0, bounds.map(\.x.upper).max() ?? 1)
            let y = AxisRange(bounds.map(\.y.lower).min() ?? 0, bounds.map(\.y.upper).max() ?? 1)
            let xSpacing = TickSpacing.combined(panels.map(\.xTickSpacing))
            let ySpacing = TickSpacing.combined(panels.map(\.yTickSpacing))
            let scales = frames.first { index < $0.panels.count }?.panels[index].scales ?? (.linear, .linear)
            return (x: Self.sharedRange(x, spacing: xSpacing, scale: scales.x),
                    y: Self.sharedRange(y, spacing: ySpacing, scale: scales.y))
        }
        return frames.map { frame -> Figure in
            var frame = frame
            for index in frame.panels.indices where index < limits.count {
                if frame.panels[index].xlim?.sanitized == nil { frame.panels[index].xlim = limits[index].x }
                if frame.panels[index].ylim?.sanitized == nil { frame.panels[index].ylim = limits[index].y }
            }
            return frame
        }
    }

    /// The shared limits of one axis: whole ticks around the data, or on a log axis (whose
    /// bounds are in log units here) whole decades, given back in data units.
    private static func sharedRange(_ range: AxisRange, spacing: TickSpacing, scale: AxisScale) -> AxisRange {
        switch scale {
        case .linear: return AxisTicks(data: range, fixed: nil, targetIntervals: 5, spacing: spacing).range
        case .log:
            let decades = LogAxis.decades(range)
            return AxisRange(pow(10, decades.lower), pow(10, decades.upper))
        }
    }
}

extension Panel {
    /// The scales of the horizontal and vertical axes.
    var scales: (x: AxisScale, y: AxisScale) { (xscale, yscale) }
}
