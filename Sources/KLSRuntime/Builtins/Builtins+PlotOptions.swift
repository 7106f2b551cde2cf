import KLSPlot

/// The keyword arguments every plotting builtin shares: legend labels, titles, axis limits and
/// scales, how each series is drawn, and whether to print the plot.
struct PlotOptions {
    var labels: [String]?
    var title: String?
    var xlabel: String?
    var ylabel: String?
    var xlim: AxisRange?
    var ylim: AxisRange?
    var show = true
    var xscale = AxisScale.linear
    var yscale = AxisScale.linear
    /// Per series (one value applies to all): dash pattern, marker, palette slot.
    var dashes: [LineDash]?
    var markers: [MarkerShape]?
    var colors: [Int]?

    /// The shared parameters, declared after a builtin's own.
    static var parameters: [BuiltinParameter] { [
        p("label", Value.none), p("labels", Value.none), p("title", Value.none), p("xlabel", Value.none),
        p("ylabel", Value.none), p("xlim", Value.none), p("ylim", Value.none), p("show", .bool(true)),
        p("xscale", .string("linear")), p("yscale", .string("linear")), p("style", Value.none, shown: "\"-\""),
        p("marker", Value.none), p("color", Value.none, shown: "auto"),
    ] }

    /// How the shared parameters read in help texts.
    static let help = """
        label="P" names the series in a legend (label=["P", "Q"], or labels=[…], for several); title=, xlabel=,
        ylabel= are strings; xlim=[low, high] and ylim=[low, high] fix the axes; show=false draws nothing and only
        returns the plot (for subplots or savefig). xscale="log", yscale="log" draw an axis logarithmically with
        ticks at decades (points ≤ 0 are left out with a warning). style="--" (dashed), ":" (dotted), "-." or "-",
        marker="o", "s", "^", "x", "+" or "D", color="red" (blue, orange, green, red, purple, cyan, pink, grey or
        C0…C7) apply to every series, or give a list with one per series. In a terminal without colour, lines are
        told apart by their dot patterns.
        """

    /// Reads whichever shared parameters `a`'s builtin declares.
    init(_ a: Arguments) throws {
        let names = a.builtin.parameters.map(\.name)
        func index(_ name: String) -> Int? {
            guard let i = names.firstIndex(of: name), a.has(i) else { return nil }
            return i
        }
        if let i = index("labels") ?? index("label") {
            if case .string(let s) = a[i] { labels = [s] } else { labels = try a.strings(i) }
        }
        title = try index("title").map { try a.string($0) }
        xlabel = try index("xlabel").map { try a.string($0) }
        ylabel = try index("ylabel").map { try a.string($0) }
        xlim = try index("xlim").map { try Self.limits(a, $0) }
        ylim = try index("ylim").map { try Self.limits(a, $0) }
        if let i = names.firstIndex(of: "show") { show = try a.bool(i) }
        if let i = index("xscale") { xscale = try Self.scale(a, i) }
        if let i = index("yscale") { yscale = try Self.scale(a, i) }
        dashes = try index("style").map { i in
            try Self.each(a, i, "a line style \"-\", \"--\", \":\" or \"-.\"") { LineDash(name: $0) }
        }
        markers = try index("marker").map { i in
            try Self.each(a, i, "a marker " + MarkerShape.codes.map { "\"\($0)\"" }.joined(separator: ", ")) { MarkerShape(name: $0) }
        }
        colors = try index("color").map { i in
            try Self.each(a, i, "a colour (" + SeriesPalette.names.joined(separator: ", ") + " or C0…C7)") { SeriesPalette.slot(named: $0) }
        }
    }

    /// "linear" or "log".
    static func scale(_ a: Arguments, _ i: Int) throws -> AxisScale {
        guard case .string(let name) = a[i], let scale = AxisScale(name: name) else { throw a.fail(i, "must be \"linear\" or \"log\"") }
        return scale
    }

    /// A string or a list of strings, each read by `parse` (nil: not `what`).
    static func each<T>(_ a: Arguments, _ i: Int, _ what: String, _ parse: (String) -> T?) throws -> [T] {
        let names: [String]
        if case .string(let s) = a[i] { names = [s] } else { names = try a.strings(i) }
        return try names.map { name in
            guard let value = parse(name) else { throw a.fail(i, "must be \(what)") }
            return value
        }
    }

    /// `[low, high]` with finite low < high.
    static func limits(_ a: Arguments, _ i: Int) throws -> AxisRange {
        let t = try a.vector(i)
        guard t.count == 2, t.data[0].isFinite, t.data[1].isFinite, t.data[0] < t.data[1] else {
            throw a.fail(i, "must be [low, high] with low < high")
        }
        return AxisRange(t.data[0], t.data[1])
    }

    /// A panel of `series` with the given decorations over the builtin's own defaults.
    func panel(_ series: [Series], title defaultTitle: String = "", xlabel defaultX: String = "",
               ylabel defaultY: String = "", name: String) throws -> Panel {
        var series = series
        if let labels {
            guard labels.count == series.count else {
                let what = labels.count == 1 ? "1 label" : "\(labels.count) labels"
                throw BuiltinError("\(name): \(what) for \(series.count) series")
            }
            for i in series.indices { series[i].label = labels[i] }
        }
        try apply(dashes, "style", to: &series, name: name) { $0.dash = $1 }
        try apply(markers, "marker", to: &series, name: name) { $0.marker = $1 }
        try apply(colors, "color", to: &series, name: name) { $0.color = $1 }
        var panel = Panel(series: series, title: title ?? defaultTitle, xlabel: xlabel ?? defaultX,
                          ylabel: ylabel ?? defaultY, xlim: xlim, ylim: ylim)
        panel.xscale = xscale
        panel.yscale = yscale
        if xscale == .log, let xlim, xlim.lower <= 0 { throw BuiltinError("\(name): xlim must be positive on a log scale") }
        if yscale == .log, let ylim, ylim.lower <= 0 { throw BuiltinError("\(name): ylim must be positive on a log scale") }
        return panel
    }

    /// Sets one value per series (or the same for all when one is given).
    private func apply<T>(_ values: [T]?, _ option: String, to series: inout [Series], name: String,
                          _ set: (inout Series, T) -> Void) throws {
        guard let values else { return }
        guard values.count == 1 || values.count == series.count else {
            throw BuiltinError("\(name): \(values.count) values of \(option)= for \(series.count) series")
        }
        for i in series.indices { set(&series[i], values[values.count == 1 ? 0 : i]) }
    }

    /// Fails when any decoration other than `allowed` was given (for plots that make their own).
    func reject(except allowed: Set<String>, name: String, what: String) throws {
        let given: [(String, Bool)] = [
            ("label", labels != nil), ("title", title != nil), ("xlabel", xlabel != nil),
            ("ylabel", ylabel != nil), ("xlim", xlim != nil), ("ylim", ylim != nil),
            ("xscale", xscale != .linear), ("yscale", yscale != .linear), ("style", dashes != nil),
            ("marker", markers != nil), ("color", colors != nil),
        ]
        if let unused = given.first(where: { $0.1 && !allowed.contains($0.0) }) {
            throw BuiltinError("\(name): \(unused.0)= is not used when plotting \(what)")
        }
    }
}
