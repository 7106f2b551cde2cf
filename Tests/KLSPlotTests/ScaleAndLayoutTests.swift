import Foundation
import Testing
@testable import KLSPlot

/// Pictures that read at any size, axes that respect the data, log axes, styles, frame spacing.
@Suite struct ScaleAndLayoutTests {
    static func texts(_ panel: PixelPanel) -> [(text: String, at: Point, size: Double)] {
        panel.layeredItems().items.compactMap { item in
            if case let .text(text, at, size, _, _, _, _) = item { return (text, at, size) }
            return nil
        }
    }

    @Test func tickLabelsAreAtLeast14PixelsAtTheDefaultSize() {
        let panel = SeedFigures.densities.pixelPanels(width: 640, height: 420)[0]
        let sizes = Self.texts(panel).map(\.size)
        #expect(sizes.min() == 14)
        #expect(sizes.max() == 18)  // the title
    }

    @Test func twiceTheSizeIsTheSamePictureTwiceAsLarge() {
        // Every text of a 1280 × 840 picture sits at twice the position (to within the ±1 px of
        // snapping lines onto pixel centres) and twice the size of the 640 × 420 one.
        let small = Self.texts(SeedFigures.densities.pixelPanels(width: 640, height: 420)[0])
        let large = Self.texts(SeedFigures.densities.pixelPanels(width: 1280, height: 840)[0])
        #expect(small.map(\.text) == large.map(\.text))
        for (a, b) in zip(small, large) {
            #expect(b.size == 2 * a.size)
            #expect(Swift.abs(b.at.x - 2 * a.at.x) <= 2 && Swift.abs(b.at.y - 2 * a.at.y) <= 2, "\(a.text)")
        }
        // 1600 × 900: scale min(1600/640, 900/420) = 2.142857…, tick labels 30 px.
        #expect(Swift.abs(SeedFigures.densities.defaultScale(width: 1600, height: 900) - 15.0 / 7) < 1e-12)
    }

    @Test func scaleOutsideItsRangeIsAnError() {
        #expect(throws: PlotError.invalidScale(0)) { try SeedFigures.densities.svg(width: 640, height: 420, scale: 0) }
        #expect(throws: PlotError.invalidScale(1e9)) { try SeedFigures.densities.svg(width: 640, height: 420, scale: 1e9) }
        let path = temporaryPath("never.png")
        #expect(throws: PlotError.invalidScale(0)) { try SeedFigures.densities.write(to: path, scale: 0) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func densityPeaksKeepHeadroomAndTheBaselineStays() {
        // The peaks of P are 0.3989; 4% headroom and whole 0.1 steps put the top tick at 0.5, the
        // bottom stays on y = 0.
        let axes = PixelPanel(panel: SeedFigures.densities.panels[0], cell: Rect(x: 0, y: 0, width: 640, height: 420),
                              style: SceneStyle(scale: 1)).axes
        #expect(axes.y.range.lower == 0)
        #expect(axes.y.range.upper > 0.3989 * 1.04)
    }

    @Test func gridColumnsShareTheirPlotEdges() {
        // A 2 × 2 grid whose panels have y tick labels of different widths ("2.5" against "6")
        // and last x labels of different widths ("3000" against "3.0"): the plot areas of a
        // column start and end on the same pixels, at any size.
        let steps = (0...30).map { Double($0) * 100 }
        let panels = [
            Panel(series: [Series(x: steps, y: steps.map { 2.5 - $0 / 2000 })], title: "loss", ylabel: "loss"),
            Panel(series: [Series(x: steps, y: steps.map { $0 / 1200 })], title: "μ"),
            Panel(series: [Series(x: steps, y: steps.map { 1 + $0 / 600 })], title: "σ"),
            Panel(series: [Series(x: [0, 1.5, 2.5], y: [1, 3, 5.5])], title: "path", ylabel: "σ"),
        ]
        let figure = Figure(rows: 2, cols: 2, panels: panels)
        for (width, height) in [(1280, 840), (1600, 900), (1001, 777)] {
            let laid = figure.pixelPanels(width: width, height: height)
            for column in 0..<2 {
                #expect(laid[column].plot.x == laid[column + 2].plot.x, "left edges of column \(column) at \(width)×\(height)")
                #expect(laid[column].plot.maxX == laid[column + 2].plot.maxX, "right edges of column \(column) at \(width)×\(height)")
            }
        }
        // Without the alignment the edges would differ: the widest labels push them in.
        let alone = Figure(panels[2]).pixelPanels(width: 640, height: 420)[0]
        #expect(alone.plot.x < figure.pixelPanels(width: 1280, height: 840)[2].plot.x)
    }

    @Test func legendAvoidsData() {
        // A line through the top-right and bottom-left corners of fixed axes: the legend goes top left.
        let unit = AxisRange(0, 1), cell = Rect(x: 0, y: 0, width: 640, height: 420)
        let panel = Panel(series: [Series(x: [0, 1], y: [0, 1], label: "diagonal")], xlim: unit, ylim: unit)
        #expect(PixelPanel(panel: panel, cell: cell, style: SceneStyle(scale: 1)).legendCorner == .topLeft)
        // Marks in every corner and a short label: the legend moves outside the axes.
        let corners = Series(x: [0.02, 0.98, 0.02, 0.98], y: [0.03, 0.03, 0.97, 0.97], label: "c", style: .scatter)
        let crowded = PixelPanel(panel: Panel(series: [corners], xlim: unit, ylim: unit), cell: cell, style: SceneStyle(scale: 1))
        #expect(crowded.legendCorner == .outside)
        #expect(crowded.plot.maxX < 600)
        // A legend too wide to go outside stays in the least occupied corner.
        var long = corners
        long.label = String(repeating: "a long label ", count: 6)
        let inside = PixelPanel(panel: Panel(series: [long], xlim: unit, ylim: unit), cell: cell, style: SceneStyle(scale: 1))
        #expect(inside.legendCorner != .outside)
    }

    @Test func logAxisTicksSitOnDecades() {
        var panel = Panel(series: [Series(x: [1, 2, 3, 4], y: [1, 0.01, 1e-4, 0])])
        panel.yscale = .log
        #expect(panel.pointsHiddenByLogScale == 1)
        let drawn = panel.drawable
        // Whole decades around the data, no headroom: 1e-4 … 1.
        #expect(drawn.yticks?.map(\.label) == ["1e-4", "0.001", "0.01", "0.1", "1"])
        #expect(drawn.yticks?.map(\.value) == [-4, -3, -2, -1, 0])
        #expect(drawn.series[0].y[3].isNaN)
        // Within two decades the 2s and 5s are labelled too.
        #expect(LogAxis.ticks(AxisRange(0, 2)).map(\.label) == ["1", "2", "5", "10", "20", "50", "100"])
    }

    @Test func dashesAndMarkersByName() {
        #expect(["-", "--", ":", "-."].map(LineDash.init(name:)) == [.solid, .dashed, .dotted, .dashDot])
        #expect(LineDash(name: "~") == nil)
        #expect(MarkerShape.codes.map(MarkerShape.init(name:)) == [.circle, .square, .triangle, .cross, .plus, .diamond])
        #expect(["red", "tab:red", "C3", "gray", "purple"].map(SeriesPalette.slot(named:)) == [3, 3, 3, 7, 4])
        #expect(SeriesPalette.slot(named: "mauve") == nil)
    }

    @Test func terminalWithoutColourTellsLinesApartByPattern() {
        // Two flat lines on fixed axes: the first stays solid (⠉ in every cell of its row), the
        // second is dashed (4 dots on, 2 off: two full cells, then an empty one).
        let unit = AxisRange(0, 1)
        let panel = Panel(series: [Series(x: [0, 1], y: [1, 1], label: "a"), Series(x: [0, 1], y: [0.5, 0.5], label: "b")],
                          xlim: unit, ylim: unit)
        let text = Figure(panel).renderTerminal(TerminalOptions(width: 20, height: 4, color: false))
        let rows = text.split(separator: "\n").map(String.init).filter { $0.contains("│") || $0.contains("┤") }
        #expect(rows.contains { $0.contains(String(repeating: "⠉", count: 20)) })
        let dashed = rows.contains { row in
            let dots = row.filter { $0 > "\u{2800}" && $0 <= "\u{28FF}" }.count, blanks = row.filter { $0 == "\u{2800}" }.count
            return dots >= 10 && blanks >= 4
        }
        #expect(dashed)
        #expect(text.contains("⠒⠒⠒ a") && text.contains("⠒⠒⠀ b"))
    }

    @Test func framesSpacedByProgress() {
        // A path that covers all its distance in the first 10 of 100 steps: "path" spacing puts
        // most frames there; "steps" spreads them evenly; "log" crowds the start.
        let progress = (0..<100).map { Double(min($0, 10)) }
        let byPath = FrameSpacing.path.indices(count: 100, maximum: 11, progress: progress)
        #expect(byPath.count == 11 && byPath.first == 0 && byPath.last == 99)
        #expect(byPath.filter { $0 <= 10 }.count == 10)
        #expect(FrameSpacing.steps.indices(count: 100, maximum: 11) == [0, 10, 20, 30, 40, 50, 59, 69, 79, 89, 99])
        let byLog = FrameSpacing.log.indices(count: 100, maximum: 11)
        #expect(byLog.count == 11 && byLog == byLog.sorted() && byLog.filter { $0 < 10 }.count >= 5)
        #expect(FrameSpacing.path.indices(count: 5, maximum: 10) == [0, 1, 2, 3, 4])
    }

    @Test func pngBytesWithoutAFile() throws {
        let bytes = try SeedFigures.densities.pngData(width: 320, height: 210)
        #expect(Array(bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }
}
