import Foundation
import FoundationXML
import Testing
@testable import KLSPlot

/// Collects element names and attributes while parsing, and the text of <text> elements.
final class SVGElements: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String] = []
    private var insideText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        if name == "text" { insideText = true; texts.append("") }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if insideText, !texts.isEmpty { texts[texts.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { insideText = false }
    }

    /// Parses `svg`; nil when it is not well-formed XML.
    static func parse(_ svg: String) -> SVGElements? {
        let collector = SVGElements()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

@Suite struct SVGTests {
    /// A small two-panel figure exercising every element kind, kept small for the golden file.
    static let sample = Figure(rows: 1, cols: 2, panels: [
        Panel(series: [
            Series(x: [0, 1, 2, 3, 4], y: [0, 1, 4, 9, 16], label: "x²"),
            Series(x: [0, 2, 4], y: [16, 2, 0], label: "down", fill: true),
        ], title: "P & Q <fit>", xlabel: "x", ylabel: "y"),
        Panel(series: [Series(x: [1, 2, 3], y: [3, 1, 2], label: "points", style: .scatter)], title: "marks"),
    ])

    @Test func sampleMatchesGolden() throws {
        Golden.check(try Self.sample.svg(width: 480, height: 240), file: "sample.svg")
    }

    @Test func outputIsByteStable() throws {
        let first = try SeedFigures.densities.svg(width: 640, height: 420)
        let second = try SeedFigures.densities.svg(width: 640, height: 420)
        #expect(first == second)
    }

    @Test func seedFigureIsWellFormedWithBothSeriesAndAllLabels() throws {
        let svg = try SeedFigures.densities.svg(width: 640, height: 420)
        let parsed = try #require(SVGElements.parse(svg))
        #expect(parsed.elements.first?.name == "svg")
        #expect(parsed.elements.first?.attributes["width"] == "640")
        let strokes = parsed.elements.filter { $0.name == "polyline" }.compactMap { $0.attributes["stroke"] }
        #expect(strokes.contains("#1f77b4") && strokes.contains("#ff7f0e"))
        for label in ["P and Q", "x", "density", "P", "Q", "-15", "15", "0.40"] {
            #expect(parsed.texts.contains(label), "missing text \(label)")
        }
    }

    @Test func specialCharactersAreEscaped() throws {
        let svg = try Self.sample.svg(width: 480, height: 240)
        #expect(svg.contains("P &amp; Q &lt;fit&gt;"))
        let parsed = try #require(SVGElements.parse(svg))
        #expect(parsed.texts.contains("P & Q <fit>"))
        #expect(SVGWriter.escaped("a\u{1}b\"'") == "a b&quot;&apos;")
    }

    @Test func gridPanelsSitSideBySide() throws {
        let parsed = try #require(SVGElements.parse(try Self.sample.svg(width: 480, height: 240)))
        let frames = parsed.elements.filter { $0.name == "rect" && $0.attributes["stroke"] == "#333333" }
        let lefts = frames.compactMap { $0.attributes["x"].flatMap(Double.init) }
        #expect(lefts.count == 2)
        #expect(lefts[0] < 240 && lefts[1] > 240)
        #expect(parsed.elements.filter { $0.name == "circle" }.count == 3 + 1)  // 3 marks + legend sample
    }

    @Test func numbersHaveExactlyTwoDecimals() {
        #expect(SVGWriter.number(12.5) == "12.50")
        #expect(SVGWriter.number(-0.25) == "-0.25")
        #expect(SVGWriter.number(-0.004) == "0.00")
        #expect(SVGWriter.number(3) == "3.00")
        #expect(SVGWriter.number(.nan) == "0.00")
    }

    @Test func emptyAndNaNPanelsStillDrawAxes() throws {
        let svg = try Figure(Panel(series: [Series(x: [.nan], y: [.nan])])).svg(width: 200, height: 150)
        let parsed = try #require(SVGElements.parse(svg))
        #expect(parsed.texts.contains("0.0") && parsed.texts.contains("1.0"))
    }
}
