import KLSPlot

/// `savefig`: writes a plot as SVG, PNG or a still GIF, the format chosen by the extension.
extension BuiltinRegistry {
    /// Extensions `savefig` writes.
    static let figureFormats = ["svg", "png", "gif"]

    /// Declares `savefig`.
    static func installPlotFiles(_ r: BuiltinRegistry) {
        r.function("savefig", [p("file"), p("plot", Value.none, shown: "the last plot"),
                               p("width", Value.none, shown: "auto"), p("height", Value.none, shown: "auto"),
                               p("scale", Value.none, shown: "auto")],
                   category: "plots",
                   summary: "Writes the most recent plot (or the one given) to a .svg, .png or .gif file.",
                   help: """
                   The extension picks the format: .svg (vector, byte-stable), .png (antialiased, cairo) or .gif (one
                   frame). savefig(p, "fig.png") or savefig("fig.png", plot=p) writes a particular plot. The size is in
                   pixels: 640 × 420 per panel unless width= and height= are given (one of them keeps the proportions);
                   each side may be 16…8192. Text, lines and marks grow with the picture: they are drawn at
                   scale = min(width / 640, height / 420) per panel (tick labels 14 px at scale 1), so a 1600 × 900
                   picture is the same picture, larger; scale= (0.1…20) sets it instead, like matplotlib's dpi.
                   A path that cannot be written or an unknown extension is an error.
                   """,
                   example: "plot([1, 4, 9, 16]); savefig(\"/tmp/kls-savefig-example.svg\")") { a in
            try savefig(&a)
            return .none
        }
    }

    /// Writes the chosen plot; `savefig(p, "file")` is accepted as well as `savefig("file", plot=p)`.
    static func savefig(_ a: inout Arguments) throws {
        if case .object(let o) = a[0], o is PlotValue, case .string = a[1] { a.values.swapAt(0, 1) }
        let path = try a.path(0)
        let figure: Figure
        switch a[1] {
        case .none:
            guard let last = a.interpreter.lastFigure as? PlotValue else {
                throw a.error("there is no plot yet: draw one with plot(…) first, or pass one as savefig(p, \"\(path)\")")
            }
            figure = last.figure
        case .object(let o as PlotValue): figure = o.figure
        default: throw a.fail(1, "must be a plot (what plot, hist, scatter or subplots return)")
        }
        let size = try pictureSize(a, widthIndex: 2, heightIndex: 3, figure: figure)
        let scale = try drawingScale(a, 4)
        do throws(PlotError) {
            if fileExtension(path) == "gif" {
                try writeGIF(frames: [figure], path: path, width: size.width, height: size.height, scale: scale)
            } else {
                try figure.write(to: path, width: size.width, height: size.height, scale: scale)
            }
        } catch .unsupportedFormat {
            throw a.error(PlotError.unsupportedFormat(path: path, supported: figureFormats).description)
        } catch {
            throw a.error(error.description)
        }
    }

    /// The requested picture size: both sides as given, or one given and the other in the
    /// default proportions of `figure` (640 × 420 per panel), or the default.
    static func pictureSize(_ a: Arguments, widthIndex: Int, heightIndex: Int, figure: Figure) throws -> (width: Int, height: Int) {
        let grid = figure.gridShape
        let defaultWidth = min(8192, Figure.defaultPanelPixels.width * grid.cols)
        let defaultHeight = min(8192, Figure.defaultPanelPixels.height * grid.rows)
        let sides = 16...8192
        let width = a.has(widthIndex) ? try a.integer(widthIndex, in: sides) : nil
        let height = a.has(heightIndex) ? try a.integer(heightIndex, in: sides) : nil
        switch (width, height) {
        case let (w?, h?): return (w, h)
        case let (w?, nil): return (w, max(1, Int((Double(w) * Double(defaultHeight) / Double(defaultWidth)).rounded())))
        case let (nil, h?): return (max(1, Int((Double(h) * Double(defaultWidth) / Double(defaultHeight)).rounded())), h)
        case (nil, nil): return (defaultWidth, defaultHeight)
        }
    }

    /// The `scale=` argument at `i`: nil when not given, else a number in 0.1…20.
    static func drawingScale(_ a: Arguments, _ i: Int) throws -> Double? {
        guard a.has(i) else { return nil }
        let scale = try a.number(i)
        guard scale >= 0.1, scale <= 20 else { throw a.fail(i, "must be from 0.1 to 20") }
        return scale
    }

    /// The lower-case extension of the file name in `path` ("" when there is none).
    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
