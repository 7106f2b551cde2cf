import Testing
import KLSBase

@Suite struct ControlCharacterTests {
    /// Issue 14: `\r`, NUL and other control characters are escaped when shown.
    @Test func controlCharactersAreEscaped() {
        #expect(ControlCharacters.quoted("a\rb\u{0}c\u{1B}[2J\"\\") == #""a\rb\0c\u{1B}[2J\"\\""#)
        #expect(ControlCharacters.escaped("x\ny\rz", keeping: ["\n"]) == "x\ny\\rz")
        #expect(ControlCharacters.escaped("日本語 é") == "日本語 é")
        #expect(ControlCharacters.quoted("\u{85}\u{7F}") == #""\u{85}\u{7F}""#)
    }
}

@Suite struct DisplayWidthTests {
    /// Wide (East Asian) characters take two columns, combining marks none (wcwidth's figures).
    @Test func columns() {
        #expect(DisplayWidth.of("abc".unicodeScalars) == 3)
        #expect(DisplayWidth.of("日本語".unicodeScalars) == 6)
        #expect(DisplayWidth.of("e\u{301}".unicodeScalars) == 1)
        #expect(DisplayWidth.of("한글".unicodeScalars) == 4)
        #expect(DisplayWidth.of("ＡＢ".unicodeScalars) == 4)
        #expect(DisplayWidth.of("μσ‖".unicodeScalars) == 3)
        #expect(DisplayWidth.of("a\u{200D}b".unicodeScalars) == 2)
    }
}

@Suite struct MemoryBudgetTests {
    @Test func sizesParse() {
        #expect(MemoryBudget.parse("512M") == 512 << 20)
        #expect(MemoryBudget.parse("2G") == 2 << 30)
        #expect(MemoryBudget.parse("1.5g") == 3 << 29)
        #expect(MemoryBudget.parse("4096") == 4096)
        #expect(MemoryBudget.parse("lots") == nil)
        #expect(MemoryBudget.parse("-1G") == nil)
        #expect(MemoryBudget.describe(512 << 20) == "512 MiB")
        #expect(MemoryBudget.describe(3 << 29) == "1.5 GiB")
    }

    @Test func largeValuesBeyondTheBudgetAreRefused() {
        #expect(MemoryBudget.residentBytes() > 0)
        #expect(MemoryBudget.problem(making: 1 << 10, "a small value") == nil)
        #expect(MemoryBudget.problem(making: Int.max / 2, "a vector of 2^62 bytes")?.hasPrefix("a vector of 2^62 bytes needs") == true)
    }
}

@Suite struct CancellationTests {
    @Test func theInstalledFlagIsSeenOnItsThreadOnly() {
        #expect(!Cancellation.isRequested)
        let flag = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        defer { flag.deallocate() }
        flag.initialize(to: false)
        Cancellation.whileRunning(with: flag) {
            #expect(!Cancellation.isRequested)
            flag.pointee = true
            #expect(Cancellation.isRequested)
        }
        #expect(!Cancellation.isRequested)
    }
}
