#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLineEdit

/// The interactive line editor on libedit: emacs keys, history (Up/Down, Ctrl-R incremental
/// search) kept in a file shared safely between sessions, Tab completion (LaTeX names such
/// as `\mu` first, then the `completer`), bracketed paste, a coloured prompt, Ctrl-C to
/// discard the line, Ctrl-D to end, Ctrl-Z to suspend, and correct UTF-8 input.
///
/// Only one `readLine` may run at a time in the process (libedit's signal handling is
/// process-wide).
public final class LineEditor: LineReader {
    /// Proposes completions on Tab after the LaTeX names; nil means only LaTeX names complete.
    public var completer: Completer?
    /// Whether prompts are coloured (bold green; continuation prompts plain green).
    public var colorPrompt: Bool

    let editor: OpaquePointer
    private let editorHistory: OpaquePointer
    private var history: SessionHistory
    let input: UnsafeMutablePointer<FILE>
    let output: UnsafeMutablePointer<FILE>
    private let closesStreams: Bool
    private var promptBuffer: UnsafeMutablePointer<wchar_t>

    /// Set by the Ctrl-C command: the line being accepted is to be discarded.
    var interruptRequested = false
    /// Candidates waiting to be listed by the list command, and where the cursor goes after.
    var pendingListing: [String] = []
    var cursorDistanceFromEnd = 0
    /// The terminal settings outside editing, restored while suspended by Ctrl-Z.
    var cookedSettings = termios()

    /// The history entries, oldest first (multi-line entries whole).
    public var historyEntries: [String] { history.entries }

    /// An editor on standard input and output with history in `historyFile` (nil: in memory
    /// only), keeping at most `historyLimit` entries; colour by default when standard output
    /// is a terminal and `NO_COLOR` is unset. Nil when libedit cannot start.
    public convenience init?(historyFile: String?, historyLimit: Int = 10_000,
                             colorPrompt: Bool = TerminalInfo.allowsColor()) {
        self.init(historyFile: historyFile, historyLimit: historyLimit, colorPrompt: colorPrompt,
                  input: kls_standard_input(), output: kls_standard_output(), closesStreams: false)
    }

    /// An editor reading `input` and writing `output` (closed at the end when `closesStreams`).
    init?(historyFile: String?, historyLimit: Int, colorPrompt: Bool,
          input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, closesStreams: Bool) {
        _ = kls_use_utf8_ctype_locale()
        guard let editor = el_init("kls", input, output, kls_standard_error()) else { return nil }
        guard let editorHistory = history_winit() else {
            el_end(editor)
            return nil
        }
        self.editor = editor
        self.editorHistory = editorHistory
        self.input = input
        self.output = output
        self.closesStreams = closesStreams
        self.colorPrompt = colorPrompt
        history = SessionHistory(file: historyFile, limit: historyLimit)
        promptBuffer = .allocate(capacity: 1)
        promptBuffer.initialize(to: 0)

        kls_history_set_size(editorHistory, Int32(clamping: max(historyLimit, 1)))
        kls_el_use_emacs_keys(editor)
        kls_el_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
        kls_el_use_history(editor, editorHistory)
        kls_el_handle_signals(editor, 1)
        kls_el_keys_not_signals(editor)
        kls_el_set_prompt(editor, { editor in
            LineEditor.owner(of: editor)?.promptBuffer
        }, wchar_t(bitPattern: PromptText.ignore.value))
        installKeyCommands()
        reloadEditorHistory()
    }

    deinit {
        el_end(editor)
        history_wend(editorHistory)
        promptBuffer.deallocate()
        if closesStreams {
            fclose(input)
            fclose(output)
        }
    }

    /// Shows `prompt` (a continuation prompt when `continuation`) and edits one line.
    /// Returns `.line` on Enter (with the newlines of a recalled or pasted multi-line block),
    /// `.eof` on Ctrl-D on an empty line or end of input, `.interrupted` on Ctrl-C or SIGINT.
    public func readLine(prompt: String, continuation: Bool = false) -> LineResult {
        setPrompt(PromptText.render(prompt, continuation: continuation, color: colorPrompt))
        interruptRequested = false
        pendingListing = []
        if tcgetattr(fileno(input), &cookedSettings) != 0 { cookedSettings = termios() }
        write(BracketedPaste.enable)
        kls_sigint_trap_begin()
        var count: Int32 = 0
        let line = el_wgets(editor, &count)
        let failure = errno
        let sigint = kls_sigint_trap_end() != 0
        write(BracketedPaste.disable)
        if interruptRequested { return .interrupted }
        guard let line, count > 0 else {
            write("\n")
            return count < 0 && (failure == EINTR || sigint) ? .interrupted : .eof
        }
        var text = WideText.string(line, count: Int(count))
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    /// Adds a finished entry to the history and its file: a multi-line block is one entry,
    /// trailing newlines are dropped, blank entries and repeats of the newest entry are
    /// ignored, and an earlier equal entry moves to the end.
    public func addHistory(_ entry: String) {
        switch history.add(entry) {
        case .none:
            break
        case .appended(let added):
            WideText.nulTerminated(added).withUnsafeBufferPointer {
                _ = kls_history_enter(editorHistory, $0.baseAddress)
            }
        case .reordered:
            reloadEditorHistory()
        }
    }

    /// The editor whose client data `editor` carries (for the C callbacks).
    static func owner(of editor: OpaquePointer?) -> LineEditor? {
        guard let editor, let data = kls_el_client_data(editor) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// Writes `text` to the output right away.
    func write(_ text: String) {
        fputs(text, output)
        fflush(output)
    }

    private func setPrompt(_ text: String) {
        let wide = WideText.nulTerminated(text)
        let buffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: wide.count)
        buffer.initialize(from: wide, count: wide.count)
        promptBuffer.deallocate()
        promptBuffer = buffer
    }

    private func reloadEditorHistory() {
        kls_history_clear(editorHistory)
        for entry in history.entries {
            WideText.nulTerminated(entry).withUnsafeBufferPointer {
                _ = kls_history_enter(editorHistory, $0.baseAddress)
            }
        }
    }
}
