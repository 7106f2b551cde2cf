import Foundation
import Testing
import KLSRuntime
import KLSSyntax

/// Runs every `Language/*.kls` file. Expectations live in the file as comments (as Crafting
/// Interpreters' test suite does):
///   `# expect: TEXT`        the next line of stdout is TEXT
///   `# expect error: TEXT`  the run fails with a message containing TEXT …
///   `# at: LINE:COL`        … located at LINE:COL
///   `# expect warning: TEXT` the next warning line (stderr) contains TEXT; a file without
///                           these must run without warnings
struct LanguageFileTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Language")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".kls") }.sorted()
    }

    @Test(arguments: files)
    func languageFile(_ name: String) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
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
        let run = KLSTestRun(source, name: name)
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
    }
}
