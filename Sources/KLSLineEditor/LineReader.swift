/// What one call to `readLine(prompt:continuation:)` produced.
public enum LineResult: Equatable, Sendable {
    /// A line the user accepted with Enter, without its final newline. It can contain newlines:
    /// a recalled multi-line history entry, or a pasted block, comes back whole.
    case line(String)
    /// End of input: Ctrl-D on an empty line, or the input stream closed.
    case eof
    /// Ctrl-C (or a SIGINT) while editing: the line was discarded; the caller prompts again.
    case interrupted
}

/// A source of input lines for the REPL: the libedit `LineEditor` on a terminal, or the
/// `PlainLineReader` fallback elsewhere.
public protocol LineReader: AnyObject {
    /// Shows `prompt` and reads one line. `continuation` marks the prompt of an unfinished
    /// statement's next line (styled differently when colour is on).
    func readLine(prompt: String, continuation: Bool) -> LineResult
    /// Records a finished entry (a multi-line block is one entry) in the history.
    func addHistory(_ entry: String)
}

/// Chooses the reader for this process: a `LineEditor` when standard input and output are
/// terminals and `TERM` is set and not `dumb`, else a `PlainLineReader`. Both keep the history
/// file (when `historyFile` is given).
public func makeLineReader(historyFile: String?, historyLimit: Int = 10_000) -> any LineReader {
    if TerminalInfo.supportsLineEditing(),
       let editor = LineEditor(historyFile: historyFile, historyLimit: historyLimit) {
        return editor
    }
    return PlainLineReader(historyFile: historyFile, historyLimit: historyLimit)
}
