import KLSPlot

/// Plots: `plot`, `scatter`, `hist` and `subplots` draw in the terminal (braille, or ASCII
/// outside UTF-8 locales) and return a plot value; `savefig` and `animate` write files
/// (Builtins+PlotFiles.swift, Builtins+PlotAnimate.swift).
extension BuiltinRegistry {
    /// Declares the plotting builtins (the `plots` help topic).
    static func installPlots(_ r: BuiltinRegistry) {
        r.function("plot", [p("a"), p("b", Value.none), p("c", Value.none)] + PlotOptions.parameters, category: "plots",
                   summary: "Draws lines, densities, functions or a fit's history in the terminal; returns the plot.",
                   help: """
                   plot(x, y)            y against x; y may be a list of vectors or a matrix (one series per row)
                   plot(x, y1, y2)       two series against x
                   plot(y)               y against its index 0, 1, 2, …
                   plot(D)               the density of a distribution over where its mass is (0.1% to 99.9%
                                         quantiles, widened 5%); a discrete one as bars at its outcomes
                   plot(D1, D2, D3)      overlaid, with a legend (or plot([D1, D2, …]));
                   plot(D, a, b)         the density on [a, b]
                   plot(f, a, b)         a function of one number on [a, b] at 400 points (f is called once
                                         with the whole vector when it accepts one); plot([f, g], a, b) overlays
                                         (the legend names each: f, sin, x -> sin(x)); plot(f, xlim=[a, b]) is the same
                   plot(fit)             the fit's loss and each parameter against the step, two panels a row; for two
                                         parameters the fourth panel is the path through (θ₁, θ₂)
                   The plot prints as text (colour only on a terminal without NO_COLOR) and is kept for savefig.
                   \(PlotOptions.help)
                   """,
                   example: "plot(x -> sin(x), 0, 2 * pi, title=\"sin\")") { a in
            try plot(&a)
        }
        r.function("scatter", [p("x"), p("y")] + PlotOptions.parameters, category: "plots",
                   summary: "Draws the points (xᵢ, yᵢ) as marks; y may be a list of vectors (one colour each).",
                   help: PlotOptions.help,
                   example: "scatter([1, 2, 3, 4], [1, 4, 9, 16], label=\"squares\")") { a in
            let options = try PlotOptions(a)
            let x = try a.vector(0).data
            let series = try ySeries(a, 1, x: x, style: .scatter)
            return a.interpreter.show(Figure(try options.panel(series, name: "scatter")), print: options.show)
        }
        r.function("hist", [p("samples"), p("D", Value.none), p("bins", Value.none, shown: "auto"),
                            p("density", .bool(false))] + PlotOptions.parameters, category: "plots",
                   summary: "A histogram of samples in equal-width bins; hist(samples, D) overlays D's density.",
                   help: """
                   Without bins, whole numbers get one bar per value (bars of 2, 5, 10, … values when they span more
                   than 50) and other samples about √n bins (5 to 50) of a round width, so that ticks fall on bar
                   centres or bin edges; bins=k makes k equal bins from the smallest to the largest sample.
                   density=true scales the bars to area 1 (bar height = count / (n · width)); it is implied when a
                   distribution D is given, whose density is drawn over the bars for comparison. Non-finite samples
                   are left out.
                   \(PlotOptions.help)
                   """,
                   example: "hist(sample(Normal(0, 1), 1000), Normal(0, 1), bins=30)") { a in
            try histogram(&a)
        }
        r.function("subplots", [p("plots"), p("rows", Value.none, shown: "auto"), p("cols", Value.none, shown: "auto"),
                                p("show", .bool(true))], category: "plots",
                   summary: "Arranges plots as panels of one figure, row by row (a 2×2 grid for four).",
                   help: """
                   plots is a list of plot values (make them with show=false to draw only the whole figure).
                   Without rows or cols the grid is ⌈√n⌉ columns wide; with one of them, the other follows.
                   """,
                   example: "subplots([plot([1, 3, 2], show=false), hist([1, 2, 2, 3], show=false)], cols=2)") { a in
            try subplots(&a)
        }
        installPlotFiles(r)
        installAnimate(r)
        installContour(r)
        installExplore(r)
    }

    /// Dispatches `plot` on the kind of its first argument.
    static func plot(_ a: inout Arguments) throws -> Value {
        if callables(a[0]) != nil, callables(a[1]) != nil {
            throw a.error("overlaid functions go in one list: plot([f, g], a, b)")
        }
        let options = try PlotOptions(a)
        let interp = a.interpreter
        let rest = [a[1], a[2]].filter { if case .none = $0 { return false } else { return true } }
        var figure: Figure
        var widest: Int?
        if case .object(let fit as FitValue) = a[0] {
            guard rest.isEmpty else { throw a.error("plot(fit) takes no other positional arguments") }
            try options.reject(except: ["xlim", "yscale"], name: "plot", what: "a fit")
            var drawn = PlotData.fitFigure(fit)
            for i in drawn.panels.indices where drawn.panels[i].xlabel == "step" { drawn.panels[i].xlim = options.xlim }
            drawn.panels[0].yscale = options.yscale
            figure = drawn
        } else if let functions = callables(a[0]) {
            figure = Figure(try functionPanel(a, functions, rest: rest, options: options))
        } else if let first = distributions(a[0]) {
            let (panel, outcomes) = try distributionPanel(a, first, rest: rest, options: options)
            figure = Figure(panel)
            if let outcomes {
                widest = PlotData.barChartWidth(outcomes: outcomes)
                if options.xlim == nil {
                    let gap = 0.03 * Double(outcomes)  // as DataBounds.barGap: bars keep off the frame
                    figure.panels[0].xlim = AxisRange(-0.5 - gap, Double(outcomes) - 0.5 + gap)
                }
            }
        } else if PlotData.tensor(a[0]) != nil || isList(a[0]) {
            figure = Figure(try linePanel(a, options: options))
        } else {
            throw a.fail(0, "must be numbers, a distribution, a function or a fit")
        }
        return interp.show(figure, print: options.show, widest: widest)
    }

    /// Lines: `plot(y)`, `plot(x, y)`, `plot(x, y1, y2)`.
    static func linePanel(_ a: Arguments, options: PlotOptions) throws -> Panel {
        if case .none = a[1] {
            if case .none = a[2] {} else { throw a.error("plot(y, …) takes the x values first: plot(x, y1, y2)") }
            guard let rows = PlotData.rows(a[0], length: nil) else { throw a.fail(0, "must be numbers") }
            return try options.panel(rows.map { Series(y: $0) }, name: "plot")
        }
        let x = try a.vector(0).data
        var series = try ySeries(a, 1, x: x, style: .line)
        if case .none = a[2] {} else { series += try ySeries(a, 2, x: x, style: .line) }
        return try options.panel(series, name: "plot")
    }

    /// The series of argument `i` against `x`: every y must have as many values as x.
    static func ySeries(_ a: Arguments, _ i: Int, x: [Double], style: SeriesStyle) throws -> [Series] {
        guard let rows = PlotData.rows(a[i], length: x.count) else { throw a.fail(i, "must be a vector, a list of vectors or a matrix") }
        for row in rows where row.count != x.count {
            throw a.error("x has \(x.count) values but argument \(i + 1) has \(row.count)")
        }
        return rows.map { Series(x: x, y: $0, style: style) }
    }

    /// Densities or masses: `plot(D)`, `plot(D1, D2, …)`, `plot([D1, …])`, `plot(D, a, b)`;
    /// with the number of outcomes when they are discrete.
    static func distributionPanel(_ a: Arguments, _ first: [DistributionValue], rest: [Value],
                                  options: PlotOptions) throws -> (Panel, outcomes: Int?) {
        var ds = first
        var range = options.xlim
        if rest.count == 2, let low = PlotData.tensor(rest[0])?.scalar, let high = PlotData.tensor(rest[1])?.scalar {
            guard low.isFinite, high.isFinite, low < high else { throw a.error("the range [a, b] needs finite a < b") }
            range = AxisRange(low, high)
        } else {
            for (offset, value) in rest.enumerated() {
                guard let more = distributions(value) else { throw a.fail(offset + 1, "must be a distribution") }
                ds += more
            }
        }
        let discrete = ds.filter(\.distribution.isDiscrete)
        guard discrete.isEmpty || discrete.count == ds.count else {
            throw a.error("cannot overlay discrete and continuous distributions in one plot")
        }
        let series = discrete.isEmpty ? PlotData.densitySeries(ds, range: range) : PlotData.massSeries(ds)
        let labelled = ds.count > 1 ? series.enumerated().map { i, s in
            var s = s
            s.label = PlotData.caption(ds[i].display())
            return s
        } : series
        let title = ds.count == 1 ? PlotData.caption(ds[0].display()) : ""
        let labels = ds.lazy.compactMap(\.labels).first
        let outcomes = discrete.isEmpty ? nil : discrete.map { PlotData.outcomeCount($0.distribution) }.max()
        // A few named outcomes are written under their bars; many get a key under the axis.
        let named = labels.map { $0.count <= PlotData.maxNamedTicks } ?? false
        let key = named ? "" : labels.map(PlotData.outcomeKey) ?? ""
        var panel = try options.panel(labelled, title: title, xlabel: key, name: "plot")
        if named, let labels, panel.xticks == nil {
            panel.xticks = labels.enumerated().map { AxisTick(Double($0.offset), $0.element) }
        }
        return (panel, outcomes)
    }

    /// Functions on an interval: `plot(f, a, b)`, `plot([f, g], a, b)`.
    static func functionPanel(_ a: Arguments, _ functions: [Value], rest: [Value], options: PlotOptions) throws -> Panel {
        let interval: (Double, Double)?
        if rest.count == 2, let low = PlotData.tensor(rest[0])?.scalar, let high = PlotData.tensor(rest[1])?.scalar {
            interval = (low, high)
        } else {
            interval = rest.isEmpty ? options.xlim.map { ($0.lower, $0.upper) } : nil
        }
        guard let (low, high) = interval else {
            throw a.error("plot(f, a, b) needs the interval: two numbers a < b after the function")
        }
        guard low.isFinite, high.isFinite, low < high else { throw a.error("the interval [a, b] needs finite a < b") }
        let x = PlotData.grid(low, high)
        var series = try functions.map { Series(x: x, y: try PlotData.values(of: $0, at: x, interpreter: a.interpreter, name: "plot")) }
        if functions.count > 1 {
            for i in series.indices { series[i].label = PlotData.functionName(functions[i], position: i, interpreter: a.interpreter) }
        }
        return try options.panel(series, name: "plot")
    }

    /// A histogram, with the density of D over it when given.
    static func histogram(_ a: inout Arguments) throws -> Value {
        let options = try PlotOptions(a)
        let samples = try a.vector(0).data
        let finite = samples.filter(\.isFinite)
        guard !finite.isEmpty else { throw a.fail(0, "must hold at least one finite number") }
        let bins = a.has(2) ? try a.integer(2, in: 1...Series.maximumBins) : nil
        var series = [Series.histogram(values: finite, bins: bins, density: try a.bool(3) || a.has(1))]
        try a.stopIfInterrupted()
        if a.has(1) {
            guard let d = distributions(a[1]), d.count == 1 else { throw a.fail(1, "must be a distribution") }
            let covered = d[0].distribution.isDiscrete ? nil
                : AxisRange(min(finite.min() ?? 0, PlotData.range(of: d[0].distribution).lower),
                            max(finite.max() ?? 1, PlotData.range(of: d[0].distribution).upper))
            series += d[0].distribution.isDiscrete ? PlotData.massSeries(d) : PlotData.densitySeries(d, range: covered)
            series[0].label = "samples (n = \(finite.count))"
            series[0].fill = false
            series[1].label = PlotData.caption(d[0].display())
        }
        return a.interpreter.show(Figure(try options.panel(series, name: "hist")), print: options.show)
    }

    /// Several plots as the panels of one figure.
    static func subplots(_ a: inout Arguments) throws -> Value {
        var panels: [Panel] = []
        for (i, item) in try a.list(0).enumerated() {
            guard case .object(let plot as PlotValue) = item else {
                throw a.error("item \(i) of the list must be a plot (got \(item.typeName))")
            }
            panels += plot.figure.panels
        }
        guard !panels.isEmpty else { throw a.fail(0, "must hold at least one plot") }
        let n = panels.count
        var cols = Int(Double(n).squareRoot().rounded(.up)), rows = (n + cols - 1) / cols
        if a.has(2) {
            cols = try a.integer(2, in: 1...n)
            rows = (n + cols - 1) / cols
        } else if a.has(1) {
            rows = try a.integer(1, in: 1...n)
            cols = (n + rows - 1) / rows
        }
        return a.interpreter.show(Figure(rows: rows, cols: cols, panels: panels), print: try a.bool(3), warn: false)
    }

    /// The distributions a value holds: one, or a non-empty list of them.
    static func distributions(_ value: Value) -> [DistributionValue]? {
        if let d = PlotData.distribution(value) { return [d] }
        guard case .list(let items) = value, !items.isEmpty else { return nil }
        let ds = items.compactMap(PlotData.distribution)
        return ds.count == items.count ? ds : nil
    }

    /// The functions a value holds: one, or a non-empty list of them.
    static func callables(_ value: Value) -> [Value]? {
        func isCallable(_ v: Value) -> Bool {
            switch v {
            case .closure, .builtin: return true
            default: return false
            }
        }
        if isCallable(value) { return [value] }
        guard case .list(let items) = value, !items.isEmpty, items.allSatisfy(isCallable) else { return nil }
        return items
    }

    static func isList(_ value: Value) -> Bool {
        if case .list = value { return true }
        return false
    }
}
