import Foundation

/// The kernel's broadcast socket: status, streams, inputs, results, displays and errors,
/// sent from the shell thread, the control thread and the stream flusher under one lock.
final class IOPub: @unchecked Sendable {
    private let socket: ZMQSocket
    private let signer: MessageSigner
    private let session: String
    private let lock = NSLock()
    private var closed = false

    init(socket: ZMQSocket, signer: MessageSigner, session: String) {
        self.socket = socket
        self.signer = signer
        self.session = session
    }

    /// Publishes a message of `type` with `content`, in reply to the request whose header is `parent`.
    func publish(_ type: String, _ content: JSONObject, parent: JSONObject) {
        let message = WireMessage(identities: [Array("kernel.\(session).\(type)".utf8)],
                                  header: WireMessage.header(type: type, session: session),
                                  parentHeader: parent, content: content)
        let frames = message.frames(signer: signer)
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        try? socket.send(frames)
    }

    /// Closes the socket; later messages are dropped.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        closed = true
        socket.close()
    }
}
