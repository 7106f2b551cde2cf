import CJupyter
import Foundation
import KLSREPL
import KLSRuntime

/// A Jupyter kernel for kls (messaging protocol 5.3): binds the five sockets of a connection
/// file and serves requests until a shutdown request.
///
/// Threads: the shell socket is served on the calling thread, which runs every cell (the
/// interpreter's one thread: see Package.swift); the control socket (interrupt, shutdown,
/// kernel_info) and the heartbeat each have their own thread, so they answer while a cell
/// runs; `IOPub` publishes from any of them under `iopubLock`.
public final class Kernel: @unchecked Sendable {
    let connection: ConnectionInfo
    let signer: MessageSigner
    let context = ZMQContext()
    let shell: ZMQSocket
    let control: ZMQSocket
    let stdin: ZMQSocket
    let heartbeat: ZMQSocket
    let iopub: IOPub
    /// This kernel's session id (in every header it sends).
    let session = UUID().uuidString.lowercased()
    /// Writes a line to the kernel's log (standard error, which Jupyter keeps in its own log).
    let log: @Sendable (String) -> Void
    /// Set once a shutdown has been requested; the shell loop then ends.
    private let stopLock = NSLock()
    private var stopRequested = false
    /// Signalled when a shutdown has let every queued message leave.
    private let finished = DispatchSemaphore(value: 0)
    /// The cells' prompt, its output and the history; touched by the shell thread only.
    var cells: CellRunner!

    /// Binds the sockets of `connection`.
    public init(connection: ConnectionInfo, log: @escaping @Sendable (String) -> Void = { Console.err.write("kls kernel: " + $0 + "\n") }) throws(ZMQError) {
        self.connection = connection
        self.log = log
        signer = MessageSigner(key: connection.key)
        shell = try ZMQSocket(context, type: ZMQ_ROUTER)
        control = try ZMQSocket(context, type: ZMQ_ROUTER)
        stdin = try ZMQSocket(context, type: ZMQ_ROUTER)
        heartbeat = try ZMQSocket(context, type: ZMQ_REP)
        let publisher = try ZMQSocket(context, type: ZMQ_PUB)
        try shell.bind(connection.endpoint(connection.shellPort))
        try control.bind(connection.endpoint(connection.controlPort))
        try stdin.bind(connection.endpoint(connection.stdinPort))
        try heartbeat.bind(connection.endpoint(connection.heartbeatPort))
        try publisher.bind(connection.endpoint(connection.iopubPort))
        iopub = IOPub(socket: publisher, signer: signer, session: session)
    }

    var isStopping: Bool {
        stopLock.lock()
        defer { stopLock.unlock() }
        return stopRequested
    }

    /// Serves until a shutdown request; returns the exit status (0). Call it on a thread with
    /// a large stack (`LargeStack.run`): cells run on it.
    public func run() -> Int32 {
        cells = CellRunner(iopub: iopub)
        let heartbeatThread = Thread { [self] in echoHeartbeats() }
        let controlThread = Thread { [self] in serveControl() }
        heartbeatThread.start()
        controlThread.start()
        cells.startFlushing()
        iopub.publish("status", ["execution_state": "starting"], parent: [:])
        serveShell()
        return 0
    }

    // MARK: Threads

    /// Sends every heartbeat straight back.
    private func echoHeartbeats() {
        while true {
            do {
                guard let ping = try heartbeat.receive() else { continue }
                try heartbeat.send(ping)
            } catch {
                if !error.isTermination { log("heartbeat: \(error)") }
                heartbeat.close()
                return
            }
        }
    }

    /// Serves the control socket: interrupts and shutdowns arrive here while a cell runs.
    private func serveControl() {
        while true {
            do {
                guard let frames = try control.receive() else { continue }
                guard let request = receive(frames, on: "control") else { continue }
                iopub.publish("status", ["execution_state": "busy"], parent: request.header)
                handleControl(request)
                // After a shutdown the process is ending: nothing more may be signed or sent.
                if isStopping { return }
                iopub.publish("status", ["execution_state": "idle"], parent: request.header)
            } catch {
                if !error.isTermination { log("control: \(error)") }
                control.close()
                return
            }
        }
    }

    /// Serves the shell socket on this thread until a shutdown.
    private func serveShell() {
        while !isStopping {
            do {
                guard let frames = try shell.receive(timeoutMilliseconds: 100) else { continue }
                guard let request = receive(frames, on: "shell") else { continue }
                handleShell(request)
            } catch {
                if !error.isTermination { log("shell: \(error)") }
                break
            }
        }
        cells.stopFlushing()
        shell.close()
        stdin.close()
        iopub.close()
        _ = finished.wait(timeout: .now() + 2)
    }

    /// Decodes a received message; a malformed or wrongly signed one is logged and dropped.
    func receive(_ frames: [[UInt8]], on channel: String) -> WireMessage? {
        do {
            return try WireMessage(frames: frames, signer: signer)
        } catch {
            log("\(channel): dropped a message: \(error)")
            return nil
        }
    }

    /// Sends a reply of `type` to `request` on `socket`.
    func reply(_ type: String, _ content: JSONObject, to request: WireMessage, on socket: ZMQSocket) {
        let message = WireMessage(identities: request.identities, header: WireMessage.header(type: type, session: session),
                                  parentHeader: request.header, content: content)
        do { try socket.send(message.frames(signer: signer)) } catch { log("cannot reply \(type): \(error)") }
    }

    // MARK: Control

    /// kernel_info, interrupt and shutdown (the requests a control socket serves without
    /// touching the session, which belongs to the shell thread).
    private func handleControl(_ request: WireMessage) {
        switch request.type {
        case "kernel_info_request":
            reply("kernel_info_reply", KernelInfo.content, to: request, on: control)
        case "interrupt_request":
            Interrupts.requested = true
            reply("interrupt_reply", ["status": "ok"], to: request, on: control)
        case "shutdown_request":
            let restart = request.content["restart"] as? Bool ?? false
            reply("shutdown_reply", ["status": "ok", "restart": restart], to: request, on: control)
            iopub.publish("status", ["execution_state": "idle"], parent: request.header)
            shutDown()
        case "comm_info_request":
            reply("comm_info_reply", ["status": "ok", "comms": [String: Any]()], to: request, on: control)
        default:
            log("control: unknown message type '\(request.type)': ignored")
        }
    }

    /// Stops the running cell and the shell loop and lets queued messages (the reply) leave;
    /// `run` then returns.
    private func shutDown() {
        stopLock.lock()
        stopRequested = true
        stopLock.unlock()
        Interrupts.requested = true
        // A cell that does not stop soon (a long call into a library) must not keep the kernel alive.
        Thread.detachNewThread { usleep(3_000_000); _exit(0) }
        control.close()
        context.shutdown()
        context.terminate()
        finished.signal()
    }
}
