import Foundation
import KLSRuntime
import KLSSyntax

/// Where the prompt's output goes: the terminal (`console`), or a front end such as the
/// Jupyter kernel, which turns each kind into its own message.
public struct PromptOutput {
    /// Ordinary output: what `print` writes, help pages, tables.
    public var out: (String) -> Void
    /// Errors, warnings and usage notes.
    public var err: (String) -> Void
    /// Writes out what `out` holds back (before waiting for input).
    public var flush: () -> Void
    /// Shows the value of the input's final expression; nil: `out` gets it, coloured by kind.
    public var value: ((Value) -> Void)?
    /// Reports a failure: an error (with its location) or an interrupt; nil: `err` gets it,
    /// rendered with its caret.
    public var failure: ((PromptFailure) -> Void)?
    /// Pictures and progress lines (see `Interpreter.display`); nil: they are printed as text.
    public var display: ((DisplayItem) -> Void)?
    /// Help pages (`:help`), which a notebook shows in its pager; nil: `out` gets them.
    public var page: ((String) -> Void)?
    /// Whether `out` is a terminal (colours, braille sized to the window, animations in place).
    public var isTerminal: Bool

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, flush: @escaping () -> Void = {},
                value: ((Value) -> Void)? = nil, failure: ((PromptFailure) -> Void)? = nil,
                display: ((DisplayItem) -> Void)? = nil, page: ((String) -> Void)? = nil, isTerminal: Bool = false) {
        self.out = out
        self.err = err
        self.flush = flush
        self.value = value
        self.failure = failure
        self.display = display
        self.page = page
        self.isTerminal = isTerminal
    }

    /// Standard output and standard error.
    public static var console: PromptOutput {
        PromptOutput(out: { Console.out.write($0) }, err: { Console.err.write($0) }, flush: { Console.out.flush() },
                     isTerminal: isatty(STDOUT_FILENO) == 1)
    }
}

/// Why input did not run to its end.
public enum PromptFailure {
    /// A syntax, name or run-time error, and its text as the prompt shows it (the located
    /// message, the line with a caret, a hint).
    case error(Diagnostic, shown: String)
    /// Ctrl-C (or a front end's interrupt request) stopped it; the message says where
    /// ("interrupted", "interrupted at step 120 of 10000: the fit so far is in ans").
    case interrupted(String)
}
