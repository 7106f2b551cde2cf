import Foundation
import Testing
@testable import KLSPlot

/// Where the ticks of bar charts land in the terminal and in pictures.
@Suite struct BarTicksTests {
    /// Counts of the outcomes 0, 1, 2, 3: bars over −0.5…3.5 (one per outcome), heights 1, 2, 3, 1.
    static let outcomes = Figure(Panel(series: [Series.histogram(values: [0, 1, 1, 2, 2, 2, 3])]))

    @Test func terminalTicksSitUnderBarCentres() throws {
        // 40 columns = 80 dots for 4 units: outcome k's bar covers dots 20k…20k+20, its centre
        // (k + 0.5) / 4 · 80 = 20k + 10 lies in column 10k + 5, where ┬ and the label k must be.
        let text = Self.outcomes.renderTerminal(TerminalOptions(width: 40, height: 6, color: false))
        let lines = text.split(separator: "\n").map { Array($0) }
        let borderIndex = try #require(lines.firstIndex { $0.contains("└") })
        let corner = try #require(lines[borderIndex].firstIndex(of: "└"))
        let border = lines[borderIndex], labels = lines[borderIndex + 1]
        let tickColumns = border.indices.filter { border[$0] == "┬" }.map { $0 - corner - 1 }
        #expect(tickColumns == [5, 15, 25, 35])
        for k in 0...3 { #expect(labels[corner + 1 + 10 * k + 5] == Character("\(k)")) }
        // Counts 0…3 with a target of 6 / 3 = 2 intervals: whole steps of 1 (|ln 3/2| = 0.41)
        // beat 2 (0…4: 0 + 3 · 0.25 = 0.75); every y label is a whole number.
        let yLabels = lines.compactMap { line -> String? in
            guard let tick = line.firstIndex(of: "┤") else { return nil }
            return String(line[..<tick]).trimmingCharacters(in: .whitespaces)
        }
        #expect(yLabels == ["3", "2", "1", "0"])
    }

    @Test func pictureLabelsSitAtBarCentres() {
        let panel = Self.outcomes.pixelPanels(width: 640, height: 420)[0]
        let plot = panel.plot
        var bottom: [String: Double] = [:], left: [String] = []
        for case let .text(label, at, _, anchor, _, _, _) in panel.items(legendCorner: nil) {
            if anchor == .middle, at.y > plot.maxY { bottom[label] = at.x }
            if anchor == .end { left.append(label) }
        }
        #expect(bottom.keys.sorted() == ["0", "1", "2", "3"])
        for k in 0...3 {
            // Bar k spans k − 0.5…k + 0.5 of −0.5…3.5; labels sit on pixel centres (±0.5 px).
            let centre = plot.x + (Double(k) + 0.5) / 4 * plot.width
            #expect(Swift.abs((bottom["\(k)"] ?? 0) - centre) <= 0.5)
        }
        // About 7.5 intervals wanted on the counts 0…3: whole steps only, so 1 (not 0.5).
        #expect(left == ["0", "1", "2", "3"])
    }

    @Test func crowdedHandPlacedLabelsAreLeftOut() {
        let ticks = [AxisTick(0, "first long label"), AxisTick(0.02, "second long label"), AxisTick(1, "B")]
        let figure = Figure(Panel(series: [Series(x: [0, 1], y: [0, 1])], xticks: ticks))
        let panel = figure.pixelPanels(width: 640, height: 420)[0]
        let texts = panel.items(legendCorner: nil).compactMap { item -> String? in
            if case let .text(label, _, _, _, _, _, _) = item { return label }
            return nil
        }
        #expect(texts.contains("first long label") && texts.contains("B"))
        #expect(!texts.contains("second long label"))
        let terminal = figure.renderTerminal(TerminalOptions(width: 40, height: 4, color: false))
        #expect(terminal.contains("first long label") && !terminal.contains("second long label"))
    }
}
