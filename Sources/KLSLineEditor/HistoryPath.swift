#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HistoryStore {
    /// The history file kls uses, with its directory created (mode 0700): `$KLS_HISTORY`
    /// when set (an empty value turns history off and gives nil), else
    /// `$XDG_STATE_HOME/kls/history` (when that is an absolute path), else
    /// `$HOME/.local/state/kls/history`. Nil also when no home directory is known.
    public static func defaultPath(
        environment: (String) -> String? = { name in getenv(name).map { String(cString: $0) } }
    ) throws(HistoryStoreError) -> String? {
        let path: String
        if let explicit = environment("KLS_HISTORY") {
            guard !explicit.isEmpty else { return nil }
            path = explicit
        } else if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") {
            path = state + "/kls/history"
        } else if let home = environment("HOME"), home.hasPrefix("/") {
            path = home + "/.local/state/kls/history"
        } else {
            return nil
        }
        try createDirectories(upTo: parentDirectory(of: path))
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
