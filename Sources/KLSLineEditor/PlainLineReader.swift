#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLineEdit

/// Reads lines from standard input with no editing features, for when standard input or
/// output is not a terminal or `TERM` is `dumb`: prints the prompt, reads up to a newline
/// (the terminal's own line discipline does the editing), keeps the history file.
public final class PlainLineReader: LineReader {
    private var history: SessionHistory
    private var pending: [UInt8] = []
    private let input: Int32
    private let output: UnsafeMutablePointer<FILE>

    /// A reader of standard input keeping history in `historyFile` (nil: in memory only), at
    /// most `historyLimit` entries.
    public convenience init(historyFile: String?, historyLimit: Int = 10_000) {
        self.init(historyFile: historyFile, historyLimit: historyLimit,
                  input: STDIN_FILENO, output: kls_standard_output())
    }

    /// A reader of file descriptor `input` that writes prompts to `output`.
    init(historyFile: String?, historyLimit: Int, input: Int32, output: UnsafeMutablePointer<FILE>) {
        history = SessionHistory(file: historyFile, limit: historyLimit)
        self.input = input
        self.output = output
    }

    /// Prints `prompt`, then returns the next line of standard input, `.eof` at its end, or
    /// `.interrupted` when SIGINT arrives while waiting (the partial line is dropped).
    public func readLine(prompt: String, continuation: Bool) -> LineResult {
        fputs(prompt, output)
        fflush(output)
        kls_sigint_trap_begin()
        defer { _ = kls_sigint_trap_end() }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count > 0 {
                pending.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                guard !pending.isEmpty else { return .eof }
                defer { pending.removeAll() }
                return .line(String(decoding: pending, as: UTF8.self))
            } else if errno == EINTR {
                if kls_sigint_trapped() != 0 {
                    pending.removeAll()
                    fputs("\n", output)
                    fflush(output)
                    return .interrupted
                }
            } else {
                return .eof
            }
        }
    }

    /// The history entries, oldest first.
    public var historyEntries: [String] { history.entries }

    /// Records `entry` in the history (and its file).
    public func addHistory(_ entry: String) {
        _ = history.add(entry)
    }
}
