import KLSPlot

/// Optimiser races: several two-parameter fits moving over the contour of their objective.
extension BuiltinRegistry {
    /// The frames of `animate([fit1, fit2, …], f, …)`: one contour (sampled once), and per frame
    /// each fit's trail up to the frame's step with a mark at its head, labelled with its loss
    /// there and its optimiser.
    static func raceFrames(_ a: Arguments, spacing: FrameSpacing, frameLimit: Int) throws -> [Figure] {
        let fits = try ContourSurface.fits(a, 0)
        let steps = fits.map(\.losses.count).max() ?? 1
        let paths = fits.map { fit in (0..<fit.losses.count).map { [fit.trace[2 * $0], fit.trace[2 * $0 + 1]] } }
        let x = try a.has(2) ? PlotOptions.limits(a, 2) : raceRange(paths.flatMap { $0.map { $0[0] } })
        let y = try a.has(9) ? PlotOptions.limits(a, 9) : raceRange(paths.flatMap { $0.map { $0[1] } })
        let field = try ContourSurface.evaluate(a, f: 1, x: x, y: y, points: 100, levelsIndex: 11, filled: try a.bool(12))
        let names = PlotData.functionParameterNames(a[1])
        let labels = try ContourSurface.labels(a, 14, fits: fits)
        let indices = spacing.indices(count: steps, maximum: frameLimit, progress: FrameSpacing.progress(of: paths))
        return indices.map { step in
            let series = fits.enumerated().map { index, fit in
                let shown = min(step, fit.losses.count - 1)
                // The loss first, in a fixed width of digit-wide spaces: the names stay in one column.
                let label = fixedWidth(fit.losses[shown]) + "  " + labels[index]
                return PlotData.pathSeries(fit, label: label, upTo: shown, moving: true, color: index)
            }
            var panel = Panel(series: series, title: "step \(fixedWidth(step, total: steps)) of \(steps - 1)",
                              xlabel: names?[0] ?? "x", ylabel: names?[1] ?? "y", xlim: x, ylim: y)
            panel.contour = field
            return Figure(panel)
        }
    }

    /// The extent of `values` widened by 15% of its span on each side (±1 when they are all equal).
    static func raceRange(_ values: [Double]) -> AxisRange {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return AxisRange(-1, 1) }
        let margin = high > low ? 0.15 * (high - low) : 1
        return AxisRange(low - margin, high + margin)
    }
}
