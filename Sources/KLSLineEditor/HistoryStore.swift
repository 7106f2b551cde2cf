#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed history file operation, with the path and the system's reason.
public struct HistoryStoreError: Error, CustomStringConvertible, Sendable {
    /// What failed, e.g. `cannot open /home/me/.local/state/kls/history: Permission denied`.
    public let description: String

    init(_ action: String, _ path: String, errno code: Int32 = errno) {
        description = "cannot \(action) \(path): \(String(cString: strerror(code)))"
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
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return [] }
            throw HistoryStoreError("open", path)
        }
        defer { close(descriptor) }
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

    private func replaceFile(with text: String) throws(HistoryStoreError) {
        let temporary = "\(path).tmp.\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw HistoryStoreError("create", temporary) }
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes {
                write(descriptor, $0.baseAddress.map { $0 + written }, $0.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let failure = HistoryStoreError("write", temporary)
                close(descriptor)
                unlink(temporary)
                throw failure
            }
            written += count
        }
        bytes.removeAll()
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let failure = HistoryStoreError("write", temporary)
            unlink(temporary)
            throw failure
        }
        if rename(temporary, path) != 0 {
            let failure = HistoryStoreError("replace", path)
            unlink(temporary)
            throw failure
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
