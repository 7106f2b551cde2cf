import KLSPlot

/// The keyword arguments every plotting builtin shares: legend labels, titles, axis limits and
/// whether to print the plot.
struct PlotOptions {
    var labels: [String]?
    var title: String?
    var xlabel: String?
    var ylabel: String?
    var xlim: AxisRange?
    var ylim: AxisRange?
    var show = true

    /// The shared parameters, declared after a builtin's own.
    static var parameters: [BuiltinParameter] { [
        p("label", Value.none), p("labels", Value.none), p("title", Value.none), p("xlabel", Value.none),
        p("ylabel", Value.none), p("xlim", Value.none), p("ylim", Value.none), p("show", .bool(true)),
    ] }

    /// How the shared parameters read in help texts.
    static let help = """
        label="P" names the series in a legend (label=["P", "Q"], or labels=[…], for several); title=, xlabel=,
        ylabel= are strings; xlim=[low, high] and ylim=[low, high] fix the axes; show=false draws nothing and only
        returns the plot (for subplots or savefig).
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
        return Panel(series: series, title: title ?? defaultTitle, xlabel: xlabel ?? defaultX,
                     ylabel: ylabel ?? defaultY, xlim: xlim, ylim: ylim)
    }

    /// Fails when any decoration other than `allowed` was given (for plots that make their own).
    func reject(except allowed: Set<String>, name: String, what: String) throws {
        let given: [(String, Bool)] = [
            ("label", labels != nil), ("title", title != nil), ("xlabel", xlabel != nil),
            ("ylabel", ylabel != nil), ("xlim", xlim != nil), ("ylim", ylim != nil),
        ]
        if let unused = given.first(where: { $0.1 && !allowed.contains($0.0) }) {
            throw BuiltinError("\(name): \(unused.0)= is not used when plotting \(what)")
        }
    }
}
