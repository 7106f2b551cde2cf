import Testing
@testable import KLSPlot

/// Keys as terminals send them in raw mode (xterm/VT100 sequences).
@Suite struct KeyInputTests {
    @Test func arrowsTabsAndModifiers() {
        let bytes: [UInt8] = Array("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}OA\u{1B}[1;2A\u{1B}[1;5B\t\u{1B}[Zrq\r".utf8)
        #expect(Key.decode(bytes) == [.up, .down, .right, .left, .up, .fineUp, .fineDown, .tab, .backTab,
                                      .character("r"), .character("q"), .enter])
    }

    @Test func altArrowsAreFineSteps() {
        // Terminals that send Alt (Option) as an ESC prefix: ESC ESC [ A is a fine step up,
        // not Escape (which would leave explore); a lone ESC before other text stays Escape.
        #expect(Key.decode(Array("\u{1B}\u{1B}[A\u{1B}\u{1B}[B\u{1B}\u{1B}OA".utf8)) == [.fineUp, .fineDown, .fineUp])
        #expect(Key.decode(Array("\u{1B}\u{1B}".utf8)) == [.escape, .escape])
        #expect(Key.decode(Array("\u{1B}q".utf8)) == [.escape, .character("q")])
    }

    @Test func escapeCtrlCAndUnknownSequences() {
        #expect(Key.decode([0x1B]) == [.escape])
        #expect(Key.decode([0x03]) == [.interrupt])
        #expect(Key.decode(Array("\u{1B}[5~x".utf8)) == [.character("x")])  // Page Up is ignored
        #expect(Key.decode([0x1B, 0x5B]) == [])  // a sequence cut off by the read is dropped
    }
}
