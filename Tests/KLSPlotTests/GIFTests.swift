import Foundation
import Testing
@testable import KLSPlot

@Suite struct GIFTests {
    @Test func framesDelaysAndLoopAreReadBack() throws {
        let path = temporaryPath("fit.gif")
        try writeGIF(frames: Figure.withSharedLimits(SeedFigures.animation(frames: 4)), path: path, width: 160, height: 100, delayCentiseconds: 7)
        let gif = try #require(DecodedGIF(path: path))
        #expect(gif.frames.count == 4)
        #expect(gif.width == 160 && gif.height == 100)
        #expect(gif.delays == [7, 7, 7, 7])
        #expect(gif.loops)
    }

    @Test func paletteKeepsTheExactSeriesColours() throws {
        let path = temporaryPath("colours.gif")
        try writeGIF(frames: SeedFigures.animation(frames: 2), path: path, width: 320, height: 200)
        let gif = try #require(DecodedGIF(path: path))
        let last = Set(try #require(gif.frames.last))
        #expect(last.contains(0x1F77B4) && last.contains(0xFF7F0E) && last.contains(0xFFFFFF))
    }

    @Test func manyFramesAreSubsampledKeepingFirstAndLast() throws {
        let frames = Figure.withSharedLimits(SeedFigures.animation(frames: 25))
        let path = temporaryPath("many.gif")
        try writeGIF(frames: frames, path: path, width: 120, height: 80, maximumFrames: 6)
        let gif = try #require(DecodedGIF(path: path))
        #expect(gif.frames.count == 6)
        for (index, frame) in [(0, 0), (5, 24)] {
            let single = temporaryPath("single.gif")
            try writeGIF(frames: [frames[frame]], path: single, width: 120, height: 80)
            let reference = try #require(DecodedGIF(path: single))
            #expect(gif.frames[index] == reference.frames[0], "frame \(index) should be input frame \(frame)")
        }
    }

    @Test func subsamplingIndices() {
        #expect(GIFFrames.subsample(count: 3, maximum: 200) == [0, 1, 2])
        #expect(GIFFrames.subsample(count: 10, maximum: 4) == [0, 3, 6, 9])
        #expect(GIFFrames.subsample(count: 1000, maximum: 200).count == 200)
        #expect(GIFFrames.subsample(count: 1000, maximum: 200).last == 999)
        #expect(GIFFrames.subsample(count: 5, maximum: -3) == [0, 4])
    }

    @Test func fileHasMode0644() throws {
        let path = temporaryPath("mode.gif")
        try writeGIF(frames: SeedFigures.animation(frames: 1), path: path, width: 40, height: 30)
        #expect(permissions(path) == 0o644 & ~currentUmask())
    }

    @Test func errorsLeaveNoFile() throws {
        #expect(throws: PlotError.noFrames(path: "/tmp/x.gif")) { try writeGIF(frames: [], path: "/tmp/x.gif") }
        let missing = "/nonexistent-klsplot-dir/anim.gif"
        #expect(throws: PlotError.cannotWrite(path: missing, reason: "No such file or directory")) {
            try writeGIF(frames: SeedFigures.animation(frames: 1), path: missing, width: 40, height: 30)
        }
        let path = temporaryPath("big.gif")
        #expect(throws: PlotError.invalidSize(width: 100_000, height: 30)) {
            try writeGIF(frames: SeedFigures.animation(frames: 1), path: path, width: 100_000, height: 30)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func sharedBackdropPaintsTheSamePixels() throws {
        // Frames of a race over a contour: the second frame painted over the first one's saved
        // backdrop equals the second frame painted from scratch, pixel for pixel; a frame with
        // another backdrop (other axes) is repainted whole.
        func frame(_ end: Double, ylim: AxisRange = AxisRange(-1, 3)) -> Scene {
            var panel = Panel(series: [Series(x: [-1.5, end], y: [2, 1], label: "path")], title: "race",
                              xlim: AxisRange(-2, 2), ylim: ylim)
            panel.contour = ContourTests.rosenbrock(40)
            return Figure(panel).scene(width: 240, height: 160)
        }
        let first = frame(-1), second = frame(0.5), other = frame(0.5, ylim: AxisRange(-2, 3))
        #expect(second.backdropCount > 1 && second.items[..<second.backdropCount] == first.items[..<first.backdropCount])
        #expect(other.items[..<other.backdropCount] != first.items[..<first.backdropCount])
        let reused = try CairoCanvas(width: 240, height: 160, for: "test")
        var backdrop = SceneBackdrop()
        backdrop.paint(first, on: reused)
        for scene in [second, other] {
            backdrop.paint(scene, on: reused)
            let fresh = try CairoCanvas(width: 240, height: 160, for: "test")
            fresh.paint(scene)
            #expect(reused.snapshot() == fresh.snapshot())
        }
    }
}
