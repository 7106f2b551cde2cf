import Foundation
import Testing
import KLSRuntime

/// The proof every fast path of the evaluator owes (README, "Plain mode"): every example and
/// every shared acceptance script (those not in Tests/Acceptance/known-gaps.txt) runs through
/// the kls binary as it is and with `KLS_PLAIN=1`, and both runs print the same stdout and
/// stderr and exit with the same status. Each run gets a fresh copy of the script's folder
/// (data files included) as its working directory, so the figures a script writes land there.
struct PlainModeScriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `$KLS_BINARY` (set by scripts/test), else .build/debug/kls.
    static let binary: String? = {
        if let explicit = ProcessInfo.processInfo.environment["KLS_BINARY"] { return explicit }
        let debug = root.appendingPathComponent(".build/debug/kls").path
        return FileManager.default.isExecutableFile(atPath: debug) ? debug : nil
    }()

    /// ../shared/acceptance of the repository or of a folder above it (worktrees).
    static let acceptance: URL? = {
        var ancestor = root
        while ancestor.pathComponents.count > 1 {
            let candidate = ancestor.appendingPathComponent("shared/acceptance")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            ancestor = ancestor.deletingLastPathComponent()
        }
        return nil
    }()

    static func kls(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".kls") }.sorted().map { directory.appendingPathComponent($0).path }
    }

    /// Every example and every acceptance script that scripts/test runs.
    static var scripts: [String] {
        let gaps = Set(((try? String(contentsOf: root.appendingPathComponent("Tests/Acceptance/known-gaps.txt"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        var all = kls(in: root.appendingPathComponent("examples"))
        if let acceptance {
            all += (kls(in: acceptance) + kls(in: acceptance.appendingPathComponent("must_fail")))
                .filter { !gaps.contains(($0 as NSString).lastPathComponent) }
        }
        return all
    }

    struct Run: Equatable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `script` in `work`, a fresh copy of the script's folder.
    static func run(_ binary: String, _ script: String, plain: Bool, in work: URL) throws -> Run {
        let fm = FileManager.default
        try? fm.removeItem(at: work)
        try fm.copyItem(at: URL(fileURLWithPath: script).deletingLastPathComponent(), to: work)
        let out = work.appendingPathComponent(".stdout"), err = work.appendingPathComponent(".stderr")
        _ = fm.createFile(atPath: out.path, contents: nil)
        _ = fm.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [(script as NSString).lastPathComponent]
        process.currentDirectoryURL = work
        var environment = ProcessInfo.processInfo.environment
        environment["KLS_PLAIN"] = plain ? "1" : nil
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(600)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    @Test func scriptsAreFound() {
        #expect(Self.scripts.count >= 15, "examples and acceptance scripts: \(Self.scripts.count)")
    }

    @Test(arguments: scripts)
    func scriptRunsTheSameInPlainMode(_ script: String) throws {
        let binary = try #require(Self.binary, "no kls binary: run `swift build` first, or set KLS_BINARY")
        // Both runs in the same place, so messages that name the directory agree.
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kls-plain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let usual = try Self.run(binary, script, plain: false, in: work)
        let plain = try Self.run(binary, script, plain: true, in: work)
        #expect(plain.status == usual.status, "\(script): exit status")
        #expect(plain.stdout == usual.stdout, "\(script): stdout")
        #expect(plain.stderr == usual.stderr, "\(script): stderr")
    }
}
