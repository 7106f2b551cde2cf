#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KLSBase

extension HistoryStore {
    /// The history file kls uses: `$KLS_HISTORY` when set (an empty value turns history off
    /// and gives nil), else `$XDG_STATE_HOME/kls/history` (when that is an absolute path),
    /// else `$HOME/.local/state/kls/history`. Nil also when no home directory is known.
    ///
    /// Only the default directory is created (mode 0700); `$KLS_HISTORY`'s directory must
    /// exist. Throws, so that the prompt keeps history in memory, when the file exists but is
    /// not a regular file (`/dev/zero`, a directory, a pipe) or its name holds a NUL.
    public static func defaultPath(
        environment: (String) -> String? = { name in getenv(name).map { String(cString: $0) } }
    ) throws(HistoryStoreError) -> String? {
        let path: String
        if let explicit = environment("KLS_HISTORY") {
            guard !explicit.isEmpty else { return nil }
            path = explicit
            if let problem = SafePath.problem(with: path) { throw HistoryStoreError("use", path, reason: problem) }
            var status = stat()
            let directory = parentDirectory(of: path)
            guard stat(directory, &status) == 0 else { throw HistoryStoreError("use", path, reason: "its directory \(directory) does not exist") }
        } else if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") {
            path = state + "/kls/history"
            try createDirectories(upTo: parentDirectory(of: path))
        } else if let home = environment("HOME"), home.hasPrefix("/") {
            path = home + "/.local/state/kls/history"
            try createDirectories(upTo: parentDirectory(of: path))
        } else {
            return nil
        }
        var status = stat()
        if stat(path, &status) == 0, let problem = problem(withFileMode: status.st_mode) {
            throw HistoryStoreError("use", path, reason: problem)
        }
        return path
    }

    /// The directory part of `path` ("." for a bare file name).
    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates `directory` and any missing parents, like `mkdir -p` (new ones get mode 0700).
    static func createDirectories(upTo directory: String) throws(HistoryStoreError) {
        var current = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw HistoryStoreError("create directory", current)
            }
        }
    }
}
