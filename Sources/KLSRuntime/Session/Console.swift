import Foundation

/// Buffered writing to a file descriptor (stdout, stderr) without C stdio globals.
/// A terminal gets each write at once; a pipe or file gets 64 KiB blocks. A write the
/// system refuses (a full disk, `> /dev/full`, a closed descriptor) is remembered in
/// `failure`: the program that printed stops with that error, and kls exits 1.
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
    private var firstFailure: String?
    /// The descriptor was closed when kls started (see `guardStandardDescriptors`).
    fileprivate var closedAtStart = false

    /// Why output was lost (the system's reason for the first failed write), or nil.
    public var failure: String? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    init(fd: Int32) {
        self.fd = fd
        self.isTerminal = isatty(fd) == 1
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends text; flushes when the buffer is full, or at once on a terminal or stderr.
    public func write(_ text: String) {
        lock.lock()
        if closedAtStart {
            if firstFailure == nil, !text.isEmpty { firstFailure = String(cString: strerror(EBADF)) }
            lock.unlock()
            return
        }
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
            if n <= 0 {
                if n < 0, errno == EINTR { continue }
                if firstFailure == nil { firstFailure = String(cString: strerror(n < 0 ? errno : EIO)) }
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

extension Console {
    /// Standard output and error as left by whatever started kls: a closed one is reopened on
    /// /dev/null, so no file kls opens later lands on descriptor 1 or 2 and receives the
    /// output, and standard output remembers the failure ("Bad file descriptor") for the
    /// first write.
    public static func guardStandardDescriptors() {
        for fd in [STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) < 0 && errno == EBADF {
            let placeholder = open("/dev/null", O_WRONLY)
            if placeholder >= 0, placeholder != fd { dup2(placeholder, fd); close(placeholder) }
            if fd == STDOUT_FILENO { out.closedAtStart = true }
        }
    }
}
