/// The one check every file name from a kls program passes before the system sees it.
///
/// The system reads a path up to its first NUL byte, so `"victim.kls\u{0}.svg"` would be
/// checked as a `.svg` name and open `victim.kls`. Every place that opens a file named by a
/// user — `savefig`, `animate(…, file=)`, `read_text`, `:load`, the history file, the
/// kernel's and the lessons' files — asks `SafePath.problem(with:)` first.
public enum SafePath {
    /// Why `path` cannot name a file, or nil when it can: it is empty, or it holds a NUL.
    public static func problem(with path: String) -> String? {
        if path.isEmpty { return "the file name is empty" }
        if path.utf8.contains(0) { return "the file name contains a NUL character (\\0)" }
        return nil
    }

    /// Throws `SafePathError` when `problem(with:)` finds one.
    public static func check(_ path: String) throws(SafePathError) {
        if let problem = problem(with: path) { throw SafePathError(path: path, reason: problem) }
    }
}

/// A file name the system cannot be given (see `SafePath`).
public struct SafePathError: Error, CustomStringConvertible, Sendable {
    /// The name as given.
    public let path: String
    /// Why it is refused.
    public let reason: String

    /// `cannot use "NAME": REASON`, the name with its control characters escaped.
    public var description: String { "cannot use \(ControlCharacters.quoted(path)): \(reason)" }
}
