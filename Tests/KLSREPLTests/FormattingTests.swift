import KLSRuntime
import KLSSyntax
import Testing
@testable import KLSREPL

/// Small pieces of the prompt's output: wall times, one-line previews, function sources,
/// colours, error hints.
struct FormattingTests {
    @Test func wallTimes() {
        #expect(Durations.format(seconds: 8.5e-7) == "850 ns")
        #expect(Durations.format(seconds: 1.234e-5) == "12.3 µs")
        #expect(Durations.format(seconds: 0.004561) == "4.56 ms")
        #expect(Durations.format(seconds: 0.9999) == "1 s")
        #expect(Durations.format(seconds: 1.5) == "1.5 s")
        #expect(Durations.format(seconds: 12.34) == "12.3 s")
        #expect(Durations.format(seconds: 125.3) == "2 min 5.3 s")
        #expect(Durations.format(seconds: 0) == "0 ns")
        #expect(Durations.format(seconds: -1) == "?")
        #expect(Durations.format(seconds: .nan) == "?")
    }

    @Test func oneLinePreviews() {
        #expect(Prompt.oneLine("[[1, 2],\n [3, 4]]", width: 80) == "[[1, 2], [3, 4]]")
        #expect(Prompt.oneLine("abcdefghij", width: 5) == "abcd…")
    }

    @Test func functionSourcesEndWhereTheDefinitionEnds() {
        func end(_ text: String, from start: Int = 0) -> String {
            let s = Array(text.unicodeScalars)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s[start..<FunctionSource.end(in: s, from: start)])
            return String(view)
        }
        #expect(end("f(x) = x^2 + 1\ny = 2") == "f(x) = x^2 + 1")
        #expect(end("fn g(a) {\n  return a  # }\n}\nz") == "fn g(a) {\n  return a  # }\n}")
        #expect(end("map(v, x -> x + 1)", from: 7) == "x -> x + 1")
        #expect(end("apply(x -> x, 3)", from: 6) == "x -> x")
        #expect(end("f(x) = x +\n  1\nnext") == "f(x) = x +\n  1")
        #expect(end("s(x) = \"a)b\" + x; t = 1") == "s(x) = \"a)b\" + x")
    }

    @Test func coloursByKindOnlyWhenEnabled() {
        let on = Palette(enabled: true), off = Palette(enabled: false)
        #expect(on.paint("3", as: .number(3)) == "\u{1B}[36m3\u{1B}[0m")
        #expect(on.paint("\"s\"", as: .string("s")) == "\u{1B}[32m\"s\"\u{1B}[0m")
        #expect(on.paint("true", as: .bool(true)) == "\u{1B}[33mtrue\u{1B}[0m")
        #expect(off.paint("3", as: .number(3)) == "3")
        #expect(off.error.isEmpty && off.reset.isEmpty)
    }

    @Test func colourFollowsNoColorAndTerminal() {
        // Standard input of the test runner is not a terminal: never colour.
        #expect(!Palette.forDescriptor(-1, environment: ["TERM": "xterm"]).enabled)
    }

    @Test func hintsForErrorsAtABuiltinsName() {
        let registry = BuiltinRegistry.standard()
        let file = SourceFile(name: "<prompt>", text: "sqrt(1, 2) + x")
        let atSqrt = Diagnostic(.runtime, "sqrt takes 1 argument (got 2)", at: SourceSpan(0, 4), in: file)
        #expect(ErrorHint.hint(for: atSqrt, registry: registry) == "hint: :help sqrt shows its parameters and an example")
        let atX = Diagnostic(.resolve, "undefined name 'x'", at: SourceSpan(13, 14), in: file)
        #expect(ErrorHint.hint(for: atX, registry: registry) == nil)
        let atPi = Diagnostic(.runtime, "pi is a constant", at: SourceSpan(0, 2), in: SourceFile(name: "<prompt>", text: "pi(2)"))
        #expect(ErrorHint.hint(for: atPi, registry: registry) == nil)
    }

    @Test func bannerIsOneLineWithVersionAndHelp() {
        let text = Banner.text(palette: Palette(enabled: false))
        #expect(text.hasPrefix("kls \(KLSVersion.string) "))
        #expect(text.contains(":help"))
        #expect(text.filter { $0 == "\n" }.count == 1 && text.hasSuffix("\n"))
    }

    @Test func fieldsForCompletion() {
        #expect(ValueFacts.fieldNames(of: .number(1)) == ["shape"])
        let record = Record(name: "Fit", fields: [("params", .number(1)), ("losses", .number(2))])
        #expect(ValueFacts.fieldNames(of: .object(record)) == ["params", "losses"])
        #expect(ValueFacts.fieldNames(of: .string("s")).isEmpty)
    }
}
