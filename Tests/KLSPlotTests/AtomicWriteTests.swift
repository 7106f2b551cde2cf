import Foundation
import KLSBase
import Testing
@testable import KLSPlot

/// Issue 14: files are written whole or not at all. An interrupted 10,000-frame `animate`
/// left a truncated 262 MB GIF; now Ctrl-C (`Cancellation`) stops between frames and the
/// file keeps its old content, with no temporary left beside it.
@Suite struct AtomicWriteTests {
    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kls-plot-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func anInterruptedGIFLeavesTheOldFile() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("fit.gif").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let flag = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        defer { flag.deallocate() }
        flag.initialize(to: true)
        #expect(throws: PlotError.self) {
            try Cancellation.whileRunning(with: flag) {
                try writeGIF(frames: SeedFigures.animation(frames: 20), path: path, width: 160, height: 100)
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["fit.gif"])
    }

    @Test(arguments: ["plot.svg", "plot.png", "plot.gif"])
    func aSavedFigureReplacesTheFileWhole(_ name: String) throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        if name.hasSuffix(".gif") {
            try writeGIF(frames: [SeedFigures.densities], path: path, width: 160, height: 100)
        } else {
            try SeedFigures.densities.write(to: path, width: 160, height: 100)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count > 100)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [name])
    }

    @Test func aNulInThePathWritesNothing() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim.kls").path
        try Data("print(1)".utf8).write(to: URL(fileURLWithPath: victim))
        #expect(throws: PlotError.self) { try SeedFigures.densities.write(to: victim + "\u{0}.svg") }
        #expect(throws: PlotError.self) { try writeGIF(frames: [SeedFigures.densities], path: victim + "\u{0}.gif") }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "print(1)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["victim.kls"])
    }
}
