import Foundation
import Testing
@testable import KLSPlot

/// Where the ticks of bar charts land in the terminal and in pictures.
@Suite struct BarTicksTests {
    /// Counts of the outcomes 0, 1, 2, 3: bars over −0.5…3.5 (one per outcome), heights 1, 2, 3, 1.
    static let outcomes = Figure(Panel(series: [Series.histogram(values: [0, 1, 1, 2, 2, 2, 3])]))

    @Test func terminalTicksSitUnderBarCentres() throws {
        // The bars span −0.5…3.5, and 3% of that (0.12) is kept free on each side: 40 columns =
        // 80 dots for −0.62…3.62, so outcome k's centre lies at dot (k + 0.62) / 4.24 · 80 =
        // 11.7, 30.6, 49.4, 68.3: columns 5, 15, 24, 34, where ┬ and the label k must be.
        let text = Self.outcomes.renderTerminal(TerminalOptions(width: 40, height: 6, color: false))
        let lines = text.split(separator: "\n").map { Array($0) }
        let borderIndex = try #require(lines.firstIndex { $0.contains("└") })
        let corner = try #require(lines[borderIndex].firstIndex(of: "└"))
        let border = lines[borderIndex], labels = lines[borderIndex + 1]
        let tickColumns = border.indices.filter { border[$0] == "┬" }.map { $0 - corner - 1 }
        #expect(tickColumns == [5, 15, 24, 34])
        for (k, column) in [5, 15, 24, 34].enumerated() where corner + 1 + column < labels.count {
            #expect(labels[corner + 1 + column] == Character("\(k)"))
        }
        #expect(labels.count > corner + 1 + 34)
        // Counts 0…3 with 4% headroom (0…3.12) and a target of 6 / 3 = 2 intervals: whole steps
        // of 2 over 0…4 (|ln 2/2| + 3 · 0.22 = 0.66) beat 1 over 0…4 (|ln 4/2| + 0.66 = 1.35);
        // every y label is a whole number and the top one lies above the highest bar.
        let yLabels = lines.compactMap { line -> String? in
            guard let tick = line.firstIndex(of: "┤") else { return nil }
            return String(line[..<tick]).trimmingCharacters(in: .whitespaces)
        }
        #expect(yLabels == ["4", "2", "0"])
    }

    @Test func pictureLabelsSitAtBarCentres() {
        let panel = Self.outcomes.pixelPanels(width: 640, height: 420)[0]
        let plot = panel.plot
        var bottom: [String: Double] = [:], left: [String] = []
        for case let .text(label, at, _, anchor, _, _, _) in panel.layeredItems().items {
            if anchor == .middle, at.y > plot.maxY { bottom[label] = at.x }
            if anchor == .end { left.append(label) }
        }
        #expect(bottom.keys.sorted() == ["0", "1", "2", "3"])
        for k in 0...3 {
            // Bar k spans k − 0.5…k + 0.5 of −0.62…3.62 (bars keep 3% of their span from the
            // frame); labels sit on pixel centres (±0.5 px).
            let centre = plot.x + (Double(k) + 0.62) / 4.24 * plot.width
            #expect(Swift.abs((bottom["\(k)"] ?? 0) - centre) <= 0.5)
        }
        // About 6 intervals wanted on the counts 0…3 (with headroom 0…3.12): whole steps only,
        // so 1 (not 0.5), up to 4 above the highest bar.
        #expect(left == ["0", "1", "2", "3", "4"])
    }

    @Test func crowdedHandPlacedLabelsAreLeftOut() {
        let ticks = [AxisTick(0, "first long label"), AxisTick(0.02, "second long label"), AxisTick(1, "B")]
        let figure = Figure(Panel(series: [Series(x: [0, 1], y: [0, 1])], xticks: ticks))
        let panel = figure.pixelPanels(width: 640, height: 420)[0]
        let texts = panel.layeredItems().items.compactMap { item -> String? in
            if case let .text(label, _, _, _, _, _, _) = item { return label }
            return nil
        }
        #expect(texts.contains("first long label") && texts.contains("B"))
        #expect(!texts.contains("second long label"))
        let terminal = figure.renderTerminal(TerminalOptions(width: 40, height: 4, color: false))
        #expect(terminal.contains("first long label") && !terminal.contains("second long label"))
    }
}
