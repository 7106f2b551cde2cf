import Testing
@testable import KLSPlot

@Suite struct TerminalAnimationTests {
    @Test func firstFrameIsPrintedAsIs() {
        var animation = TerminalAnimation()
        #expect(animation.nextFrame("ab\ncd") == "ab\u{1B}[K\ncd\u{1B}[K\n")
    }

    @Test func laterFramesMoveUpAndOverwrite() {
        var animation = TerminalAnimation()
        _ = animation.nextFrame("ab\ncd\n")
        #expect(animation.nextFrame("xy\nzw\n") == "\r\u{1B}[2Axy\u{1B}[K\nzw\u{1B}[K\n")
    }

    @Test func shorterFrameClearsWhatIsLeftBelow() {
        var animation = TerminalAnimation()
        _ = animation.nextFrame("1\n2\n3")
        #expect(animation.nextFrame("4") == "\r\u{1B}[3A4\u{1B}[K\n\u{1B}[J")
        #expect(animation.nextFrame("5").hasPrefix("\r\u{1B}[1A"))
    }

    @Test func emptyFramesAndFinalNewlines() {
        var animation = TerminalAnimation()
        #expect(animation.nextFrame("") == "")
        #expect(animation.nextFrame("x\n") == "x\u{1B}[K\n")
        _ = animation.nextFrame("a\nb")
        // One empty line replaces two: up 2, clear that line, then clear what is below.
        #expect(animation.nextFrame("\n") == "\r\u{1B}[2A\u{1B}[K\n\u{1B}[J")
        #expect(animation.nextFrame("") == "\r\u{1B}[1A\u{1B}[J")
    }

    @Test func plotFramesNeverClearTheScreen() {
        var animation = TerminalAnimation()
        let frames = SeedFigures.animation(frames: 3).map { $0.renderTerminal(TerminalOptions(width: 30, height: 6)) }
        let output = frames.map { animation.nextFrame($0) }
        #expect(output.allSatisfy { !$0.contains("\u{1B}[2J") })
        let lineCount = frames[0].split(separator: "\n").count
        #expect(output[2].hasPrefix("\r\u{1B}[\(lineCount)A"))
    }
}
