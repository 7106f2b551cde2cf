import Testing
@testable import KLSLineEditor

/// The editor on a real pseudo-terminal: keys typed at the master side, results checked.
/// Serialized because libedit's signal handling is process-wide.
@Suite(.serialized) struct LineEditorTerminalTests {
    private func session() throws -> (PseudoTerminal, LineEditor) {
        let terminal = try #require(PseudoTerminal())
        let editor = try #require(terminal.makeEditor())
        return (terminal, editor)
    }

    @Test func typedNonASCIITextArrivesIntact() throws {
        let (terminal, editor) = try session()
        #expect(terminal.readLine(editor, typing: "x = μ + σ²\r") == .line("x = μ + σ²"))
    }

    @Test func emacsKeysEdit() throws {
        let (terminal, editor) = try session()
        // Ctrl-A, Ctrl-E move to the start and end; Ctrl-W deletes the word before the cursor.
        #expect(terminal.readLine(editor, typing: "abc\u{1}X\u{5}Y\r") == .line("XabcY"))
        #expect(terminal.readLine(editor, typing: "foo bar\u{17}baz\r") == .line("foo baz"))
        // Left arrow twice, then insert.
        #expect(terminal.readLine(editor, typing: "ac\u{1B}[D!\r") == .line("a!c"))
    }

    @Test func ctrlCDiscardsTheLineAndTheEditorGoesOn() throws {
        let (terminal, editor) = try session()
        #expect(terminal.readLine(editor, typing: "half typed\u{3}") == .interrupted)
        #expect(terminal.output.contains("half typed") && terminal.output.contains("^C"))
        #expect(terminal.readLine(editor, typing: "next\r") == .line("next"))
    }

    @Test func ctrlDOnAnEmptyLineEndsInput() throws {
        let (terminal, editor) = try session()
        #expect(terminal.readLine(editor, typing: "\u{4}") == .eof)
    }

    @Test func tabExpandsLatexNames() throws {
        let (terminal, editor) = try session()
        #expect(terminal.readLine(editor, typing: "\\mu\t + \\sigm\t\t\r") == .line("μ + σ"))
    }

    @Test func tabCallsTheCompleterAndListsSeveralCandidates() throws {
        let (terminal, editor) = try session()
        editor.completer = { line, cursor in
            let typed = Array(line.utf8.prefix(cursor))
            let start = typed.lastIndex(of: UInt8(ascii: " ")).map { $0 + 1 } ?? 0
            let word = String(decoding: typed[start...], as: UTF8.self)
            let names = ["sigma", "sign", "sqrt"].filter { $0.hasPrefix(word) }
            return CompletionResult(replacing: start..<cursor, candidates: names)
        }
        #expect(terminal.readLine(editor, typing: "x = sigm\t\r") == .line("x = sigma"))
        #expect(terminal.readLine(editor, typing: "y = si\t\r") == .line("y = sig"))
        #expect(terminal.output.contains("sigma  sign"))
    }

    @Test func tabAtTheStartOfALineIndents() throws {
        let (terminal, editor) = try session()
        #expect(terminal.readLine(editor, typing: "\tx\r") == .line("    x"))
    }

    @Test func pastedBlockKeepsTabsAndNewlinesAndRunsWhenItEndsWithANewline() throws {
        let (terminal, editor) = try session()
        #expect(terminal.readLine(editor, typing: "\u{1B}[200~f(x) = {\r\tx\r}\r\u{1B}[201~")
                == .line("f(x) = {\n\tx\n}"))
        #expect(terminal.readLine(editor, typing: "\u{1B}[200~a\rb\u{1B}[201~c\r") == .line("a\nbc"))
        #expect(terminal.output.contains("\u{1B}[?2004h"))
    }

    @Test func historyRecallAndIncrementalSearch() throws {
        let (terminal, editor) = try session()
        editor.addHistory("first = 1")
        editor.addHistory("block = {\n  2\n}")
        #expect(terminal.readLine(editor, typing: "\u{1B}[A\r") == .line("block = {\n  2\n}"))
        #expect(terminal.readLine(editor, typing: "\u{12}", then: ["firs\r"]) == .line("first = 1"))
    }

    @Test func repeatedEntryMovesToTheEndOfHistory() throws {
        let (terminal, editor) = try session()
        for entry in ["a", "b", "a"] { editor.addHistory(entry) }
        #expect(editor.historyEntries == ["b", "a"])
        #expect(terminal.readLine(editor, typing: "\u{1B}[A\u{1B}[A\r") == .line("b"))
    }

    @Test func historyPersistsAcrossSessions() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/history"
        let terminal = try #require(PseudoTerminal())
        do {
            let first = try #require(terminal.makeEditor(historyFile: path))
            first.addHistory("kl(p, q) = {\n  sum(p * log(p / q))\n}")
            first.addHistory("μ = 0.5")
        }
        let second = try #require(terminal.makeEditor(historyFile: path))
        #expect(second.historyEntries == ["kl(p, q) = {\n  sum(p * log(p / q))\n}", "μ = 0.5"])
        #expect(terminal.readLine(second, typing: "\u{1B}[A\u{1B}[A\r") == .line("kl(p, q) = {\n  sum(p * log(p / q))\n}"))
    }
}
