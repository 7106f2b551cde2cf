import Foundation
import Testing
@testable import KLSPlot

@Suite struct TerminalTests {
    @Test func seedDensitiesBrailleInColour() {
        Golden.check(SeedFigures.densities.renderTerminal() + "\n", file: "densities-braille-color.txt")
    }

    @Test func seedDensitiesBraillePlain() {
        Golden.check(SeedFigures.densities.renderTerminal(TerminalOptions(color: false)) + "\n", file: "densities-braille.txt")
    }

    @Test func seedDensitiesASCII() {
        let options = TerminalOptions(color: false, charset: .ascii)
        Golden.check(SeedFigures.densities.renderTerminal(options) + "\n", file: "densities-ascii.txt")
    }

    @Test func trainingGridBraille() {
        let options = TerminalOptions(width: 40, height: 10, color: false)
        Golden.check(SeedFigures.training.renderTerminal(options) + "\n", file: "training-grid-braille.txt")
    }

    @Test func seriesApartWithoutColour() {
        // Four lines and two point clouds on one panel, without colour: the lines are solid,
        // dashed, dotted and dash-dot in turn, the clouds circles and crosses, each legend
        // sample drawn the same way.
        let x = (0...40).map { Double($0) / 4 }
        let lines = (0..<4).map { k in
            Series(x: x, y: x.map { 3 + 4 * Double(k) + 0.3 * $0 }, label: "line \(k + 1)")
        }
        let clouds = [
            Series(x: [1, 3, 5, 7, 9], y: [1, 1.5, 1, 1.5, 1], label: "points a", style: .scatter),
            Series(x: [2, 4, 6, 8], y: [19.5, 19, 19.5, 19], label: "points b", style: .scatter),
        ]
        let figure = Figure(Panel(series: lines + clouds, title: "without colour"))
        let text = figure.renderTerminal(TerminalOptions(width: 50, height: 14, color: false))
        #expect(!text.contains("\u{1B}"))
        Golden.check(text + "\n", file: "series-apart-plain.txt")
    }

    @Test func terminalWidthIsTheWidestPrintedLine() {
        // The width a plot is sized by equals the widest line of its text counted in characters,
        // escapes left out: for a single panel, a grid, colour on and off, braille and ASCII.
        for figure in [SeedFigures.densities, SeedFigures.training] {
            for options in [TerminalOptions(color: false), TerminalOptions(width: 33, height: 7),
                            TerminalOptions(width: 50, height: 9, color: false, charset: .ascii)] {
                let lines = strippingEscapes(figure.renderTerminal(options)).split(separator: "\n")
                #expect(figure.terminalWidth(options) == lines.map(\.count).max())
            }
        }
    }

    @Test func stylesAndGapsASCIIInColour() {
        let panel = Panel(series: [
            Series(x: [0, 1, 2, 3, 4, 5, 6], y: [1, 3, .nan, 4, 2, .infinity, 5], label: "broken line"),
            Series(x: [0.5, 2.5, 4.5], y: [4.5, 0.5, 2.5], label: "points", style: .scatter),
            Series.histogram(edges: [0, 2, 4, 6], counts: [1, 2, 1.5], label: "bars"),
        ], title: "styles", xlabel: "x", ylabel: "y")
        let options = TerminalOptions(width: 30, height: 8, charset: .ascii)
        Golden.check(Figure(panel).renderTerminal(options) + "\n", file: "styles-ascii-color.txt")
    }

    @Test func colourCodesOnlyWhenAskedFor() {
        // Without colour, the second line is dotted apart; with every line solid by choice, the
        // plain text is the coloured text without its escapes.
        var solid = SeedFigures.densities
        for index in solid.panels[0].series.indices { solid.panels[0].series[index].dash = .solid }
        let plain = solid.renderTerminal(TerminalOptions(color: false))
        #expect(!plain.contains("\u{1B}"))
        let coloured = SeedFigures.densities.renderTerminal(TerminalOptions(color: true))
        #expect(coloured.contains(ANSI.foreground(34)) && coloured.contains(ANSI.foreground(33)))
        #expect(strippingEscapes(coloured) == plain)
        #expect(SeedFigures.densities.renderTerminal(TerminalOptions(color: false)) != plain)
    }

    @Test func laterSeriesColoursASharedCell() {
        let data = Series(x: [0, 1], y: [0, 1], label: "first")
        var second = data
        second.label = "second"
        let text = Figure(Panel(series: [data, second])).renderTerminal(TerminalOptions(width: 10, height: 4))
        // The canvas is what lies between the left border (┤ or │) and the right border │.
        let canvas = text.split(separator: "\n").compactMap { line -> Substring? in
            guard let left = line.firstIndex(where: { $0 == "┤" || $0 == "│" }),
                  let right = line.lastIndex(of: "│"), left < right else { return nil }
            return line[line.index(after: left)..<right]
        }.joined()
        #expect(canvas.contains(ANSI.foreground(33)))
        #expect(!canvas.contains(ANSI.foreground(34)))
        #expect(text.contains(ANSI.foreground(34)))  // the first series still has its legend colour
    }

    @Test func everyFrameLineHasTheSameWidth() {
        let text = SeedFigures.densities.renderTerminal(TerminalOptions(width: 37, height: 9, color: true))
        let frameLines = strippingEscapes(text).split(separator: "\n").filter { $0.contains("│") || $0.contains("┤") }
        let rightBorders = frameLines.map { line in line.distance(from: line.startIndex, to: line.lastIndex { $0 == "│" } ?? line.startIndex) }
        #expect(frameLines.count == 9)
        #expect(Set(rightBorders).count == 1)
    }

    @Test func emptyAndAllNaNPanelsDrawEmptyAxes() {
        let empty = Figure(Panel()).renderTerminal(TerminalOptions(width: 12, height: 3, color: false))
        let nan = Figure(Panel(series: [Series(x: [.nan, .nan], y: [1, .nan])])).renderTerminal(TerminalOptions(width: 12, height: 3, color: false))
        #expect(empty == nan)
        #expect(empty.contains("┌────────────┐"))
        let blank = String(repeating: "\u{2800}", count: 12)
        #expect(empty.split(separator: "\n").filter { $0.contains(blank) }.count == 3)
        #expect(Figure(rows: 1, cols: 1, panels: []).renderTerminal() == "")
    }

    @Test func absurdSizesAreClamped() {
        let tiny = SeedFigures.densities.renderTerminal(TerminalOptions(width: -5, height: 0, color: false))
        #expect(tiny.contains("┌────┐"))
        let lines = tiny.split(separator: "\n").filter { $0.contains("┤") || $0.contains("│") }
        #expect(lines.count == 2)
    }

    @Test func extremeDataDoesNotTrap() {
        let panel = Panel(series: [
            Series(x: [-1e308, 0, 1e308], y: [1e308, -1e308, 5]),
            Series(x: [0, 1], y: [0, 1], style: .scatter),
        ], xlim: AxisRange(0.5, 0.5), ylim: AxisRange(.nan, 2))
        let text = Figure(panel).renderTerminal(TerminalOptions(width: 20, height: 5, color: false))
        #expect(text.contains("┘"))
    }

    @Test func labelsCannotBreakLinesOrInjectEscapes() {
        let panel = Panel(series: [Series(y: [1, 2], label: "a\u{1B}[2Jb")], title: "two\nlines", ylabel: "μ")
        let plain = Figure(panel).renderTerminal(TerminalOptions(width: 10, height: 3, color: false))
        let reference = Figure(Panel(series: [Series(y: [1, 2], label: "a [2Jb")], title: "two lines", ylabel: "μ"))
        #expect(plain == reference.renderTerminal(TerminalOptions(width: 10, height: 3, color: false)))
        #expect(!plain.contains("\u{1B}"))
        let ascii = Figure(panel).renderTerminal(TerminalOptions(width: 10, height: 3, color: false, charset: .ascii))
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(ascii.contains("? "))
    }

    @Test func localeChoosesTheCharset() {
        #expect(TerminalCharset.preferred(environment: [:]) == .braille)
        #expect(TerminalCharset.preferred(environment: ["LANG": "en_US.UTF-8"]) == .braille)
        #expect(TerminalCharset.preferred(environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]) == .ascii)
        #expect(TerminalCharset.preferred(environment: ["LC_ALL": "", "LC_CTYPE": "de_DE.utf8"]) == .braille)
        #expect(TerminalCharset.preferred(environment: ["LANG": "en_US.ISO-8859-1"]) == .ascii)
    }

    @Test func brailleCellsAreTheDotMasks() {
        var canvas = DotCanvas(columns: 1, rows: 1)
        canvas.setDot(0, 0, color: 1)
        canvas.setDot(1, 3, color: 2)
        #expect(canvas.masks == [0x81])
        #expect(canvas.colors == [2])
        let glyphs = TerminalGlyphs(.braille)
        #expect(String(decoding: glyphs.cells[0x81], as: UTF8.self) == "\u{2881}")
        #expect(String(decoding: glyphs.cells[0xFF], as: UTF8.self) == "\u{28FF}")
    }

    @Test func asciiCellsSuggestTheShape() {
        #expect(AsciiCell.character(forMask: 0) == UInt8(ascii: " "))
        #expect(AsciiCell.character(forMask: 0x47) == UInt8(ascii: "|"))  // left column, all rows
        #expect(AsciiCell.character(forMask: 0x09) == UInt8(ascii: "'"))  // top row
        #expect(AsciiCell.character(forMask: 0xC0) == UInt8(ascii: "."))  // bottom row
        #expect(AsciiCell.character(forMask: 0x44 | 0x18) == UInt8(ascii: "/"))  // low left, high right
        #expect(AsciiCell.character(forMask: 0xFF) == UInt8(ascii: "#"))
    }

    /// Rendering one frame of two 1,000-point series must stay far below 5 ms in a release build
    /// (measured 1 ms); this debug-build bound only catches gross regressions.
    @Test func renderingIsFast() {
        let figure = SeedFigures.densities
        let clock = ContinuousClock()
        var fastest = Duration.seconds(10)
        for _ in 0..<5 {
            let start = clock.now
            _ = figure.renderTerminal()
            fastest = min(fastest, clock.now - start)
        }
        #expect(fastest < .milliseconds(100))
    }
}
