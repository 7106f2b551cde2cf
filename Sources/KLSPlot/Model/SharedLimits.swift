extension Figure {
    /// Animation frames whose axes stay still: for each panel position, limits not already
    /// fixed are set to the union of that panel's data over all frames, widened outwards to
    /// whole 1-2-5 tick steps (about 5 intervals) as its series' `TickSpacing` allows.
    /// Frames are otherwise unchanged.
    public static func withSharedLimits(_ frames: [Figure]) -> [Figure] {
        let panelCount = frames.map(\.panels.count).max() ?? 0
        let limits = (0..<panelCount).map { index in
            let panels = frames.compactMap { index < $0.panels.count ? $0.panels[index] : nil }
            let bounds = panels.map(DataBounds.init(panel:))
            let x = AxisRange(bounds.map(\.x.lower).min() ?? 0, bounds.map(\.x.upper).max() ?? 1)
            let y = AxisRange(bounds.map(\.y.lower).min() ?? 0, bounds.map(\.y.upper).max() ?? 1)
            let xSpacing = TickSpacing.combined(panels.map(\.xTickSpacing))
            let ySpacing = TickSpacing.combined(panels.map(\.yTickSpacing))
            return (x: AxisTicks(data: x, fixed: nil, targetIntervals: 5, spacing: xSpacing).range,
                    y: AxisTicks(data: y, fixed: nil, targetIntervals: 5, spacing: ySpacing).range)
        }
        return frames.map { frame in
            var frame = frame
            for index in frame.panels.indices where index < limits.count {
                if frame.panels[index].xlim?.sanitized == nil { frame.panels[index].xlim = limits[index].x }
                if frame.panels[index].ylim?.sanitized == nil { frame.panels[index].ylim = limits[index].y }
            }
            return frame
        }
    }
}
