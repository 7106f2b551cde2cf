import CJupyter
import Foundation

/// A failed ZeroMQ call, with libzmq's message (`zmq_strerror`).
public struct ZMQError: Error, CustomStringConvertible {
    /// The call that failed, e.g. "bind tcp://127.0.0.1:5555".
    public let operation: String
    /// libzmq's errno value.
    public let code: Int32
    public var description: String { "\(operation): \(String(cString: zmq_strerror(code)))" }

    /// The error of the last failed libzmq call on this thread.
    static func last(_ operation: String) -> ZMQError { ZMQError(operation: operation, code: zmq_errno()) }

    /// True when the context is being shut down (every socket must close).
    var isTermination: Bool { code == ETERM }
}

/// One ZeroMQ context: the I/O thread all of a kernel's sockets share.
public final class ZMQContext: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    public init() {
        handle = zmq_ctx_new()
    }

    /// Makes every blocking call on the context's sockets return (`ETERM`), so their threads close them.
    public func shutdown() { zmq_ctx_shutdown(handle) }

    /// Waits until every socket is closed and its queued messages are sent (their linger time).
    public func terminate() {
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }
}

/// A ZeroMQ socket sending and receiving multipart messages of byte frames. A socket belongs
/// to one thread at a time; one shared between threads needs a lock around every use.
public final class ZMQSocket: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    private var closed = false

    /// A socket of `type` (`ZMQ_ROUTER`, `ZMQ_PUB`, `ZMQ_REP`, `ZMQ_DEALER`, `ZMQ_SUB`, …) in `context`.
    public init(_ context: ZMQContext, type: Int32) throws(ZMQError) {
        guard let socket = zmq_socket(context.handle, type) else { throw .last("socket") }
        handle = socket
        // Queued messages get one second to leave when the socket closes.
        setOption(ZMQ_LINGER, int32: 1000)
    }

    deinit { close() }

    /// Sets an integer socket option.
    public func setOption(_ option: Int32, int32 value: Int32) {
        var v = value
        zmq_setsockopt(handle, option, &v, MemoryLayout<Int32>.size)
    }

    /// Binds to `endpoint` ("tcp://127.0.0.1:5555", "ipc:///tmp/x"); with port 0 or `*` the
    /// system picks a port, which `lastEndpoint` tells.
    public func bind(_ endpoint: String) throws(ZMQError) {
        guard zmq_bind(handle, endpoint) == 0 else { throw .last("bind \(endpoint)") }
    }

    /// Connects to `endpoint`.
    public func connect(_ endpoint: String) throws(ZMQError) {
        guard zmq_connect(handle, endpoint) == 0 else { throw .last("connect \(endpoint)") }
    }

    /// The endpoint the socket was last bound to (with the chosen port).
    public var lastEndpoint: String {
        var buffer = [CChar](repeating: 0, count: 256)
        var size = buffer.count
        zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size)
        return cText(buffer)
    }

    /// Sends the frames as one multipart message (blocking only while the queue is full).
    public func send(_ frames: [[UInt8]]) throws(ZMQError) {
        for (i, frame) in frames.enumerated() {
            let flags = i == frames.count - 1 ? 0 : ZMQ_SNDMORE
            let sent = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
            if sent < 0 {
                if zmq_errno() == EINTR { continue }
                throw .last("send")
            }
        }
    }

    /// Receives one multipart message; nil when `timeoutMilliseconds` passes first
    /// (-1: wait for ever). A signal (EINTR) also returns nil, so callers re-check their state.
    public func receive(timeoutMilliseconds: Int = -1) throws(ZMQError) -> [[UInt8]]? {
        if timeoutMilliseconds >= 0, !(try poll(timeoutMilliseconds: timeoutMilliseconds)) { return nil }
        var frames: [[UInt8]] = []
        var more: Int32 = 1
        while more != 0 {
            var message = zmq_msg_t()
            zmq_msg_init(&message)
            defer { zmq_msg_close(&message) }
            if zmq_msg_recv(&message, handle, 0) < 0 {
                if zmq_errno() == EINTR, frames.isEmpty { return nil }
                if zmq_errno() == EINTR { continue }
                throw .last("receive")
            }
            let size = zmq_msg_size(&message)
            let data = zmq_msg_data(&message)
            frames.append(size == 0 ? [] : Array(UnsafeRawBufferPointer(start: data, count: size)))
            more = zmq_msg_more(&message)
        }
        return frames
    }

    /// Whether a message is waiting, after waiting at most `timeoutMilliseconds`.
    public func poll(timeoutMilliseconds: Int) throws(ZMQError) -> Bool {
        var item = zmq_pollitem_t(socket: handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
        let n = zmq_poll(&item, 1, timeoutMilliseconds)
        if n < 0 {
            if zmq_errno() == EINTR { return false }
            throw .last("poll")
        }
        return n > 0
    }

    /// Closes the socket (its queued messages leave within the linger time).
    public func close() {
        guard !closed else { return }
        closed = true
        zmq_close(handle)
    }
}

/// The text of a NUL-terminated C buffer.
func cText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
