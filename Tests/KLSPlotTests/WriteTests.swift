import Foundation
import Testing
@testable import KLSPlot

@Suite struct WriteTests {
    @Test func extensionPicksTheFormat() throws {
        let svgPath = temporaryPath("plot.SVG")
        try SeedFigures.densities.write(to: svgPath, width: 300, height: 200)
        let svg = try String(contentsOfFile: svgPath, encoding: .utf8)
        #expect(svg == (try SeedFigures.densities.svg(width: 300, height: 200)))
        #expect(permissions(svgPath) == 0o644 & ~currentUmask())
        let pngPath = temporaryPath("plot.png")
        try SeedFigures.densities.write(to: pngPath, width: 300, height: 200)
        #expect(try Data(contentsOf: URL(fileURLWithPath: pngPath)).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func defaultSizeScalesWithTheGrid() throws {
        let path = temporaryPath("grid.svg")
        try SeedFigures.training.write(to: path)
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains("width=\"1280\" height=\"840\""))
    }

    @Test func unknownExtensionIsAnError() {
        for path in ["plot.jpg", "plot", "/tmp/.svg", "dir.svg/plot"] {
            #expect(throws: PlotError.unsupportedFormat(path: path, supported: ["svg", "png"])) {
                try SeedFigures.densities.write(to: path)
            }
        }
        let message = PlotError.unsupportedFormat(path: "plot.jpg", supported: ["svg", "png"]).description
        #expect(message == "cannot save plot to 'plot.jpg': unknown file extension (use .svg, .png)")
    }

    @Test func unwritablePathsAreErrorsNamingThePath() {
        for name in ["plot.svg", "plot.png"] {
            let path = "/nonexistent-klsplot-dir/" + name
            #expect(throws: PlotError.cannotWrite(path: path, reason: "No such file or directory")) {
                try SeedFigures.densities.write(to: path, width: 100, height: 80)
            }
        }
        let directory = temporaryPath("adir.png")
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(throws: PlotError.self) { try SeedFigures.densities.write(to: directory, width: 100, height: 80) }
        let message = PlotError.cannotWrite(path: "/x/p.png", reason: "No such file or directory").description
        #expect(message == "cannot write plot to '/x/p.png': No such file or directory")
    }

    @Test func sizesOutsideTheLimitsAreErrors() {
        #expect(throws: PlotError.invalidSize(width: 0, height: 100)) { try SeedFigures.densities.svg(width: 0, height: 100) }
        #expect(throws: PlotError.invalidSize(width: 100, height: 9000)) {
            try SeedFigures.densities.write(to: temporaryPath("big.png"), width: 100, height: 9000)
        }
    }
}
