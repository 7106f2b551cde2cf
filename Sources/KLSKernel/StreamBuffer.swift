import Foundation

/// Text a running cell prints, gathered and published as `stream` messages while the cell
/// runs: at once after a quiet spell, else every `interval`, so a long fit's prints arrive
/// as they happen without one message per line of a loop.
final class StreamBuffer: @unchecked Sendable {
    private let iopub: IOPub
    private let lock = NSLock()
    private var pending: [UInt8] = []
    private var name = "stdout"
    private var parent: JSONObject = [:]
    private var lastSent = DispatchTime(uptimeNanoseconds: 0)
    private var running = false
    /// Shortest time between two stream messages while text keeps coming.
    static let interval: UInt64 = 50_000_000

    init(iopub: IOPub) { self.iopub = iopub }

    /// The request the following text answers.
    func setParent(_ header: JSONObject) {
        flush()
        lock.lock()
        parent = header
        lock.unlock()
    }

    /// Adds text to stream `stream` ("stdout" or "stderr"); text of the other stream goes out first.
    func write(_ text: String, to stream: String) {
        lock.lock()
        if stream != name, !pending.isEmpty {
            sendLocked()
        }
        name = stream
        pending.append(contentsOf: text.utf8)
        let due = DispatchTime.now().uptimeNanoseconds - lastSent.uptimeNanoseconds >= Self.interval
        if due { sendLocked() }
        lock.unlock()
    }

    /// Publishes everything pending.
    func flush() {
        lock.lock()
        if !pending.isEmpty { sendLocked() }
        lock.unlock()
    }

    private func sendLocked() {
        let text = String(decoding: pending, as: UTF8.self)
        pending.removeAll(keepingCapacity: true)
        lastSent = DispatchTime.now()
        iopub.publish("stream", ["name": name, "text": text], parent: parent)
    }

    /// Starts the thread that publishes held-back text every `interval`.
    func start() {
        lock.lock()
        running = true
        lock.unlock()
        Thread.detachNewThread { [self] in
            while true {
                usleep(useconds_t(Self.interval / 1000))
                lock.lock()
                let go = running
                lock.unlock()
                guard go else { return }
                flush()
            }
        }
    }

    /// Stops that thread (after publishing what is pending).
    func stop() {
        flush()
        lock.lock()
        running = false
        lock.unlock()
    }
}
