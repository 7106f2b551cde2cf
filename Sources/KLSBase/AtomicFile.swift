#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files written whole or not at all: the content goes to a temporary file in the target's
/// directory, which is renamed over the target only once it is complete. A failed or
/// interrupted write leaves the old file (or none) and no temporary behind. `savefig`,
/// `animate(…, file=)` and the history file write this way.
public enum AtomicFile {
    /// A failed atomic write: what failed and the system's reason.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The system's reason (`strerror`) or the writer's own message.
        public let reason: String
        public var description: String { reason }

        public init(_ reason: String) { self.reason = reason }

        static func system(_ code: Int32 = errno) -> Failure { Failure(String(cString: strerror(code))) }
    }

    /// Writes the file at `path` through `body`, which is given the temporary file's path to
    /// fill (a library writing by name — cairo, giflib — can do that). When `body` returns,
    /// the temporary is renamed over `path`; when it throws, the temporary is removed and
    /// the error passes on. A failed rename, or a path `SafePath` refuses, is reported
    /// through `failure`.
    public static func write<E: Error>(
        to path: String, _ body: (_ temporaryPath: String) throws(E) -> Void, failure: (Failure) -> E
    ) throws(E) {
        if let problem = SafePath.problem(with: path) { throw failure(Failure(problem)) }
        let temporary = temporaryPath(for: path)
        unfinished.insert(temporary)
        defer { unfinished.remove(temporary) }
        do {
            try body(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let reason = Failure.system()
            unlink(temporary)
            throw failure(reason)
        }
    }

    /// Removes the temporary files of writes still in progress (on any thread). For a
    /// process about to end abruptly (a Ctrl-C the program did not answer in time): the
    /// targets keep their old content and no temporary is left behind.
    public static func removeUnfinished() {
        for temporary in unfinished.all() { unlink(temporary) }
    }

    /// Writes `bytes` as the whole content of `path`, a new file getting `mode` (less the
    /// umask); `sync` makes the data durable (`fsync`) before the rename.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644, sync: Bool = false) throws(Failure) {
        try write(to: path, { (temporary: String) throws(Failure) in
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            guard descriptor >= 0 else { throw .system() }
            var problem: Failure?
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count, let base = buffer.baseAddress {
                    let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        problem = .system()
                        return
                    }
                    offset += written
                }
            }
            if problem == nil, sync, fsync(descriptor) != 0 { problem = .system() }
            if close(descriptor) != 0, problem == nil { problem = .system() }
            if let problem { throw problem }
        }, failure: { $0 })
    }

    /// A name for the temporary file of `path`: hidden, in the same directory (so the rename
    /// stays on one file system), unique to this process and write.
    public static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let serial = unfinished.next()
        return "\(directory).\(name).tmp-\(getpid())-\(serial)"
    }

    private static let unfinished = Temporaries()
}

/// The temporaries of writes in progress and a serial number for their names, thread-safe.
private final class Temporaries: @unchecked Sendable {
    private var serial = 0
    private var paths: Set<String> = []
    private var lock = pthread_mutex_t()

    init() { pthread_mutex_init(&lock, nil) }

    func next() -> Int { locked { serial += 1; return serial } }
    func insert(_ path: String) { locked { _ = paths.insert(path) } }
    func remove(_ path: String) { locked { _ = paths.remove(path) } }
    func all() -> [String] { locked { Array(paths) } }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return body()
    }
}

/// write(2), named apart from `AtomicFile.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
