import KLSNumerics
import KLSPlot

/// `contour`: a function of two numbers drawn as contour lines or filled bands, with fits'
/// paths over it (the picture of optimisers crossing a loss surface).
extension BuiltinRegistry {
    /// Declares `contour`.
    static func installContour(_ r: BuiltinRegistry) {
        r.function("contour", [p("f"), p("x"), p("y"), p("levels", Value.none, shown: "auto"), p("filled", .bool(false)),
                               p("paths", Value.none), p("points", .number(100)),
                               p("title", Value.none), p("xlabel", Value.none, shown: "f's 1st parameter"),
                               p("ylabel", Value.none, shown: "f's 2nd parameter"), p("show", .bool(true)),
                               p("labels", Value.none, shown: "optimisers")],
                   category: "plots",
                   summary: "Draws a function of two numbers over [x0, x1] × [y0, y1] as contour lines or filled bands.",
                   help: """
                   f(x, y) is evaluated on points × points samples (2…1000; f is called once with whole vectors when it
                   accepts them). levels=n asks for about n levels, levels=[l1, l2, …] (increasing) sets them; by default
                   about 10 round levels, log-spaced (1, 2, 5 per decade) when f ≥ 0 has a narrow valley, as
                   Rosenbrock's. filled=true draws bands between the levels instead of lines. Files get a colour bar;
                   the terminal lists the levels. paths=[fit1, fit2, …] draws each two-parameter fit's trace over the
                   surface (hollow mark at the start, filled at the end), labelled with its optimiser (or labels=[…]).
                   """,
                   example: """
                   rosen(a, b) = (1 - a)^2 + 100 * (b - a^2)^2
                   contour(rosen, [-2, 2], [-1, 3], title="Rosenbrock")
                   """) { a in
            let figure = try contourFigure(a)
            return a.interpreter.show(figure, print: try a.bool(10))
        }
    }

    /// The contour panel of `contour(f, x, y, …)`.
    static func contourFigure(_ a: Arguments) throws -> Figure {
        let x = try PlotOptions.limits(a, 1), y = try PlotOptions.limits(a, 2)
        let n = try a.integer(6, in: 2...1000)
        let field = try ContourSurface.evaluate(a, f: 0, x: x, y: y, points: n, levelsIndex: 3, filled: try a.bool(4))
        var series: [Series] = []
        if a.has(5) {
            let fits = try ContourSurface.fits(a, 5)
            let labels = try ContourSurface.labels(a, 11, fits: fits)
            series = fits.enumerated().map { index, fit in PlotData.pathSeries(fit, label: labels[index], color: index) }
        }
        let names = PlotData.functionParameterNames(a[0])
        var panel = Panel(series: series, title: a.has(7) ? try a.string(7) : "",
                          xlabel: a.has(8) ? try a.string(8) : names?[0] ?? "x",
                          ylabel: a.has(9) ? try a.string(9) : names?[1] ?? "y", xlim: x, ylim: y)
        panel.contour = field
        return Figure(panel)
    }
}

/// Sampling a kls function of two numbers for contour plots and races.
enum ContourSurface {
    /// f on `points` × `points` samples of x × y with its levels: as `levels=` at `levelsIndex`
    /// asks (a count or increasing values) or chosen by `ContourLevels.automatic`.
    static func evaluate(_ a: Arguments, f fIndex: Int, x: AxisRange, y: AxisRange, points n: Int,
                         levelsIndex: Int, filled: Bool) throws -> ContourField {
        let name = a.builtin.name, f = a[fIndex]
        switch f {
        case .closure(let c) where c.parameterCount != 2:
            throw a.error("the function must take two numbers (it takes \(c.parameterCount))")
        case .closure, .builtin: break
        default: throw a.fail(fIndex, "must be a function of two numbers")
        }
        let xs = PlotData.grid(x.lower, x.upper, count: n), ys = PlotData.grid(y.lower, y.upper, count: n)
        var gridX = [Double](), gridY = [Double]()
        gridX.reserveCapacity(n * n)
        gridY.reserveCapacity(n * n)
        for j in 0..<n {
            for i in 0..<n {
                gridX.append(xs[i])
                gridY.append(ys[j])
            }
        }
        let interp = a.interpreter
        var values: [Double]
        if let whole = try? interp.call(f, [.tensor(Tensor(vector: gridX)), .tensor(Tensor(vector: gridY))]),
           let t = PlotData.tensor(whole), t.rank == 1, t.count == n * n {
            values = t.data
        } else {
            values = []
            values.reserveCapacity(n * n)
            for k in 0..<(n * n) {
                let z = try interp.call(f, [.number(gridX[k]), .number(gridY[k])])
                guard let t = PlotData.tensor(z), t.count == 1 else {
                    throw BuiltinError("\(name): the function must return a number (got \(z.typeName) at (\(ValueFormatter.number(gridX[k])), \(ValueFormatter.number(gridY[k]))))")
                }
                values.append(t.data[0])
            }
        }
        let levels: [Double]
        if a.has(levelsIndex) {
            if case .number = a[levelsIndex] {
                levels = ContourLevels.automatic(values, count: try a.integer(levelsIndex, in: 1...100))
            } else {
                levels = try a.vector(levelsIndex).data
                guard !levels.isEmpty, levels.allSatisfy(\.isFinite) else { throw a.fail(levelsIndex, "must hold finite numbers") }
                for k in levels.indices.dropFirst() where levels[k] <= levels[k - 1] {
                    throw a.fail(levelsIndex, "must be increasing (level \(k) is not above level \(k - 1))")
                }
            }
        } else {
            levels = ContourLevels.automatic(values)
        }
        guard let field = ContourField(x: x, y: y, columns: n, rows: n, values: values, levels: levels, filled: filled) else {
            throw a.error("cannot sample the function on this range")
        }
        return field
    }

    /// Legend labels of `fits`: the strings at argument `i`, one per fit, or their optimisers' names.
    static func labels(_ a: Arguments, _ i: Int, fits: [FitValue]) throws -> [String] {
        guard a.has(i) else { return PlotData.optimizerNames(fits) }
        let labels = try a.strings(i)
        guard labels.count == fits.count else { throw a.fail(i, "must hold one label per fit (\(fits.count))") }
        return labels
    }

    /// The two-parameter fits at argument `i`: one fit or a non-empty list of fits.
    static func fits(_ a: Arguments, _ i: Int) throws -> [FitValue] {
        let items: [Value]
        if case .list(let list) = a[i] { items = list } else { items = [a[i]] }
        guard !items.isEmpty else { throw a.fail(i, "must hold at least one fit") }
        return try items.enumerated().map { index, item in
            guard case .object(let fit as FitValue) = item else {
                throw a.fail(i, "must be a fit or a list of fits (item \(index) is \(item.typeName))")
            }
            guard fit.params.count == 2 else {
                throw a.error("fit \(index) has \(fit.params.count) parameters; a path over the surface needs 2")
            }
            guard !fit.losses.isEmpty else { throw a.error("fit \(index) has no steps") }
            return fit
        }
    }
}
