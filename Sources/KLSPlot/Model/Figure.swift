/// A plot description: panels laid out row by row in a grid of `rows` × `cols` cells.
///
/// A figure only describes a picture; `renderTerminal`, `svg`, `write(to:)` and `writeGIF`
/// draw it. When there are more panels than cells, the grid grows by whole rows.
public struct Figure: Sendable, Equatable {
    /// Requested number of grid rows (at least 1).
    public let rows: Int
    /// Number of grid columns (at least 1).
    public let cols: Int
    /// Panels in row-major order: panel i sits in row i / cols, column i % cols.
    public var panels: [Panel]

    /// A figure of a single panel.
    public init(_ panel: Panel) {
        self.init(rows: 1, cols: 1, panels: [panel])
    }

    /// A grid figure; `rows` and `cols` below 1 are raised to 1.
    public init(rows: Int, cols: Int, panels: [Panel]) {
        self.rows = Swift.max(1, rows)
        self.cols = Swift.max(1, cols)
        self.panels = panels
    }

    /// Rows actually laid out: enough for every panel, never fewer than requested.
    var gridRows: Int {
        let needed = panels.count / cols + (panels.count % cols == 0 ? 0 : 1)
        return Swift.max(rows, needed)
    }
}
