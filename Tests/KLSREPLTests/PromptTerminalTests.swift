import Foundation
import Testing

/// The prompt end to end: `pty/test_prompt.py` types at the real `kls` binary on a
/// pseudo-terminal (Python's pexpect) — editing, continuation, paste, history across runs,
/// Ctrl-R, completion, `\mu`, every `:command`, `ans` and `;`, errors, colour, Ctrl-C during
/// a loop and at the prompt, Ctrl-D, and stdin that is not a terminal. One test per check.
/// Serialized: the checks time Ctrl-C and share the machine's two cores.
@Suite(.serialized) struct PromptTerminalTests {
    /// The checks of the harness (a test below keeps this list equal to the script's).
    static let checks = [
        "ans_and_semicolon", "banner", "color", "completion", "continuation", "ctrl_c_at_prompt", "ctrl_d",
        "editing", "entry_numbers", "errors", "explore", "fit_interrupt", "help", "history_across_runs", "history_search",
        "interrupt", "interrupt_builtin", "lesson", "load", "paste", "quit", "stdin_script", "time", "utf8", "vars_type_reset",
    ]

    @Test(.enabled(if: Harness.pythonProblem == nil, Harness.skipComment), arguments: checks)
    func check(_ name: String) throws {
        let run = try Harness.run([name])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("ok \(name)"), "\(run.output)")
    }

    @Test(.enabled(if: Harness.pythonProblem == nil, Harness.skipComment))
    func everyCheckOfTheScriptRuns() throws {
        let run = try Harness.run(["--list"])
        #expect(run.status == 0)
        let listed = run.output.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("kls binary: ") }
        #expect(listed.sorted() == Self.checks.sorted())
    }
}

/// Finds python3 with pexpect and the built `kls`, and runs the harness script.
enum Harness {
    /// The package's root: this file is Tests/KLSREPLTests/PromptTerminalTests.swift.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let script = root.appendingPathComponent("Tests/KLSREPLTests/pty/test_prompt.py").path

    static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// `$KLS_BINARY`, else the newer of .build/debug/kls and .build/release/kls. `swift test`
    /// does not link executables: `swift build` (or `scripts/test`, which builds the release
    /// binary first) must have made it.
    static let binary: String? = {
        if let explicit = ProcessInfo.processInfo.environment["KLS_BINARY"] { return explicit }
        let candidates = ["debug", "release"].map { root.appendingPathComponent(".build/\($0)/kls").path }
        let dated = candidates.compactMap { path -> (String, Date)? in
            guard FileManager.default.isExecutableFile(atPath: path), let date = modificationDate(path) else { return nil }
            return (path, date)
        }
        return dated.max { $0.1 < $1.1 }?.0
    }()

    /// Why python3 with pexpect cannot run here (the tests are then skipped), or nil.
    static let pythonProblem: String? = {
        guard let probe = try? execute(["python3", "-c", "import pexpect"], timeout: 60) else {
            return "python3 is not installed"
        }
        return probe.status == 0 ? nil : "the Python module pexpect is not installed (pip install pexpect)"
    }()

    static var skipComment: Comment { Comment(rawValue: "skipped: \(pythonProblem ?? "")") }

    /// Runs the script with these arguments after the binary (named in the output, so a
    /// failure shows which build was tested); fails the test when there is no binary.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let binary = try #require(binary, "no kls binary under .build/debug or .build/release: run `swift build` first")
        let run = try execute(["python3", script, binary] + arguments, timeout: 600)
        return (run.status, "kls binary: \(binary)\n" + run.output)
    }
    /// Runs a command (found on PATH) with stdout and stderr captured together; stops it after
    /// `timeout` seconds.
    static func execute(_ command: [String], timeout: TimeInterval) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + timeout
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: deadline, execute: watchdog)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
