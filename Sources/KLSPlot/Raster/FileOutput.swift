import Foundation

/// Creating output files with ordinary permissions (rw-r--r--, less the umask) and
/// turning failures into `PlotError`s.
enum FileOutput {
    /// Mode of created files: 0644.
    static let mode: mode_t = 0o644

    /// Opens `path` for writing, creating or truncating it; returns the descriptor.
    static func create(_ path: String) throws(PlotError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        return descriptor
    }

    /// Writes `bytes` to a new file at `path`.
    static func write(_ bytes: [UInt8], to path: String) throws(PlotError) {
        let descriptor = try create(path)
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(path)
            throw .cannotWrite(path: path, reason: failure)
        }
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
