import Foundation
import FoundationXML
import KLSPlot
import Testing
@testable import KLSRuntime

/// Runs kls code in a fresh session and gives the plot it ends with, what it printed and its error.
struct PlotRun {
    let interpreter: Interpreter
    let printed: String
    let errorText: String
    let value: Value?

    init(_ source: String) {
        final class Sink { var text = "" }
        let sink = Sink()
        let interpreter = Interpreter(write: { sink.text += $0 })
        self.interpreter = interpreter
        let outcome = LargeStack.run { Session(interpreter: interpreter).run(source, name: "plot-test.kls") }
        printed = sink.text
        switch outcome {
        case .value(let v): value = v; errorText = ""
        case .failed(let e): value = nil; errorText = e.message
        case .rejected(let ds): value = nil; errorText = ds.map(\.message).joined(separator: "\n")
        case .incomplete: value = nil; errorText = "incomplete"
        }
    }

    /// The plot value the code ended with.
    var plot: PlotValue? {
        if case .object(let o as PlotValue)? = value { return o }
        return nil
    }
}

/// Terminal text of plots as the builtins print them, compared with files under `.golden-plots/`
/// (set KLS_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then look at the diff).
enum GoldenPlots {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(".golden-plots")

    /// Plot text without colour, in a pipe of 80 columns, braille or ASCII.
    static func text(_ plot: PlotValue, ascii: Bool) -> String {
        PlotText(isTerminal: false, environment: ["LANG": ascii ? "C" : "en_US.UTF-8"], terminalSize: nil)
            .render(plot.figure, widest: plot.widest)
    }

    static func check(_ name: String, _ source: String, ascii: Bool = false) throws {
        let run = PlotRun(source)
        #expect(run.errorText.isEmpty, "\(name): \(run.errorText)")
        let plot = try #require(run.plot, "\(name) did not end with a plot")
        let actual = text(plot, ascii: ascii)
        let file = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["KLS_UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from \(file.path):\n\(actual)")
    }
}

/// Reads the parts of PNG and GIF files the tests check.
enum PictureFile {
    /// Width and height from a PNG's IHDR chunk, when the file starts with the PNG signature.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR" else { return nil }
        func be32(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    /// Logical screen size and number of images of a GIF, by walking its blocks (GIF89a spec).
    static func gifFrames(_ bytes: [UInt8]) -> (width: Int, height: Int, frames: Int)? {
        guard bytes.count >= 13, String(decoding: bytes[0..<6], as: UTF8.self) == "GIF89a" else { return nil }
        let width = Int(bytes[6]) | Int(bytes[7]) << 8, height = Int(bytes[8]) | Int(bytes[9]) << 8
        var i = 13
        if bytes[10] & 0x80 != 0 { i += 3 << (Int(bytes[10] & 7) + 1) }
        var frames = 0
        func skipSubBlocks() -> Bool {
            while i < bytes.count {
                let size = Int(bytes[i]); i += 1
                if size == 0 { return true }
                i += size
            }
            return false
        }
        while i < bytes.count {
            switch bytes[i] {
            case 0x3B: return (width, height, frames)
            case 0x21:
                i += 2
                guard skipSubBlocks() else { return nil }
            case 0x2C:
                guard i + 10 <= bytes.count else { return nil }
                let packed = bytes[i + 9]
                i += 10
                if packed & 0x80 != 0 { i += 3 << (Int(packed & 7) + 1) }
                i += 1
                guard skipSubBlocks() else { return nil }
                frames += 1
            default: return nil
            }
        }
        return nil
    }

    /// True when `text` parses as XML.
    static func isWellFormedXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    /// A fresh path under the temporary directory.
    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kls-plot-\(getpid())-\(UUID().uuidString)-\(name)").path
    }
}

@Suite struct PlotGoldenTests {
    @Test func linesBraille() throws {
        try GoldenPlots.check("lines-braille", """
            x = linspace(-3, 3, 200)
            plot(x, [tanh(x), sigmoid(x)], labels=["tanh", "sigmoid"], title="two activations", show=false)
            """)
    }

    @Test func linesAscii() throws {
        try GoldenPlots.check("lines-ascii", """
            x = linspace(-3, 3, 200)
            plot(x, tanh(x), sigmoid(x), label=["tanh", "sigmoid"], title="two activations", show=false)
            """, ascii: true)
    }

    @Test func normalDensity() throws {
        try GoldenPlots.check("normal-braille", "plot(Normal(0, 1), show=false)")
    }

    @Test func seedMixtureAscii() throws {
        try GoldenPlots.check("mixture-ascii", "plot(Mixture([Normal(-5, 1), Normal(10, 1)]), show=false)", ascii: true)
    }

    @Test func categoricalBars() throws {
        try GoldenPlots.check("categorical-ascii", """
            plot(Categorical([0.5, 0.25, 0.25], labels=["A", "B", "C"]), show=false)
            """, ascii: true)
    }

    @Test func histogramWithDensity() throws {
        try GoldenPlots.check("hist-braille", "seed(7)\nhist(sample(Normal(0, 1), 500), Normal(0, 1), bins=20, show=false)")
    }

    @Test func fitFigure() throws {
        try GoldenPlots.check("fit-braille", """
            plot(minimize((m, s) -> KL(Normal(m, s) || Normal(3, 2)), [0, 1], Adam(lr=0.05), steps=200), show=false)
            """)
    }

    @Test func scatterAscii() throws {
        try GoldenPlots.check("scatter-ascii", "scatter([1, 2, 3, 4, 5], [1, 4, 9, 16, 25], title=\"squares\", show=false)", ascii: true)
    }

    @Test func functionOnInterval() throws {
        try GoldenPlots.check("function-braille", "plot([sin, cos], 0, 2 * pi, show=false)")
    }
}

@Suite struct PlotPrintingTests {
    /// What a plot prints is its figure rendered for this output (not a terminal: no colour).
    @Test func printsTheFigureOnce() throws {
        let run = PlotRun("plot([1, 3, 2, 5], title=\"t\")")
        let plot = try #require(run.plot)
        let expected = PlotText(isTerminal: false, environment: ProcessInfo.processInfo.environment, terminalSize: nil)
            .render(plot.figure, widest: plot.widest)
        #expect(run.printed == expected)
        #expect(!run.printed.contains("\u{1B}"))
        #expect(run.interpreter.lastFigure === plot)
        #expect(!plot.display().contains("\n"))
        #expect(plot.display().hasPrefix("<plot: 1 series, \"t\""))
    }

    @Test func showFalsePrintsNothingButKeepsTheFigure() throws {
        let run = PlotRun("plot([1, 2], show=false)")
        #expect(run.printed.isEmpty)
        #expect(run.interpreter.lastFigure === run.plot)
    }

    @Test func colourOnlyAtATerminalWithoutNoColor() {
        func colour(_ terminal: Bool, _ env: [String: String]) -> Bool {
            PlotText(isTerminal: terminal, environment: env, terminalSize: (100, 40)).usesColor
        }
        #expect(colour(true, ["TERM": "xterm"]))
        #expect(!colour(true, ["TERM": "xterm", "NO_COLOR": "1"]))
        #expect(!colour(true, ["TERM": "dumb"]))
        #expect(!colour(false, ["TERM": "xterm"]))
        let figure = Figure(Panel(series: [Series(y: [1, 2, 3]), Series(y: [3, 2, 1])]))
        let coloured = PlotText(isTerminal: true, environment: ["TERM": "xterm"], terminalSize: (100, 40)).render(figure)
        #expect(coloured.contains("\u{1B}[34m") && coloured.contains("\u{1B}[33m"))
    }

    @Test func charsetFollowsTheLocale() {
        let figure = Figure(Panel(series: [Series(y: [1, 2, 3])]))
        let braille = PlotText(isTerminal: false, environment: ["LC_ALL": "de_DE.UTF-8"], terminalSize: nil).render(figure)
        let ascii = PlotText(isTerminal: false, environment: ["LANG": "C"], terminalSize: nil).render(figure)
        #expect(braille.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) })
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
    }

    /// Panels fill the available width: 80 columns in a pipe, the terminal's width otherwise.
    @Test(arguments: [(false, 0), (true, 120), (true, 200)])
    func widthFitsTheOutput(terminal: Bool, columns: Int) throws {
        let run = PlotRun("fit = minimize((m, s) -> KL(Normal(m, s) || Normal(3, 2)), [0, 1], Adam(lr=0.05), steps=50)\nplot(fit, show=false)")
        let figure = try #require(run.plot).figure
        let text = PlotText(isTerminal: terminal, environment: ["NO_COLOR": "1"], terminalSize: terminal ? (columns, 50) : nil)
        let widest = text.render(figure).split(separator: "\n").map(\.count).max() ?? 0
        let limit = terminal ? columns - 1 : PlotText.pipeColumns
        #expect(widest <= limit && widest >= limit - 4, "widest line \(widest) for \(limit) columns")
    }
}

@Suite struct PlotContentTests {
    /// plot(D) spans the 0.1% to 99.9% quantiles widened by 5% of that span on each side.
    /// Quantiles: scipy.stats.norm.ppf(0.001) = -3.090232306167813,
    /// scipy.stats.gamma.ppf([0.001, 0.999], 2) = 0.045402017769489544, 9.233413476451585,
    /// scipy.stats.beta.ppf([0.001, 0.999], 2, 5) = 0.008255492787746678, 0.818613866919134, and for the
    /// seed mixture ½N(−5, 1) + ½N(10, 1), brentq on its cdf: -7.878161739095483, 12.878161739095479.
    @Test(arguments: [
        ("Normal(0, 1)", -3.090232306167813, 3.090232306167813),
        ("Gamma(2, 1)", 0.045402017769489544, 9.233413476451585),
        ("Beta(2, 5)", 0.008255492787746678, 0.818613866919134),
        ("Mixture([Normal(-5, 1), Normal(10, 1)])", -7.878161739095483, 12.878161739095479),
    ])
    func densityRange(_ d: String, low: Double, high: Double) throws {
        let run = PlotRun("D = \(d)\nplot(D, show=false)")
        let series = try #require(run.plot?.figure.panels.first?.series.first)
        let pad = (high - low) * 0.05
        #expect(series.x.count == 400)
        #expect(abs((series.x.first ?? 0) - (low - pad)) < 1e-8)
        #expect(abs((series.x.last ?? 0) - (high + pad)) < 1e-8)
        let check = PlotRun("pdf(\(d), \(series.x[123]))")
        guard case .number(let y)? = check.value else { Issue.record("pdf failed: \(check.errorText)"); return }
        #expect(abs(series.y[123] - y) <= 1e-15 * max(1, y))
    }

    @Test func overlaysNameTheirDistributions() throws {
        let plot = try #require(PlotRun("plot(Normal(0, 1), Laplace(0, 1), show=false)").plot)
        let labels = plot.figure.panels[0].series.map(\.label)
        #expect(labels == ["Normal(μ=0, σ=1)", "Laplace(μ=0, b=1)"])
        let long = try #require(PlotRun("plot(Categorical(ones(100) / 100), show=false)").plot)
        #expect(long.figure.panels[0].title.count == PlotData.captionLimit && long.figure.panels[0].title.hasSuffix("…"))
        let ranged = try #require(PlotRun("plot(Normal(0, 1), -1, 2, show=false)").plot)
        #expect(ranged.figure.panels[0].series[0].x.first == -1 && ranged.figure.panels[0].series[0].x.last == 2)
    }

    /// Bars of a discrete distribution reach its probabilities; a few outcome names are written
    /// under their bars, many are keyed under the axis.
    @Test func discreteBars() throws {
        let plot = try #require(PlotRun("plot(Categorical([0.5, 0.2, 0.3], labels=[\"A\", \"B\", \"C\"]), show=false)").plot)
        let panel = plot.figure.panels[0]
        let bars = panel.series[0]
        #expect(bars.fill && bars.style == .line)
        // Each bar its own outline, broken by nan from the next (no line along y = 0 between bars).
        #expect(bars.y.filter(\.isNaN).count == 2)
        let tops = zip(bars.x, bars.y).filter { $0.1 > 0 }
        #expect(Set(tops.map(\.1)) == [0.5, 0.2, 0.3])
        for (x, y) in tops { #expect(abs(x - Double([0.5: 0, 0.2: 1, 0.3: 2][y] ?? -9)) <= 0.4 + 1e-12) }
        #expect(panel.xlabel == "")
        #expect(panel.xticks == [AxisTick(0, "A"), AxisTick(1, "B"), AxisTick(2, "C")])
        let letters = "abcdefghijklm".map { "\"\($0)\"" }.joined(separator: ", ")
        let many = try #require(PlotRun("plot(Categorical(ones(13) / 13, labels=[\(letters)]), show=false)").plot)
        #expect(many.figure.panels[0].xticks == nil)
        #expect(many.figure.panels[0].xlabel.hasPrefix("0 = a, 1 = b, 2 = c"))
    }

    /// A function that cannot take a vector (an `if` on its argument) is called point by point.
    @Test func functionsVectorisedOrPointwise() throws {
        let vectorised = try #require(PlotRun("plot(t -> t^2, -1, 1, show=false)").plot).figure.panels[0].series[0]
        #expect(vectorised.x.count == 400)
        for (x, y) in zip(vectorised.x, vectorised.y) { #expect(abs(y - x * x) < 1e-15) }
        let run = PlotRun("fn relu(t) {\n if t > 0 { return t }\n return 0\n}\nplot(relu, -2, 3, show=false)")
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        let pointwise = try #require(run.plot).figure.panels[0].series[0]
        for (x, y) in zip(pointwise.x, pointwise.y) { #expect(y == max(x, 0)) }
    }

    /// Overlaid functions are named in the legend: a named function by its name, a builtin by
    /// its name, a lambda by its text as typed (spaces folded).
    @Test func overlaidFunctionsNameThemselves() throws {
        let plot = try #require(PlotRun("f(t) = t^2\nplot([f, sin, t ->   cos(t)], -1, 1, show=false)").plot)
        #expect(plot.figure.panels[0].series.map(\.label) == ["f", "sin", "t -> cos(t)"])
    }

    /// plot(fit): loss and each parameter (named as in the fitted function) against the step, and
    /// for two parameters the path through them in the fourth cell (no empty cell).
    @Test func fitPanels() throws {
        let run = PlotRun("""
            fn loss(μ, σ) { return KL(Normal(μ, σ) || Normal(3, 2)) }
            fit = minimize(loss, [0, 1], Adam(lr=0.05), steps=120)
            plot(fit, show=false)
            """)
        let figure = try #require(run.plot).figure
        #expect(figure.panels.map(\.title) == ["loss vs step", "μ vs step", "σ vs step", "path of (μ, σ)"])
        #expect(figure.panels.map(\.ylabel) == ["loss", "μ", "σ", "σ"])
        #expect(figure.rows == 2 && figure.cols == 2)
        let fit = try #require(run.interpreter.global("fit"))
        guard case .object(let f as FitValue) = fit else { Issue.record("no fit"); return }
        #expect(figure.panels[0].series[0].y == f.losses)
        #expect(figure.panels[1].series[0].y == stride(from: 0, to: f.trace.count, by: 2).map { f.trace[$0] })
        #expect(figure.panels[3].series[0].x == figure.panels[1].series[0].y)
        #expect(figure.panels[3].series[0].y == figure.panels[2].series[0].y)
        #expect(figure.panels[2].series[0].y == stride(from: 1, to: f.trace.count, by: 2).map { f.trace[$0] })
        #expect(figure.panels[0].series[0].x == (0..<120).map(Double.init))
    }

    @Test func histogramBinsAndDensity() throws {
        let plot = try #require(PlotRun("hist([1, 2, 2, 3, 3, 3], bins=3, density=true, show=false)").plot)
        let bars = plot.figure.panels[0].series[0]
        let heights = zip(bars.x, bars.y).dropFirst().dropLast().map(\.1)
        // Widths 2/3, n = 6: heights count / (6 · 2/3) = count / 4.
        #expect(heights.prefix(3).map { ($0 * 1e12).rounded() / 1e12 } == [0.25, 0.5, 0.75])
    }

    @Test func subplotsGrid() throws {
        let run = PlotRun("""
            a = plot([1, 2], show=false)
            subplots([a, a, a], show=false)
            """)
        let figure = try #require(run.plot).figure
        #expect(figure.panels.count == 3 && figure.cols == 2 && figure.gridShape.rows == 2)
        let row = try #require(PlotRun("a = plot([1, 2], show=false)\nsubplots([a, a, a], rows=1, show=false)").plot).figure
        #expect(row.cols == 3)
    }
}

@Suite struct PlotFileTests {
    @Test func svgIsWellFormed() throws {
        let path = PictureFile.temporary("p.svg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = PlotRun("plot(Normal(0, 1), title=\"P & <Q>\", show=false)\nsavefig(\"\(path)\")")
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(PictureFile.isWellFormedXML(svg))
        #expect(svg.contains("width=\"640\"") && svg.contains("height=\"420\""))
    }

    @Test func pngSizeFromTheGridOrTheArguments() throws {
        let path = PictureFile.temporary("fit.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fit = "fit = minimize((m, s) -> KL(Normal(m, s) || Normal(3, 2)), [0, 1], Adam(lr=0.05), steps=100)\n"
        let run = PlotRun(fit + "p = plot(fit, show=false)\nsavefig(p, \"\(path)\")")
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        let size = try #require(PictureFile.pngSize(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        #expect(size == (1280, 840))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o044 } == 0o044)
        _ = PlotRun("plot([1, 2, 3], show=false)\nsavefig(\"\(path)\", width=400)")
        let scaled = try #require(PictureFile.pngSize(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        #expect(scaled == (400, 263))
    }

    @Test func stillGIF() throws {
        let path = PictureFile.temporary("still.gif")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = PlotRun("plot([1, 2, 3], show=false)\nsavefig(\"\(path)\", width=200, height=100)")
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        let gif = try #require(PictureFile.gifFrames(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        #expect(gif == (200, 100, 1))
    }

    @Test func errorsNameThePath() {
        let missing = PlotRun("plot([1, 2], show=false)\nsavefig(\"/nonexistent-kls-dir/a.png\")").errorText
        #expect(missing == "savefig: cannot write plot to '/nonexistent-kls-dir/a.png': No such file or directory")
        let svgMissing = PlotRun("plot([1, 2], show=false)\nsavefig(\"/nonexistent-kls-dir/a.svg\")").errorText
        #expect(svgMissing == "savefig: cannot write plot to '/nonexistent-kls-dir/a.svg': No such file or directory")
        let unknown = PlotRun("plot([1, 2], show=false)\nsavefig(\"/tmp/a.bmp\")").errorText
        #expect(unknown == "savefig: cannot save plot to '/tmp/a.bmp': unknown file extension (use .svg, .png, .gif)")
        #expect(PlotRun("savefig(\"a.png\")").errorText.hasPrefix("savefig: there is no plot yet"))
        #expect(PlotRun("plot([1, 2], show=false)\nsavefig(\"/tmp/x.png\", width=3)").errorText
            == "savefig: argument 3 'width' must be a whole number in 16…8192 (got 3)")
    }

    /// animate with file= writes min(frames, steps) frames of the requested size.
    @Test(arguments: [(12, 12), (100, 40)])
    func gifFrameCount(steps: Int, frames: Int) throws {
        let path = PictureFile.temporary("anim.gif")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = PlotRun("""
            fit = minimize((m, s) -> KL(Normal(m, s) || Normal(3, 2)), [0, 1], Adam(lr=0.1), steps=\(steps))
            animate(fit, Normal(3, 2), file="\(path)", frames=40, width=160, height=100)
            """)
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        #expect(run.printed.isEmpty)
        let gif = try #require(PictureFile.gifFrames(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        #expect(gif == (160, 100, frames))
        #expect(run.plot?.display().contains("\(frames) frames in") == true)
    }
}

@Suite struct AnimateTests {
    static let seed = """
        x = linspace(-15, 15, 1000)
        px = pdf(Normal(-5, 1), x) + pdf(Normal(10, 1), x)
        kl_loss(μ, σ) = kl_div(logpdf(Normal(μ, σ), x), px)
        fit = minimize(kl_loss, [0, 1], Adam(lr=0.05), steps=300)

        """

    /// Not at a terminal, animate prints only the last frame, with fixed axes and its step in the title.
    @Test func lastFrameInAPipe() throws {
        let run = PlotRun(Self.seed + "animate(fit, px, x)")
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        let figure = try #require(run.plot).figure
        let title = figure.panels[0].title
        #expect(title.hasPrefix("step 299   loss "))
        #expect(title.contains("μ = ") && title.contains("σ = "))
        #expect(figure.panels[0].xlim != nil && figure.panels[0].ylim != nil)
        #expect(run.printed.components(separatedBy: "step ").count == 2)
        let q = figure.panels[0].series[1]
        guard case .object(let fit as FitValue)? = run.interpreter.global("fit") else { Issue.record("no fit"); return }
        let check = PlotRun("pdf(Normal(\(fit.trace[598]), \(fit.trace[599])), \(q.x[500]))")
        guard case .number(let expected)? = check.value else { Issue.record("\(check.errorText)"); return }
        #expect(abs(q.y[500] - expected) <= 1e-14)
    }

    @Test func modelsGiveDistributionsOrValues() throws {
        let byValues = PlotRun(Self.seed + "animate(fit, px, x, model=(m, s) -> pdf(Normal(m, s), x))")
        let byDistribution = PlotRun(Self.seed + "animate(fit, px, x, model=(m, s) -> Normal(m, s))")
        #expect(byValues.errorText.isEmpty && byDistribution.errorText.isEmpty)
        #expect(byValues.plot?.figure == byDistribution.plot?.figure)
        let three = PlotRun("fit = minimize((a, b, c) -> (a - 1)^2 + b^2 + c^2, [0, 1, 2], steps=5)\nanimate(fit, Normal(0, 1))")
        #expect(three.errorText.hasPrefix("animate: model= is needed for a fit of 3 parameters"))
        let short = PlotRun(Self.seed + "animate(fit, px, [1, 2, 3])")
        #expect(short.errorText == "animate: argument 2 'target' must be a distribution or a vector as long as x (3) (got vector(1000))")
    }

    /// The same frames drawn at a terminal are redrawn in place: each after the first moves the cursor up.
    @Test func terminalFramesRedrawInPlace() throws {
        let sink = PlotRun("")
        var written = ""
        sink.interpreter.write = { written += $0 }
        let frames = [Figure(Panel(series: [Series(y: [1, 2])])), Figure(Panel(series: [Series(y: [2, 1])]))]
        let text = PlotText(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"], terminalSize: (100, 40))
        let last = BuiltinRegistry.play(frames, text: text, fps: 100, interpreter: sink.interpreter)
        #expect(last == 1)
        #expect(written.hasPrefix("\u{1B}[?25l") && written.hasSuffix("\u{1B}[?25h"))
        #expect(written.components(separatedBy: "\u{1B}[K\n").count - 1 == 2 * frames[0].renderTerminal(text.options(for: frames[0])).split(separator: "\n").count)
        #expect(written.contains("\r\u{1B}["))
    }
}

@Suite struct PlotErrorTests {
    @Test(arguments: [
        ("plot(\"abc\")", "plot: argument 1 'a' must be numbers, a distribution, a function or a fit (got \"abc\")"),
        ("plot([1, 2, 3], [1, 2])", "plot: x has 3 values but argument 2 has 2"),
        ("plot([1, 2], [3, 4], label=[\"a\", \"b\"])", "plot: 2 labels for 1 series"),
        ("plot(x -> x, 1)", "plot: plot(f, a, b) needs the interval: two numbers a < b after the function"),
        ("plot(Normal(0, 1), Bernoulli(0.5))", "plot: cannot overlay discrete and continuous distributions in one plot"),
        ("plot([1, 2], xlim=[2, 1])", "plot: argument 9 'xlim' must be [low, high] with low < high (got vector(2))"),
        ("hist([nan])", "hist: argument 1 'samples' must hold at least one finite number (got vector(1))"),
        ("subplots([1])", "subplots: item 0 of the list must be a plot (got number)"),
        ("animate(1, Normal(0, 1))", "animate: argument 1 'fit' must be a fit (what minimize or maximize return) or a list of fits (got 1)"),
    ])
    func messages(_ source: String, _ message: String) {
        #expect(PlotRun(source).errorText == message)
    }
}
