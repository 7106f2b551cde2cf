import Foundation
import Testing
import KLSRuntime
import KLSSyntax

/// Runs every `Tests/*/Language/*.kls` file, in the usual mode and in plain mode
/// (`Interpreter.plain`: no evaluator specialisation): both must meet the file's
/// expectations and print and report exactly the same. Expectations live in the file as
/// comments (as Crafting Interpreters' test suite does):
///   `# expect: TEXT`        the next line of stdout is TEXT
///   `# expect error: TEXT`  the run fails with a message containing TEXT …
///   `# at: LINE:COL`        … located at LINE:COL
///   `# expect warning: TEXT` the next warning line (stderr) contains TEXT; a file without
///                           these must run without warnings
struct LanguageFileTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// Paths under Tests/, e.g. `KLSRuntimeTests/Language/control.kls`.
    static var files: [String] {
        let targets = ((try? FileManager.default.contentsOfDirectory(atPath: tests.path)) ?? []).sorted()
        return targets.flatMap { target -> [String] in
            let directory = tests.appendingPathComponent(target).appendingPathComponent("Language")
            return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
                .filter { $0.hasSuffix(".kls") }.sorted().map { "\(target)/Language/\($0)" }
        }
    }

    @Test(arguments: files)
    func languageFile(_ path: String) throws {
        let source = try String(contentsOf: Self.tests.appendingPathComponent(path), encoding: .utf8)
        let name = (path as NSString).lastPathComponent
        var expectedOutput: [String] = []
        var expectedError: String?
        var expectedLocation: String?
        var expectedWarnings: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if let r = line.range(of: "# expect: ") { expectedOutput.append(String(line[r.upperBound...])) }
            if let r = line.range(of: "# expect error: ") { expectedError = String(line[r.upperBound...]) }
            if let r = line.range(of: "# at: ") { expectedLocation = String(line[r.upperBound...]) }
            if let r = line.range(of: "# expect warning: ") { expectedWarnings.append(String(line[r.upperBound...])) }
        }
        let run = KLSTestRun(source, name: name), plain = KLSTestRun(source, name: name, plain: true)
        #expect(run.outputLines == expectedOutput, "stdout of \(name)")
        let warnings = run.warnings.split(separator: "\n").map(String.init)
        #expect(warnings.count == expectedWarnings.count, "warnings of \(name): \(run.warnings)")
        for (warning, expected) in zip(warnings, expectedWarnings) {
            #expect(warning.hasPrefix("warning: ") && warning.contains(expected), "\(name): warning should contain '\(expected)', got: \(warning)")
        }
        if let expectedError {
            #expect(run.errorText.contains(expectedError), "\(name): error should contain '\(expectedError)', got: \(run.errorText)")
            if let expectedLocation {
                #expect(run.errorText.contains("\(name):\(expectedLocation):"), "\(name): error at \(expectedLocation), got: \(run.errorText)")
            }
        } else {
            #expect(run.errorText.isEmpty, "\(name) failed: \(run.errorText)")
        }
        #expect(plain.output == run.output, "\(name): stdout in plain mode differs")
        #expect(plain.errorText == run.errorText, "\(name): error in plain mode differs")
        #expect(plain.summary == run.summary, "\(name): outcome in plain mode differs")
    }
}
