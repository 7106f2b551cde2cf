import KLSNumerics
import KLSPlot

/// A plot as a kls value: the figure a plotting builtin drew (already printed as text when
/// it was made), kept so that `savefig` can write it and `subplots` can arrange it.
///
/// Its display is a one-line summary, so echoing it at the prompt does not draw it twice.
public final class PlotValue: Object {
    /// The description of the picture: panels, series, titles, limits.
    public let figure: Figure
    /// Extra words for the summary, e.g. where an animation was written.
    let note: String?
    /// Widest plot area it reads well at in the terminal, in characters (bars of a few outcomes).
    let widest: Int?

    init(_ figure: Figure, note: String? = nil, widest: Int? = nil) {
        self.figure = figure
        self.note = note
        self.widest = widest
    }

    public override var typeName: String { "Plot" }

    public override var fieldNames: [String] { ["panels", "series", "titles"] }

    public override func field(_ name: String) -> Value? {
        switch name {
        case "panels": return .number(Double(figure.panels.count))
        case "series": return .number(Double(seriesCount))
        case "titles": return .list(figure.panels.map { .string($0.title) })
        default: return nil
        }
    }

    /// Number of series over all panels.
    var seriesCount: Int { figure.panels.reduce(0) { $0 + $1.series.count } }

    /// `<plot: 2 series, "P and Q"; savefig("name.png") saves it>`, or for a grid
    /// `<plot: 2×2 panels, …>`.
    public override func display() -> String {
        var parts: [String] = []
        if figure.panels.count > 1 {
            parts.append("\(figure.gridShape.rows)×\(figure.gridShape.cols) panels")
        } else {
            parts.append("\(seriesCount) series")
            if let title = figure.panels.first?.title, !title.isEmpty { parts.append(ValueFormatter.quoted(title)) }
        }
        if let note { parts.append(note) }
        return "<plot: " + parts.joined(separator: ", ") + "; savefig(\"name.png\") saves it>"
    }

    public override func equals(_ other: Object) -> Bool {
        guard let o = other as? PlotValue else { return false }
        return o.figure == figure
    }
}

extension Figure {
    /// Rows and columns of the grid as laid out (enough rows for every panel).
    var gridShape: (rows: Int, cols: Int) {
        let needed = (panels.count + cols - 1) / cols
        return (Swift.max(rows, needed), cols)
    }
}
