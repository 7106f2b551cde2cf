#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import KLSLineEditor

@Suite struct PromptAndTextTests {
    @Test func plainPromptIsUnchanged() {
        #expect(PromptText.render("kls> ", continuation: false, color: false) == "kls> ")
    }

    @Test func colouredPromptEnclosesItsEscapes() {
        #expect(PromptText.render("kls> ", continuation: false, color: true)
                == "\u{1}\u{1B}[1;32m\u{1}kls>\u{1}\u{1B}[0m\u{1} ")
        #expect(PromptText.render("...  ", continuation: true, color: true)
                == "\u{1}\u{1B}[32m\u{1}... \u{1}\u{1B}[0m\u{1} ")
    }

    @Test func trailingEscapesMoveBeforeTheLastPrintedCharacter() {
        #expect(PromptText.movingTrailingEscapes("ab\u{1}x\u{1}\u{1}y\u{1}") == "a\u{1}x\u{1}\u{1}y\u{1}b")
        #expect(PromptText.movingTrailingEscapes("ab") == "ab")
        #expect(PromptText.movingTrailingEscapes("\u{1}x\u{1}") == "\u{1}x\u{1}")
        #expect(PromptText.movingTrailingEscapes("") == "")
        #expect(PromptText.render("\u{1B}[31m>", continuation: false, color: false) == "\u{1}\u{1B}[31m\u{1}>")
    }

    @Test func escapesAlreadyInThePromptAreEnclosed() {
        #expect(PromptText.enclosingEscapes(in: "\u{1B}[38;5;208mκ\u{1B}[0m> ")
                == "\u{1}\u{1B}[38;5;208m\u{1}κ\u{1}\u{1B}[0m\u{1}> ")
        #expect(PromptText.enclosingEscapes(in: "a\u{1}b\u{1B}") == "ab\u{1}\u{1B}\u{1}")
    }

    @Test func pastedLineBreaksBecomeNewlines() {
        #expect(BracketedPaste.normalized("a\r\nb\rc\nd\t") == "a\nb\nc\nd\t")
    }

    @Test func wideTextRoundTripsAndCountsScalars() {
        let text = "μ = ∑ x\u{1F600}"
        let wide = WideText.nulTerminated(text)
        #expect(wide.count == text.unicodeScalars.count + 1)
        let back = wide.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { WideText.string($0, count: wide.count - 1) }
        }
        #expect(back == text)
        #expect(WideText.scalarCount(of: "μa", upToUTF8Offset: 1) == 0)
        #expect(WideText.scalarCount(of: "μa", upToUTF8Offset: 2) == 1)
        #expect(WideText.scalarCount(of: "μa", upToUTF8Offset: 50) == 2)
        #expect(WideText.utf8Offset(of: "μa", scalarCount: 1) == 2)
    }

    @Test func invalidCodePointsBecomeReplacementCharacters() {
        let wide: [wchar_t] = [0x61, 0xD800, 0x110000, 0x62]
        let text = wide.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { WideText.string($0, count: 4) }
        }
        #expect(text == "a\u{FFFD}\u{FFFD}b")
    }

    @Test func normalizedHistoryEntries() {
        #expect(HistoryStore.normalized("x\n\r\n") == "x")
        #expect(HistoryStore.normalized(" \n ") == nil)
        #expect(HistoryStore.normalized("  indented") == "  indented")
    }
}
