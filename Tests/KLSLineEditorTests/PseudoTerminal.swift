#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
@testable import KLSLineEditor

/// A pseudo-terminal whose slave side a `LineEditor` edits on while the test types at the
/// master side, as a user at a terminal would.
final class PseudoTerminal: @unchecked Sendable {
    private let master: Int32
    private let slavePath: String
    /// Everything the editor has written to the terminal.
    private(set) var output = ""

    init?() {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { return nil }
        guard let path = PseudoTerminal.unlockSlave(of: master) else {
            close(master)
            return nil
        }
        self.master = master
        slavePath = path
    }

    /// Unlocks the slave of `master` and returns its path (Linux's TIOCSPTLCK and TIOCGPTN,
    /// which Swift's Glibc module does not name: _IOW('T', 0x31, int), _IOR('T', 0x30, uint)).
    private static func unlockSlave(of master: Int32) -> String? {
        #if os(Linux)
        var locked: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, UInt(0x4004_5431), &locked) == 0,
              ioctl(master, UInt(0x8004_5430), &number) == 0 else { return nil }
        return "/dev/pts/\(number)"
        #else
        guard grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else { return nil }
        return String(cString: name)
        #endif
    }

    deinit {
        close(master)
    }

    /// A line editor on the slave side (TERM is set to xterm for libedit's terminal lookup).
    func makeEditor(historyFile: String? = nil) -> LineEditor? {
        setenv("TERM", "xterm", 1)
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { return nil }
        let writer = dup(slave)
        guard let input = fdopen(slave, "r"), let output = fdopen(writer, "w") else {
            close(slave)
            close(writer)
            return nil
        }
        return LineEditor(historyFile: historyFile, historyLimit: 100, colorPrompt: false,
                          input: input, output: output, closesStreams: true)
    }

    /// Runs `editor.readLine` on another thread, types `keys` once the prompt is shown (so
    /// the editor has put the terminal in its editing mode), then each of `more` once the
    /// editor has answered what came before (a mode key such as Ctrl-R must be read before
    /// the keys meant for its mode arrive, however loaded the machine), and returns the
    /// result; nil when it does not finish within `seconds`.
    func readLine(_ editor: LineEditor, prompt: String = "kls> ", typing keys: String, then more: [String] = [],
                  seconds: Double = 10) -> LineResult? {
        let run = EditorRun(editor)
        let start = output.utf8.count
        DispatchQueue.global().async { run.perform(prompt: prompt) }
        let deadline = DispatchTime.now() + seconds
        var typed = false, pending = more[...], answered = Int.max
        while DispatchTime.now() < deadline {
            drain()
            if !typed, String(decoding: output.utf8.dropFirst(start), as: UTF8.self).contains(prompt) {
                typed = true
                answered = output.utf8.count
                type(keys)
            }
            if typed, let next = pending.first, output.utf8.count > answered {
                pending = pending.dropFirst()
                answered = output.utf8.count
                type(next)
            }
            if run.finished.wait(timeout: .now() + 0.02) == .success {
                drain()
                return run.result
            }
        }
        return nil
    }

    private func type(_ keys: String) {
        var bytes = Array(keys.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress.map { $0 + sent }, $0.count - sent) }
            if count <= 0 { return }
            sent += count
        }
        bytes.removeAll()
    }

    private func drain() {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0 {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            output += String(decoding: buffer[0..<count], as: UTF8.self)
        }
    }
}

/// One `readLine` call run off the test's thread.
private final class EditorRun: @unchecked Sendable {
    let editor: LineEditor
    let finished = DispatchSemaphore(value: 0)
    var result: LineResult?

    init(_ editor: LineEditor) {
        self.editor = editor
    }

    func perform(prompt: String) {
        result = editor.readLine(prompt: prompt, continuation: false)
        finished.signal()
    }
}
