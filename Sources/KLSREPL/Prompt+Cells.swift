import KLSLineEditor
import KLSRuntime
import KLSSyntax

/// Whether a notebook cell is ready to run, as the parser sees it (Jupyter's `is_complete`).
public enum CellCompleteness: Equatable, Sendable {
    /// It parses (or is a `:command`, or blank).
    case complete
    /// The parser wants more; the next line would start with `indent`.
    case incomplete(indent: String)
    /// It can never parse, whatever follows.
    case invalid
}

/// What a notebook front end (the Jupyter kernel) asks of a prompt: run a cell, complete,
/// describe a name, judge whether a cell is finished. Output goes to `output`.
extension Prompt {
    /// Runs a cell as prompt input named `name` in errors (`In[3]:2:5: error: …`): a
    /// `:command`, or code whose final expression's value goes to `output.value` and `ans`.
    public func runCell(_ text: String, name: String) {
        inputName = name
        defer { inputName = "<prompt>" }
        if let request = CommandRequest.parse(text) {
            if perform(request) == .quit {
                output.err(":quit does nothing in a notebook: restart the kernel to start afresh\n")
            }
        } else if text.trimmingBlanks().isEmpty {
            runBlank()
        } else {
            runCode(text)
        }
    }

    /// Completions at `cursor` (a UTF-8 offset into the whole cell), with the replaced range
    /// as UTF-8 offsets into the cell: a backslash name (`\mu` → μ), else what Tab offers at
    /// the prompt (names, parameters, fields, file names).
    public func completions(in cell: String, cursor: Int) -> CompletionResult? {
        let bytes = Array(cell.utf8)
        guard cursor >= 0, cursor <= bytes.count else { return nil }
        let lineStart = bytes[..<cursor].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let lineEnd = bytes[cursor...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let earlier = lineStart == 0 ? "" : String(decoding: bytes[..<(lineStart - 1)], as: UTF8.self)
        let local = cursor - lineStart
        guard var result = LatexSymbols.completion(line: line, cursorUTF8Offset: local)
                ?? completer.complete(line: line, cursor: local, earlierLines: earlier) else { return nil }
        result.replacing = (result.replacing.lowerBound + lineStart)..<(result.replacing.upperBound + lineStart)
        return result
    }

    /// The `:help` page of the name at or just before `cursor` (a UTF-8 offset), or nil when
    /// no builtin, variable, keyword or command has that name.
    public func help(in cell: String, cursor: Int) -> String? {
        let bytes = Array(cell.utf8)
        guard cursor >= 0, cursor <= bytes.count else { return nil }
        let isName: (UInt8) -> Bool = { $0 == UInt8(ascii: "_") || $0 >= 0x80 || (0x30...0x39).contains($0)
            || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        var start = cursor, end = cursor
        while start > 0, isName(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, isName(bytes[end]) { end += 1 }
        if start == end, let open = bytes[..<cursor].lastIndex(of: UInt8(ascii: "(")) {
            // Inside a call's parentheses: the function being called.
            end = open
            start = open
            while start > 0, isName(bytes[start - 1]) { start -= 1 }
        }
        let name = String(decoding: bytes[start..<end], as: UTF8.self)
        guard !name.isEmpty, interpreter.registry.builtin(named: name) != nil || interpreter.global(name) != nil
                || Token.keywordNames.contains(name) || PromptCommand(rawValue: name) != nil else { return nil }
        return helpBook.page(for: name)
    }

    /// Whether `cell` is finished: the parser decides, as at the prompt.
    public static func completeness(of cell: String) -> CellCompleteness {
        switch PromptInput.classify(cell) {
        case .blank, .command: return .complete
        case .incomplete:
            let depth = OpenBrackets.depth(cell)
            if depth > 0 { return .incomplete(indent: String(repeating: "  ", count: depth)) }
            let last = cell.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.trimmingBlanks().isEmpty } ?? ""
            return .incomplete(indent: String(last.prefix { $0 == " " || $0 == "\t" }))
        case .code:
            if case .failed = Parser.parse(SourceFile(name: "<cell>", text: cell)) { return .invalid }
            return .complete
        }
    }
}
