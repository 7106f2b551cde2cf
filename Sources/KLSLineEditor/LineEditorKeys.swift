#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLineEdit

/// The key commands kls adds to libedit. Each is a C callback that finds its `LineEditor`
/// through libedit's client data and returns a libedit `CC_*` code.
extension LineEditor {
    /// The private key sequence the Tab command pushes to have the candidates listed after
    /// libedit has redrawn the completed line (so the list starts below all of it).
    static let listCandidatesKeys = "\\e[9999~"
    private static let listCandidatesInput = "\u{1B}[9999~"

    func installKeyCommands() {
        kls_el_add_function(editor, "kls-complete", "Complete the word before the cursor") { editor, _ in
            LineEditor.owner(of: editor)?.complete() ?? code(CC_ERROR)
        }
        kls_el_add_function(editor, "kls-list-candidates", "List completion candidates") { editor, _ in
            LineEditor.owner(of: editor)?.listCandidates() ?? code(CC_ERROR)
        }
        kls_el_add_function(editor, "kls-interrupt", "Discard the line") { editor, _ in
            LineEditor.owner(of: editor)?.interrupt() ?? code(CC_ERROR)
        }
        kls_el_add_function(editor, "kls-suspend", "Suspend kls") { editor, _ in
            LineEditor.owner(of: editor)?.suspend() ?? code(CC_ERROR)
        }
        kls_el_add_function(editor, "kls-paste", "Insert bracketed pasted text verbatim") { editor, _ in
            LineEditor.owner(of: editor)?.paste() ?? code(CC_ERROR)
        }
        let bindings: [(keys: String, command: String)] = [
            ("^I", "kls-complete"),
            (LineEditor.listCandidatesKeys, "kls-list-candidates"),
            ("^C", "kls-interrupt"),
            ("^Z", "kls-suspend"),
            ("\\e[200~", "kls-paste"),
            ("^R", "em-inc-search-prev"),
            ("^S", "em-inc-search-next"),
            ("^W", "ed-delete-prev-word"),
            ("\\e[1;5C", "em-next-word"), ("\\e[1;5D", "ed-prev-word"),
            ("\\e[1;3C", "em-next-word"), ("\\e[1;3D", "ed-prev-word"),
            ("\\e[H", "ed-move-to-beg"), ("\\e[1~", "ed-move-to-beg"), ("\\e[7~", "ed-move-to-beg"),
            ("\\eOH", "ed-move-to-beg"),
            ("\\e[F", "ed-move-to-end"), ("\\e[4~", "ed-move-to-end"), ("\\e[8~", "ed-move-to-end"),
            ("\\eOF", "ed-move-to-end"),
            ("\\e[3~", "ed-delete-next-char"),
        ]
        for binding in bindings {
            kls_el_bind(editor, binding.keys, binding.command)
        }
    }

    /// Tab: indents when only white space precedes the cursor; otherwise completes a LaTeX
    /// name or asks the `completer`, applies the edit, and lists several candidates.
    func complete() -> UInt8 {
        guard let state = lineState() else { return code(CC_ERROR) }
        let beforeCursor = state.line.utf8.prefix(state.cursorUTF8)
        if beforeCursor.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
            let column = beforeCursor.count
            insert(String(repeating: " ", count: 4 - column % 4))
            return code(CC_REFRESH)
        }
        let result = LatexSymbols.completion(line: state.line, cursorUTF8Offset: state.cursorUTF8)
            ?? completer?(state.line, state.cursorUTF8)
        guard let result, let edit = CompletionEdit.plan(line: state.line, cursor: state.cursorUTF8, result: result)
        else { return code(CC_ERROR) }
        if edit.cursorMove != 0 { el_cursor(editor, Int32(clamping: edit.cursorMove)) }
        if edit.deleteCount > 0 { el_deletestr(editor, Int32(clamping: edit.deleteCount)) }
        insert(edit.insertion)
        guard !edit.listing.isEmpty, let after = lineState() else { return code(CC_REFRESH) }
        pendingListing = edit.listing
        cursorDistanceFromEnd = after.scalarCount - after.cursorScalars
        el_cursor(editor, Int32(clamping: cursorDistanceFromEnd))
        push(LineEditor.listCandidatesInput)
        return code(CC_REFRESH)
    }

    /// Runs after `complete` with the cursor at the end of the redrawn line: prints the
    /// candidates in columns below it, redraws prompt and line, and puts the cursor back.
    func listCandidates() -> UInt8 {
        let listing = pendingListing
        pendingListing = []
        guard !listing.isEmpty else { return code(CC_NORM) }
        var rows: Int32 = 24
        var columns: Int32 = 80
        _ = kls_terminal_size(fileno(output), &rows, &columns)
        let lines = CandidateLayout.rows(listing, width: Int(columns), maxRows: Int(rows) - 2)
        write("\r\n" + lines.joined(separator: "\r\n") + "\r\n")
        kls_el_redraw(editor)
        el_cursor(editor, -Int32(clamping: cursorDistanceFromEnd))
        return code(CC_CURSOR)
    }

    /// Ctrl-C: marks the line as discarded, shows `^C` at its end and accepts it (so libedit
    /// leaves the cursor below it); `readLine` then returns `.interrupted`.
    func interrupt() -> UInt8 {
        interruptRequested = true
        if let state = lineState() {
            el_cursor(editor, Int32(clamping: state.scalarCount - state.cursorScalars))
        }
        insert("^C")
        push("\n")
        return code(CC_REFRESH)
    }

    /// Ctrl-Z: stops the process like a shell's job control, then redraws the line.
    func suspend() -> UInt8 {
        kls_suspend_process(fileno(input), &cookedSettings)
        kls_el_redraw(editor)
        return code(CC_NORM)
    }

    /// The bracketed-paste start sequence: reads everything up to the end sequence and
    /// inserts it verbatim (Tabs stay Tabs, line breaks become newlines). When the pasted
    /// text ends with a line break, the line is accepted at once (without the trailing line
    /// breaks), so a pasted block runs as one program; otherwise it stays for editing.
    func paste() -> UInt8 {
        var pasted = String.UnicodeScalarView()
        var matched = 0
        var character: wchar_t = 0
        while el_wgetc(editor, &character) == 1 {
            if character == BracketedPaste.end[matched] {
                matched += 1
                if matched == BracketedPaste.end.count { break }
                continue
            }
            for held in BracketedPaste.end[0..<matched] { pasted.append(scalar(held)) }
            matched = 0
            if character == BracketedPaste.end[0] {
                matched = 1
            } else {
                pasted.append(scalar(character))
            }
        }
        var text = BracketedPaste.normalized(String(pasted))
        let accept = text.hasSuffix("\n")
        while text.hasSuffix("\n") { text.removeLast() }
        insert(text)
        if accept {
            if let state = lineState() {
                el_cursor(editor, Int32(clamping: state.scalarCount - state.cursorScalars))
            }
            push("\n")
        }
        return code(CC_REFRESH)
    }

    /// The line being edited, its length and the cursor, in scalars and UTF-8 bytes.
    private func lineState() -> (line: String, scalarCount: Int, cursorScalars: Int, cursorUTF8: Int)? {
        guard let info = el_wline(editor)?.pointee, let buffer = info.buffer,
              let cursor = info.cursor, let last = info.lastchar else { return nil }
        let count = last - buffer
        let cursorScalars = min(max(cursor - buffer, 0), count)
        let line = WideText.string(buffer, count: count)
        return (line, count, cursorScalars, WideText.utf8Offset(of: line, scalarCount: cursorScalars))
    }

    private func insert(_ text: String) {
        guard !text.isEmpty else { return }
        WideText.nulTerminated(text).withUnsafeBufferPointer {
            _ = el_winsertstr(editor, $0.baseAddress)
        }
    }

    private func push(_ keys: String) {
        WideText.nulTerminated(keys).withUnsafeBufferPointer { el_wpush(editor, $0.baseAddress) }
    }

    private func scalar(_ character: wchar_t) -> Unicode.Scalar {
        Unicode.Scalar(UInt32(bitPattern: Int32(character))) ?? "\u{FFFD}"
    }
}

/// A libedit `CC_*` return code as the `unsigned char` key commands return.
func code(_ value: Int32) -> UInt8 {
    UInt8(truncatingIfNeeded: value)
}
