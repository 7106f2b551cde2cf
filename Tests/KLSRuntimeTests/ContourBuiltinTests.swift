import Foundation
import KLSPlot
import Testing
@testable import KLSRuntime

/// contour(), races and the new plot options from kls code: figures, files and located errors.
@Suite struct ContourBuiltinTests {
    static let rosen = "rosen(a, b) = (1 - a)^2 + 100 * (b - a^2)^2\n"

    @Test func contourOfAFunctionOfTwoNumbers() throws {
        let run = PlotRun(Self.rosen + "contour(rosen, [-2, 2], [-1, 3], points=50, show=false)")
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        let panel = try #require(run.plot).figure.panels[0]
        let field = try #require(panel.contour)
        #expect(field.columns == 50 && field.rows == 50)
        // Sample (i, j) at a = −2 + 4i/49, b = −1 + 4j/49: (0, 0) is f(−2, −1) = 9 + 100 · 25 = 2509.
        #expect(field.values[0] == 2509)
        #expect((panel.xlabel, panel.ylabel) == ("a", "b"))
        #expect(field.levels == field.levels.sorted() && field.levels.count >= 5)
    }

    @Test func pathsAreLabelledWithTheirOptimisers() throws {
        let run = PlotRun(Self.rosen + """
            f1 = minimize(rosen, [-1.5, 2], SGD(lr=0.0005), steps=50)
            f2 = minimize(rosen, [-1.5, 2], Adam(lr=0.05), steps=50)
            f3 = minimize(rosen, [-1.5, 2], SGD(lr=0.0005, momentum=0.9), steps=50)
            contour(rosen, [-2, 2], [-1, 3], paths=[f1, f2, f3], points=20, show=false)
            """)
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        let series = try #require(run.plot).figure.panels[0].series
        #expect(series.map(\.label) == ["SGD(lr=0.0005)", "Adam", "SGD(lr=0.0005, momentum=0.9)"])
        #expect(series[1].x.first == -1.5 && series[1].y.first == 2 && series[1].x.count == 50)
    }

    @Test func raceGIFDecodes() throws {
        let path = PictureFile.temporary("race.gif")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = PlotRun(Self.rosen + """
            f1 = minimize(rosen, [-1.5, 2], SGD(lr=0.0005), steps=40)
            f2 = minimize(rosen, [-1.5, 2], Adam(lr=0.05), steps=40)
            animate([f1, f2], rosen, file="\(path)", frames=12, width=200, height=150)
            """)
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        let gif = try #require(PictureFile.gifFrames(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        #expect(gif == (200, 150, 12))
    }

    @Test(arguments: [
        ("contour(x -> x, [0, 1], [0, 1])", "contour: the function must take two numbers (it takes 1)"),
        ("contour(1, [0, 1], [0, 1])", "contour: argument 1 'f' must be a function of two numbers (got 1)"),
        ("contour((a, b) -> a, [1, 0], [0, 1])", "contour: argument 2 'x' must be [low, high] with low < high (got vector(2))"),
        ("contour((a, b) -> a, [0, 1], [0, 1], levels=[0.5, 0.2])",
         "contour: argument 4 'levels' must be increasing (level 1 is not above level 0) (got vector(2))"),
        ("contour((a, b) -> \"s\", [0, 1], [0, 1], points=2)", "contour: the function must return a number (got string at (0, 0))"),
        ("f = minimize((a, b, c) -> a^2 + b^2 + c^2, [1, 1, 1], steps=3)\ncontour((a, b) -> a, [0, 1], [0, 1], paths=[f])",
         "contour: fit 0 has 3 parameters; a path over the surface needs 2"),
        ("plot([1, 2], style=\"~\")", "plot: argument 14 'style' must be a line style \"-\", \"--\", \":\" or \"-.\" (got \"~\")"),
        ("plot([1, 2], yscale=\"ln\")", "plot: argument 13 'yscale' must be \"linear\" or \"log\" (got \"ln\")"),
        ("plot([1, 2], show=false)\nsavefig(\"/tmp/kls-never.png\", scale=0)", "savefig: argument 5 'scale' must be from 0.1 to 20 (got 0)"),
        ("plot([1, 2], show=false)\nsavefig(\"/tmp/kls-never.png\", scale=1e9)", "savefig: argument 5 'scale' must be from 0.1 to 20 (got 1000000000)"),
    ])
    func badInputIsALocatedError(source: String, message: String) {
        #expect(PlotRun(source).errorText == message)
    }

    @Test func logScaleLeavesOutNonPositivePoints() throws {
        let run = PlotRun("plot([1, 0.1, 0, 0.001], yscale=\"log\", show=false)")
        #expect(run.errorText.isEmpty)
        let panel = try #require(run.plot).figure.panels[0]
        #expect(panel.yscale == .log && panel.pointsHiddenByLogScale == 1)
    }

    @Test func stylesMarkersAndColoursPerSeries() throws {
        let run = PlotRun("plot([0, 1], [[0, 1], [1, 0]], style=[\"--\", \":\"], marker=\"o\", color=[\"red\", \"C0\"], show=false)")
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        let series = try #require(run.plot).figure.panels[0].series
        #expect(series.map(\.dash) == [.dashed, .dotted])
        #expect(series.map(\.marker) == [.circle, .circle])
        #expect(series.map(\.color) == [3, 0])
    }
}

/// explore() outside a terminal: one drawing at the start values, which it returns.
@Suite struct ExploreTests {
    @Test func drawsOnceAtTheStartInAPipe() throws {
        let run = PlotRun("""
            view(μ, σ) = plot(Normal(μ, σ), title="N", show=false)
            explore(view, μ=[-5, 10], σ=[0.5, 8, 1])
            """)
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        // μ starts in the middle of its range (2.5), σ where given (1).
        guard case .list(let values)? = run.value else { Issue.record("no list"); return }
        #expect(values.map { if case .number(let x) = $0 { return x } else { return .nan } } == [2.5, 1])
        #expect(run.printed.contains("N") && run.printed.contains("μ = 2.5") && run.printed.contains("σ = 1"))
        #expect(run.printed.components(separatedBy: "┌").count == 2)  // one frame
        #expect((run.interpreter.lastFigure as? PlotValue)?.figure.panels[0].title == "N")
    }

    @Test(arguments: [
        ("explore((a, b) -> a + b, a=[0, 1])", "explore: the parameter 'b' of f needs a range: b=[low, high]"),
        ("explore((a) -> a, z=[0, 1])", "explore: f has no parameter 'z' (its parameters: a)"),
        ("explore((a) -> a, a=[1, 0])", "explore: a= must be [low, high] or [low, high, start] with low < high"),
        ("explore((a) -> a, a=[0, 1, 5])", "explore: the start of a must lie in [low, high]"),
        ("explore((a) -> a)", "explore: give each parameter of f a range, e.g. explore(f, μ=[-5, 10])"),
    ])
    func badRangesAreLocatedErrors(source: String, message: String) {
        #expect(PlotRun(source).errorText == message)
    }

    @Test func numbersAreShownAsText() {
        let run = PlotRun("explore((a) -> 2 * a, a=[0, 1])")
        #expect(run.printed.contains("f = 1"))
    }
}
