#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the process's terminal that decide how the prompt (and the REPL's output) behaves.
public enum TerminalInfo {
    /// The environment variable `name`, or nil when it is unset.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// True when standard input and output are terminals and `TERM` names a capable one.
    public static func supportsLineEditing() -> Bool {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return false }
        guard let term = environment("TERM"), !term.isEmpty, term != "dumb" else { return false }
        return true
    }

    /// True when colour escapes may be written to standard output: it is a terminal, `TERM` is
    /// not `dumb`, and `NO_COLOR` is unset or empty (https://no-color.org).
    public static func allowsColor() -> Bool {
        if let noColor = environment("NO_COLOR"), !noColor.isEmpty { return false }
        guard isatty(STDOUT_FILENO) == 1 else { return false }
        return environment("TERM") != "dumb"
    }
}
