import Foundation

/// File-name completion inside strings and after `:load`: lists one directory with
/// `readdir` (no per-entry `stat` unless the file system does not report the type).
enum FileNames {
    /// Splits a typed path into the directory to list and the partial name in it:
    /// `data/tr` → (`data/`, `tr`); `tr` → (`.`, `tr`); `~/x` lists the home directory.
    static func split(_ partial: String, home: String?) -> (directory: String, base: String) {
        guard let slash = partial.lastIndex(of: "/") else { return (".", partial) }
        var directory = String(partial[...slash])
        if directory.hasPrefix("~/"), let home { directory = home + directory.dropFirst(1) }
        return (directory, String(partial[partial.index(after: slash)...]))
    }

    /// Names in `directory` starting with `prefix`, sorted; directories end in `/`. Hidden
    /// entries (starting with `.`) only when the prefix starts with `.`; never `.` and `..`.
    static func matching(prefix: String, in directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." || !name.hasPrefix(prefix) { continue }
            if name.hasPrefix("."), !prefix.hasPrefix(".") { continue }
            names.append(isDirectory(entry.pointee.d_type, name: name, in: directory) ? name + "/" : name)
        }
        return names.sorted()
    }

    /// Whether a directory entry is a directory (following symbolic links).
    static func isDirectory(_ type: UInt8, name: String, in directory: String) -> Bool {
        if type == UInt8(DT_DIR) { return true }
        guard type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) else { return false }
        var info = stat()
        let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
