#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KLSBase

/// A failed history file operation, with the path and the system's reason.
public struct HistoryStoreError: Error, CustomStringConvertible, Sendable {
    /// What failed, e.g. `cannot open /home/me/.local/state/kls/history: Permission denied`.
    public let description: String

    init(_ action: String, _ path: String, errno code: Int32 = errno) {
        self.init(action, path, reason: String(cString: strerror(code)))
    }

    init(_ action: String, _ path: String, reason: String) {
        description = "cannot \(action) \(ControlCharacters.escaped(path)): \(reason)"
    }
}

/// The persistent history file, shared safely by any number of prompts open at once.
///
/// Every change takes an exclusive `flock` on `<path>.lock` (a separate file, because the
/// history file itself is replaced), reads the file, merges, writes `<path>.tmp.<pid>`,
/// `fsync`s it and renames it over the file; so readers see the old or the new file, never
/// a torn one, and no session's entries are lost. The format is `HistoryFormat`'s.
public struct HistoryStore: Sendable {
    /// The history file.
    public let path: String
    /// The most entries kept (the newest ones).
    public let limit: Int

    /// A store for the history file at `path` keeping at most `limit` entries.
    public init(path: String, limit: Int = 10_000) {
        self.path = path
        self.limit = max(limit, 0)
    }

    /// The saved entries, oldest first, de-duplicated (a repeated entry counts at its last
    /// use) and at most `limit`; empty when the file does not exist yet. The file is read
    /// under a shared lock, or without one when the lock file cannot be opened (for
    /// instance in a read-only directory).
    public func load() throws(HistoryStoreError) -> [String] {
        let lock = try? Lock(path: path + ".lock", exclusive: false)
        defer { lock?.release() }
        return HistoryStore.merged(try readEntries(), limit: limit)
    }

    /// Adds `entry` as the newest entry (an earlier equal entry is removed), merged with
    /// whatever other sessions have saved meanwhile. Blank entries are ignored.
    public func add(_ entry: String) throws(HistoryStoreError) {
        guard let entry = HistoryStore.normalized(entry) else { return }
        let lock = try Lock(path: path + ".lock", exclusive: true)
        defer { lock.release() }
        let existing = try readEntries()
        let merged = HistoryStore.merged(existing + [entry], limit: limit)
        if merged != existing {
            try replaceFile(with: HistoryFormat.encode(merged))
        }
    }

    /// `entries` with each repeated entry kept only at its last position, then only the
    /// newest `limit` of them.
    public static func merged(_ entries: [String], limit: Int) -> [String] {
        var seen = Set<String>()
        var newestFirst: [String] = []
        for entry in entries.reversed() where newestFirst.count < limit {
            if seen.insert(entry).inserted { newestFirst.append(entry) }
        }
        return newestFirst.reversed()
    }

    /// `entry` without its trailing newlines, or nil when nothing but white space is left.
    static func normalized(_ entry: String) -> String? {
        var trimmed = Substring(entry)
        while let last = trimmed.last, last == "\n" || last == "\r\n" || last == "\r" {
            trimmed.removeLast()
        }
        return trimmed.allSatisfy(\.isWhitespace) ? nil : String(trimmed)
    }

    private func readEntries() throws(HistoryStoreError) -> [String] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if descriptor < 0 {
            if errno == ENOENT { return [] }
            throw HistoryStoreError("open", path)
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) != 0 { throw HistoryStoreError("read", path) }
        if let problem = HistoryStore.problem(withFileMode: status.st_mode) { throw HistoryStoreError("use", path, reason: problem) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw HistoryStoreError("read", path)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return HistoryFormat.decode(String(decoding: bytes, as: UTF8.self))
    }

    /// Replaces the file with `text`, whole or not at all (`AtomicFile`, synced to disk).
    private func replaceFile(with text: String) throws(HistoryStoreError) {
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(Array(text.utf8), to: path, mode: 0o600, sync: true)
        } catch {
            throw HistoryStoreError("write", path, reason: error.reason)
        }
    }

    /// Why a history file of mode `mode` (from `stat`) cannot be used, or nil for a regular file.
    static func problem(withFileMode mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "it is a directory, not a regular file"
        case S_IFCHR, S_IFBLK: return "it is a device, not a regular file"
        case S_IFIFO: return "it is a pipe, not a regular file"
        default: return "it is not a regular file"
        }
    }
}

/// An advisory `flock` on a lock file, held until `release()`.
private struct Lock {
    private let descriptor: Int32

    init(path: String, exclusive: Bool) throws(HistoryStoreError) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw HistoryStoreError("open", path) }
        while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno == EINTR { continue }
            let failure = HistoryStoreError("lock", path)
            close(descriptor)
            throw failure
        }
    }

    func release() {
        close(descriptor)
    }
}
