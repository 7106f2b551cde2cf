import Foundation
import Testing
@testable import KLSPlot

/// Contour fields: levels, marching squares, and the three renderers.
@Suite struct ContourTests {
    /// Rosenbrock (1 − a)² + 100 (b − a²)² sampled on n × n points of [−2, 2] × [−1, 3].
    static func rosenbrock(_ n: Int, filled: Bool = false) -> ContourField {
        let xs = (0..<n).map { -2 + 4 * Double($0) / Double(n - 1) }, ys = (0..<n).map { -1 + 4 * Double($0) / Double(n - 1) }
        var values: [Double] = []
        for y in ys { for x in xs { values.append((1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)) } }
        return ContourField(x: AxisRange(-2, 2), y: AxisRange(-1, 3), columns: n, rows: n, values: values,
                            levels: ContourLevels.automatic(values), filled: filled)!
    }

    @Test func rosenbrockGetsLogSpacedLevels() {
        // Half the samples lie below 10% of the range (the walls reach 2,509 at (−2, −1)), so
        // the levels are log-spaced (decades, or 1, 3 or 1, 2, 5 per decade) from the smallest
        // positive value's decade up: every ratio of neighbours is 2, 2.5, 3, 10/3 or 10.
        let field = Self.rosenbrock(60)
        let levels = field.levels
        #expect(levels.count >= 6 && levels.count <= 16)
        #expect(levels.last! < 2509.01 && levels.last! >= 1000)
        let ratios: [Double] = [2, 2.5, 3, 10.0 / 3, 10]
        for (a, b) in zip(levels, levels.dropFirst()) {
            let ratio: Double = b / a
            let known = ratios.contains { (r: Double) -> Bool in Swift.abs(r - ratio) < 1e-9 }
            #expect(known, "\(a) → \(b)")
        }
    }

    @Test func planeGetsRoundLinearLevels() {
        // f = x + y on [0, 1]²: values 0…2 spread evenly; levels 0.2, 0.4, …, 1.8 strictly inside.
        let n = 11
        var values: [Double] = []
        for j in 0..<n { for i in 0..<n { values.append(Double(i + j) / 10) } }
        let levels = ContourLevels.automatic(values)
        #expect(levels.count == 9)
        for (k, level) in levels.enumerated() { #expect(Swift.abs(level - 0.2 * Double(k + 1)) < 1e-12) }
    }

    @Test func logLevelsAboveAPositiveMinimum() {
        // Values 0.5 + d with d spread over 1e-3…1e3 (skewed): the minimum is m = 0.501 and the
        // levels are m + 10^k for k = −3…2 (about one per decade for six decades).
        let distances = (0..<200).map { pow(10, -3 + 6 * pow(Double($0) / 199, 3)) }
        let levels = ContourLevels.automatic(distances.map { 0.5 + $0 })
        let expected = [0.502, 0.511, 0.601, 1.501, 10.501, 100.501]
        #expect(levels.count == expected.count)
        for (level, value) in zip(levels, expected) { #expect(Swift.abs(level - value) < 1e-12) }
    }

    @Test func marchingSquaresFollowsACircle() throws {
        // x² + y² on a 41 × 41 grid of [−2, 2]²: the level-1 segments' ends lie within the grid's
        // linear-interpolation error (h²/8 · f'' / |∇f| ≈ 0.01²·… < 0.01) of the unit circle.
        let n = 41
        var values: [Double] = []
        for j in 0..<n { for i in 0..<n {
            let x = -2 + 4 * Double(i) / 40, y = -2 + 4 * Double(j) / 40
            values.append(x * x + y * y)
        } }
        let field = ContourField(x: AxisRange(-2, 2), y: AxisRange(-2, 2), columns: n, rows: n, values: values, levels: [1])!
        let segments = MarchingSquares.segments(field, level: 1)
        #expect(segments.count >= 60)
        for s in segments {
            #expect(Swift.abs((s.x0 * s.x0 + s.y0 * s.y0).squareRoot() - 1) < 0.01)
            #expect(Swift.abs((s.x1 * s.x1 + s.y1 * s.y1).squareRoot() - 1) < 0.01)
        }
        // Joined, the segments are one closed line through every segment: it ends where it
        // starts and has one point more than there are segments. The four grid points on the
        // circle, (±1, 0) and (0, ±1), each add zero-length segments, which are left out.
        let lines = ContourChains.polylines(segments)
        #expect(lines.count == 1)
        let circle = try #require(lines.first)
        let proper = segments.filter { $0.x0 != $0.x1 || $0.y0 != $0.y1 }
        #expect(proper.count < segments.count)
        #expect(circle.count == proper.count + 1)
        #expect(circle.first! == circle.last!)
    }

    @Test func chainsSplitWhereALineEnds() {
        // Two separate pieces (a bent line and a single segment) stay two polylines, each in order.
        let segments: [(x0: Double, y0: Double, x1: Double, y1: Double)] = [(1, 0, 2, 0), (5, 5, 6, 6), (0, 0, 1, 0), (2, 0, 2, 1)]
        let lines = ContourChains.polylines(segments).map { $0.map { [$0.x, $0.y] } }
        #expect(lines.count == 2)
        #expect(lines.contains([[0, 0], [1, 0], [2, 0], [2, 1]]) || lines.contains([[2, 1], [2, 0], [1, 0], [0, 0]]))
        #expect(lines.contains([[5, 5], [6, 6]]) || lines.contains([[6, 6], [5, 5]]))
    }

    /// Filled bands tile the plot exactly at every grid size: neighbouring cells share their
    /// pixel edges (a 1-pixel white seam crossed the default 100-point plot at some heights when
    /// each cell rounded its own edges), so the cells' areas add up to the plot's.
    @Test func filledCellsTileThePlotAtEveryGridSize() {
        for n in [10, 37, 64, 100, 101, 200] {
            let field = Self.rosenbrock(n, filled: true)
            for k in 0..<40 {
                let rect = Rect(x: 81 + 0.29 * Double(k), y: 40 + 0.37 * Double(k), width: 500 + 0.71 * Double(k), height: 300 + 0.53 * Double(k))
                let viewport = Viewport(xRange: AxisRange(-2, 2), yRange: AxisRange(-1, 3), rect: rect)
                let width = rect.maxX.rounded() - rect.x.rounded(), height = rect.maxY.rounded() - rect.y.rounded()
                var area = 0.0
                for item in ContourItems.items(field, viewport: viewport, style: SceneStyle(scale: 1)) {
                    if case .rect(let cell, _, _, _) = item { area += cell.width * cell.height }
                }
                #expect(area == width * height, "n = \(n), k = \(k)")
            }
        }
    }

    @Test func bandsCountLevelsAtOrBelow() {
        let field = ContourField(x: AxisRange(0, 1), y: AxisRange(0, 1), columns: 2, rows: 2, values: [0, 1, 2, 3], levels: [1, 2])!
        #expect([0.5, 1, 1.5, 2, 9, .nan].map(field.band(of:)) == [0, 1, 1, 2, 2, nil])
    }

    /// Rosenbrock with two paths (a hollow start, a filled end), lines, in the terminal.
    static var figure: Figure {
        var path = Series(x: [-1.5, -1, 0, 0.8], y: [2, 1, 0, 0.6], label: "Adam")
        path.marker = .circle
        path.markerPoints = .ends
        var other = Series(x: [-1.5, -1.2], y: [2, 1.3], label: "SGD", color: 1)
        other.marker = .circle
        other.markerPoints = .last
        var panel = Panel(series: [path, other], title: "Rosenbrock", xlabel: "a", ylabel: "b",
                          xlim: AxisRange(-2, 2), ylim: AxisRange(-1, 3))
        panel.contour = rosenbrock(30)
        return Figure(panel)
    }

    @Test func terminalContourMatchesGolden() {
        Golden.check(Self.figure.renderTerminal(TerminalOptions(width: 50, height: 14, color: false)), file: "contour-braille.txt")
        var filled = Self.figure
        filled.panels[0].contour?.filled = true
        Golden.check(filled.renderTerminal(TerminalOptions(width: 40, height: 10, color: false, charset: .ascii)),
                     file: "contour-filled-ascii.txt")
    }

    @Test func svgContourMatchesGolden() throws {
        var small = Self.figure
        small.panels[0].contour = Self.rosenbrock(8)
        Golden.check(try small.svg(width: 400, height: 300), file: "contour.svg")
        var filled = small
        filled.panels[0].contour?.filled = true
        Golden.check(try filled.svg(width: 400, height: 300), file: "contour-filled.svg")
    }

    @Test func pngHasTheColourBar() throws {
        // Filled bands: the lowest band's colour (viridis at 0, #440154) and the highest's
        // (#fde725) are both painted, in the plot and in the bar.
        var filled = Self.figure
        filled.panels[0].contour?.filled = true
        let path = temporaryPath("contour.png")
        try filled.write(to: path)
        let pixels = try PNGPixels(path: path)
        #expect(pixels.count(of: 0x440154) > 50)
        #expect(pixels.count(of: 0xFDE725) > 50)
    }
}
