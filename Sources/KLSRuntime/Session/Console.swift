import Foundation

/// Buffered writing to a file descriptor (stdout, stderr) without C stdio globals.
/// A terminal gets each write at once; a pipe or file gets 64 KiB blocks.
public final class Console: @unchecked Sendable {
    /// Standard output.
    public static let out = Console(fd: STDOUT_FILENO)
    /// Standard error (written through at once).
    public static let err = Console(fd: STDERR_FILENO)

    let fd: Int32
    private var buffer: [UInt8] = []
    /// Whether the descriptor is a terminal.
    public let isTerminal: Bool
    private let lock = NSLock()

    init(fd: Int32) {
        self.fd = fd
        self.isTerminal = isatty(fd) == 1
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends text; flushes when the buffer is full, or at once on a terminal or stderr.
    public func write(_ text: String) {
        lock.lock()
        buffer.append(contentsOf: text.utf8)
        let flushNow = isTerminal || fd == STDERR_FILENO || buffer.count >= 1 << 16
        lock.unlock()
        if flushNow { flush() }
    }

    /// Writes out everything buffered.
    public func flush() {
        lock.lock()
        defer { lock.unlock() }
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue }; break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
