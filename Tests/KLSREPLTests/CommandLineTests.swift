import Foundation
import Testing

/// The command line as the contract describes it, run against the built `kls` binary.
@Suite(.serialized)
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs kls with `arguments` and `stdin`; `interruptAfter` sends SIGINT after that many seconds.
    func kls(_ arguments: [String], stdin: String = "", directory: URL? = nil, interruptAfter: Double? = nil) throws -> Run {
        let binary = try #require(Harness.binary, "no kls binary: run `swift build` first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        if let interruptAfter {
            Thread.sleep(forTimeInterval: interruptAfter)
            kill(process.processIdentifier, SIGINT)
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func script(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kls-cli-\(UUID().uuidString).kls")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func evaluatePrintsTheLastValue() throws {
        let r = try kls(["-e", "x = 2\nx^10"])
        #expect(r.status == 0 && r.stdout == "1024\n")
        #expect(try kls(["-e", "\"hi\""]).stdout == "\"hi\"\n")
        #expect(try kls(["-e", "x = 1"]).stdout == "")
        #expect(try kls(["-e", "[0.5, 0.25]"]).stdout == "[0.5, 0.25]\n")
    }

    @Test func stdinRunsAsAScript() throws {
        let r = try kls([], stdin: "print(1 + 1)\n3\n")
        #expect(r.status == 0 && r.stdout == "2\n")
    }

    @Test func scriptsGetTheirArguments() throws {
        let file = try script("print(len(ARGS), ARGS[0])")
        let r = try kls([file.path, "alpha", "beta"])
        #expect(r.status == 0 && r.stdout == "2 alpha\n")
    }

    @Test func uncaughtErrorsShowFileLineColumnAndCaret() throws {
        let file = try script("x = 1\ny = x + nope\n")
        let r = try kls([file.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(file.path):2:9: error: undefined name 'nope'"))
        #expect(r.stderr.contains("  y = x + nope\n          ^~~~"))
    }

    @Test func runtimeErrorsExitOneAfterEarlierOutput() throws {
        let file = try script("print(\"before\")\nassert(1 == 2, \"no\")\n")
        let r = try kls([file.path])
        #expect(r.status == 1 && r.stdout == "before\n")
        #expect(r.stderr.contains(":2:1: error: assertion failed: no"))
    }

    @Test func checkReportsEverySyntaxError() throws {
        let file = try script("a = * 1\nb = 2\nc = ) 3\nd = (4\n")
        let r = try kls(["--check", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.components(separatedBy: ": error: ").count - 1 == 3, "\(r.stderr)")
        let good = try script("f(x) = x + 1\nprint(f(2))\n")
        let ok = try kls(["--check", good.path])
        #expect(ok.status == 0 && ok.stdout.isEmpty, "--check must not run the program")
    }

    @Test func missingFileIsAClearError() throws {
        let r = try kls(["/nonexistent/dir/x.kls"])
        #expect(r.status == 1 && r.stderr.contains("cannot open '/nonexistent/dir/x.kls'"))
    }

    @Test func versionAndHelp() throws {
        #expect(try kls(["--version"]).stdout.hasPrefix("0."))
        let help = try kls(["--help"])
        #expect(help.status == 0 && help.stdout.contains("--check"))
    }

    @Test func deepRecursionIsAnErrorNotACrash() throws {
        let r = try kls(["-e", "fn d(n) { if n == 0 { return 0 } return 1 + d(n - 1) }\nd(100000)"])
        #expect(r.status == 1 && r.stderr.contains("recursion too deep"), "\(r.status) \(r.stderr.prefix(300))")
    }

    @Test func ctrlCStopsAScriptWithStatus130() throws {
        let file = try script("print(\"started\")\ni = 0\nwhile true { i = i + 1 }\n")
        let r = try kls([file.path], interruptAfter: 1.0)
        #expect(r.status == 130 && r.stderr.contains("interrupted"), "\(r.status) \(r.stderr)")
        #expect(r.stdout == "started\n")
    }

    @Test func noColourCodesInPipes() throws {
        let r = try kls(["-e", "nope"])
        #expect(!r.stderr.contains("\u{1B}["))
    }
}
