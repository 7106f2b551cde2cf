import XCTest
import KLSLineEditor
@testable import KLSREPL
import KLSRuntime

/// A prompt embedded in a front end (the Jupyter kernel): what a cell prints, shows, draws
/// and fails with reaches the front end's hooks, not the terminal.
final class PromptCellsTests: XCTestCase {
    final class Capture {
        var out = "", err = "", values: [String] = [], failures: [String] = [], pictures: [String] = []
    }

    func embedded() -> (Prompt, Capture) {
        let c = Capture()
        let output = PromptOutput(out: { c.out += $0 }, err: { c.err += $0 },
                                  value: { c.values.append(ValueFormatter.display($0)) },
                                  failure: { failure in
                                      switch failure {
                                      case .interrupted(let message): c.failures.append(message)
                                      case .error(_, let shown): c.failures.append(shown)
                                      }
                                  },
                                  display: { item in
                                      if case .figure(let figure, let width, let height) = item {
                                          c.pictures.append("\(figure.panels.count) panel \(width)x\(height)")
                                      }
                                  })
        return (Prompt(output: output), c)
    }

    func testPrintsValuesAndVariablesPersist() {
        let (prompt, c) = embedded()
        prompt.runCell("x = 20\nprint(\"x is\", x)", name: "In[1]")
        prompt.runCell("x + 1", name: "In[2]")
        XCTAssertEqual(c.out, "x is 20\n")
        XCTAssertEqual(c.values, ["21"])
        XCTAssertEqual(prompt.interpreter.global("ans").map(ValueFormatter.display), "21")
    }

    func testErrorsNameTheCellWithLineColumnAndCaret() {
        let (prompt, c) = embedded()
        prompt.runCell("y = 1\ny + nosuch", name: "In[7]")
        XCTAssertEqual(c.failures.count, 1)
        XCTAssertTrue(c.failures[0].hasPrefix("In[7]:2:5: error: "), c.failures[0])
        XCTAssertTrue(c.failures[0].contains("  y + nosuch\n      ^~~~~~"), c.failures[0])
        XCTAssertEqual(c.err, "")
    }

    func testCommandsWorkInACell() {
        let (prompt, c) = embedded()
        prompt.runCell("z = [1, 2]", name: "In[1]")
        prompt.runCell(":vars", name: "In[2]")
        XCTAssertTrue(c.out.contains("z"), c.out)
        prompt.runCell(":type", name: "In[3]")
        XCTAssertTrue(c.err.hasPrefix("usage: :type EXPR"), c.err)
        prompt.runCell(":help linspace", name: "In[4]")
        XCTAssertTrue(c.out.contains("linspace("), c.out)
        XCTAssertFalse(c.out.contains("\u{1B}["), "no colour escapes in a notebook")
    }

    func testPlotsGoToTheDisplay() {
        let (prompt, c) = embedded()
        prompt.runCell("plot(x -> x^2, -1, 1);", name: "In[1]")
        XCTAssertEqual(c.pictures, ["1 panel 640x420"])
        XCTAssertEqual(c.out, "", "no braille text when a display is installed")
    }

    /// Offsets are UTF-8 offsets into the whole cell; `\mu` completes to μ.
    func testCompletionsAcrossLines() throws {
        let (prompt, _) = embedded()
        let cell = "a = 1\nb = linsp"
        let result = try XCTUnwrap(prompt.completions(in: cell, cursor: cell.utf8.count))
        XCTAssertEqual(result.candidates, ["linspace("])
        XCTAssertEqual(result.replacing, 10..<15)
        let greek = try XCTUnwrap(prompt.completions(in: "σ = \\mu", cursor: "σ = \\mu".utf8.count))
        XCTAssertEqual(greek.candidates, ["μ"])
        XCTAssertEqual(greek.replacing, 5..<8)
    }

    func testHelpForTheNameAtTheCursor() {
        let (prompt, _) = embedded()
        XCTAssertTrue(prompt.help(in: "x = linspace(0, 1", cursor: 8)?.contains("linspace(") ?? false)
        XCTAssertTrue(prompt.help(in: "x = linspace(0, ", cursor: 16)?.contains("linspace(") ?? false)
        XCTAssertNil(prompt.help(in: "nosuchname", cursor: 4))
    }

    /// Brackets inside strings of either quote and inside comments do not count.
    func testOpenBracketsSkipStringsAndComments() {
        XCTAssertEqual(OpenBrackets.depth("x = [')', \"(\", # ]\n  1,"), 1)
        XCTAssertEqual(OpenBrackets.waitingFor("f(1,\n  [2, ']'"), "waiting for ']' to close the '[' at line 2, column 3")
        XCTAssertEqual(OpenBrackets.waitingFor("s = 'ab\ncd"), "waiting for the closing ' of a string")
        XCTAssertEqual(OpenBrackets.waitingFor("1 +"), "waiting for the rest of the expression")
        XCTAssertEqual(Prompt.completeness(of: "x = [')',"), .incomplete(indent: "  "))
    }
}
