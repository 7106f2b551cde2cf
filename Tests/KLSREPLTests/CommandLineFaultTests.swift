import Foundation
import Testing

/// Issue 14's command-line findings, each run against the built `kls` binary (through
/// `/bin/sh` where a redirection is the point: `> /dev/full`, a closed stdout, `<(…)`).
extension CommandLineTests {
    /// Runs `command` with `sh -c`, `$KLS` being the binary.
    func shell(_ command: String) throws -> Run {
        let binary = try #require(Harness.binary, "no kls binary: run `swift build` first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.environment = ProcessInfo.processInfo.environment.merging(["KLS": binary]) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// `kls --check -e CODE` ran the code (it wrote a file); it only parses and resolves.
    @Test func checkWithCodeDoesNotRunIt() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("kls-check-\(UUID().uuidString).svg")
        let r = try kls(["--check", "-e", "plot([1, 2]); savefig(\"\(marker.path)\")\nprint(1)"])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r)")
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        let bad = try kls(["--check", "-e", "print(nope)"])
        #expect(bad.status == 1 && bad.stderr.contains("-e:1:7: error: undefined name 'nope'"), "\(bad)")
    }

    /// `kls --check` with no file and `kls -e` with no code: exit 64 with usage.
    @Test func missingOperandsAreUsageErrors() throws {
        for arguments in [["--check"], ["-e"]] {
            let r = try kls(arguments)
            #expect(r.status == 64 && r.stderr.contains("Usage: kls"), "\(arguments): \(r)")
        }
    }

    /// A script from a pipe (`kls <(echo 'print(1)')`) runs.
    @Test func scriptFromAProcessSubstitutionRuns() throws {
        let r = try shell(#""$KLS" <(echo 'print(1)')"#)
        #expect(r.status == 0 && r.stdout == "1\n", "\(r)")
    }

    /// A UTF-8 byte-order mark is skipped, and a lone CR ends a line (positions count lines so).
    @Test func byteOrderMarkAndCarriageReturns() throws {
        let file = try script("\u{FEFF}print(1)\rprint(2)\r\nprint(3)\rassert(1 == 2, \"line 4\")\r")
        let r = try kls([file.path])
        #expect(r.status == 1 && r.stdout == "1\n2\n3\n", "\(r)")
        #expect(r.stderr.contains(":4:1: error: assertion failed: line 4"), "\(r.stderr)")
    }

    /// Output that cannot be written is an error on stderr and exit 1 (it was exit 0).
    @Test func unwritableOutputIsAnError() throws {
        let full = try shell(#""$KLS" -e 'print(1)' > /dev/full"#)
        #expect(full.status == 1 && full.stderr.contains("No space left on device"), "\(full)")
        let loop = try shell(#""$KLS" -e 'while true { print(1) }' > /dev/full"#)
        #expect(loop.status == 1 && loop.stderr.contains("cannot write the output"), "a printing loop must stop: \(loop)")
        let closed = try shell(#""$KLS" -e 'print(1)' >&-"#)
        #expect(closed.status == 1 && closed.stderr.contains("Bad file descriptor"), "\(closed)")
        let silent = try shell(#""$KLS" -e 'x = 1' >&-"#)
        #expect(silent.status == 0 && silent.stderr.isEmpty, "nothing was lost: \(silent)")
    }

    /// A NUL in a file name never reaches the system: `savefig("victim.kls\0.svg")` wrote SVG
    /// into victim.kls.
    @Test func nulInAFileNameIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kls-nul-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "print(1)\n".write(to: dir.appendingPathComponent("victim.kls"), atomically: true, encoding: .utf8)
        for call in [#"savefig("victim.kls\0.svg", plot([1, 2]))"#, #"savefig("victim.kls\0.png", plot([1, 2]))"#,
                     #"animate(minimize((m, s) -> m^2 + s^2, [1, 1], steps=3), Normal(0, 1), file="victim.kls\0.gif")"#,
                     #"read_text("victim.kls\0.txt")"#, #"read_csv("victim.kls\0.csv")"#] {
            let r = try kls(["-e", call], directory: dir)
            #expect(r.status == 1 && r.stderr.contains("NUL"), "\(call): \(r)")
        }
        #expect(try String(contentsOf: dir.appendingPathComponent("victim.kls"), encoding: .utf8) == "print(1)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["victim.kls"])
    }

    /// The caret sits under the culprit when wide characters or combining marks come before it.
    @Test func caretUnderWideAndCombiningCharacters() throws {
        let wide = try kls(["-e", "x = \"日本語\" + nope"])
        #expect(wide.stderr.contains("  x = \"日本語\" + nope\n" + String(repeating: " ", count: 2 + 15) + "^~~~"), "\(wide.stderr)")
        let combining = try kls(["-e", "x = \"e\u{301}e\u{301}\" + nope"])
        #expect(combining.stderr.contains(String(repeating: " ", count: 2 + 11) + "^~~~"), "\(combining.stderr)")
    }

    /// Control characters are escaped in displayed strings and in error messages.
    @Test func controlCharactersAreEscaped() throws {
        let shown = try kls(["-e", #""a\rb\0c\u{1B}[2J""#])
        #expect(shown.stdout == #""a\rb\0c\u{1B}[2J""# + "\n", "\(shown)")
        let error = try kls(["-e", #"assert(false, "a\rb\u{1B}[2J")"#])
        #expect(error.status == 1 && error.stderr.contains(#"assertion failed: a\rb\u{1B}[2J"#), "\(error.stderr.debugDescription)")
        let source = try kls([try script("x = 1 +\u{0} 2\n").path])
        #expect(!source.stderr.contains("\u{0}") && source.stderr.contains("  x = 1 +\\0 2\n         ^~"), "\(source.stderr.debugDescription)")
    }

    /// The recursion traceback counts the real depth (it said ×50 at 10,000), and mutual
    /// recursion is folded too.
    @Test func recursionTracebackCountsTheRealDepth() throws {
        let r = try kls(["-e", "fn d(n) { return 1 + d(n + 1) }\nd(0)"])
        #expect(r.status == 1 && r.stderr.contains("(×9999)"), "\(r.stderr)")
        let mutual = try kls(["-e", "fn a(n) { return b(n) }\nfn b(n) { return a(n) }\na(0)"])
        #expect(mutual.stderr.contains("(these 2 calls ×4999)"), "\(mutual.stderr)")
        #expect(mutual.stderr.split(separator: "\n").count < 12, "\(mutual.stderr)")
    }
}
