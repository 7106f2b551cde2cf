import Foundation
import KLSBase

/// Creating output files with ordinary permissions (rw-r--r--, less the umask), whole or
/// not at all, and turning failures into `PlotError`s.
enum FileOutput {
    /// Mode of created files: 0644.
    static let mode: mode_t = 0o644

    /// Opens `path` for writing, creating or truncating it; returns the descriptor.
    static func create(_ path: String) throws(PlotError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        return descriptor
    }

    /// Writes `bytes` as the whole new content of `path` (atomically: see `AtomicFile`).
    static func write(_ bytes: [UInt8], to path: String) throws(PlotError) {
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(bytes, to: path, mode: mode)
        } catch {
            throw .cannotWrite(path: path, reason: reason(afterFailureOf: error.reason, path: path))
        }
    }

    /// Writes `path` whole or not at all: `body` fills the temporary file it is given, which
    /// then replaces `path` (see `AtomicFile`); errors name `path`, not the temporary.
    static func atomically(_ path: String, _ body: (_ temporaryPath: String) throws(PlotError) -> Void) throws(PlotError) {
        try AtomicFile.write(to: path, { (temporary: String) throws(PlotError) in
            do throws(PlotError) {
                try body(temporary)
            } catch .cannotWrite(_, let reason) {
                throw .cannotWrite(path: path, reason: reason)
            }
        }, failure: { .cannotWrite(path: path, reason: reason(afterFailureOf: $0.reason, path: path)) })
    }

    /// A reason for a failed write by a library that reports only `libraryMessage`: the system's
    /// reason when the path's directory is missing or not writable, or the path is an unwritable
    /// file or a directory; else the library message.
    static func reason(afterFailureOf libraryMessage: String, path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let target = directory.isEmpty ? "." : directory
        if access(target, W_OK) != 0 { return String(cString: strerror(errno)) }
        if access(path, F_OK) == 0, access(path, W_OK) != 0 { return String(cString: strerror(errno)) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return String(cString: strerror(EISDIR))
        }
        return libraryMessage
    }
}
