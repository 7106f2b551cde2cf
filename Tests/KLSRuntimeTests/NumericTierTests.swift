import Testing
@testable import KLSRuntime

/// The numeric tier (functions whose bodies are numbers only, run over plain doubles) must
/// give exactly what the general code gives: the same printed numbers (nan, inf, −0 and
/// all), the same errors, the same effects. Random programs of such functions — calling
/// each other, recursing, with arguments that are sometimes not numbers — run both ways.
struct NumericTierTests {
    struct ProgramGenerator {
        var rng: SplitMix64
        static let literals = ["0", "1", "2", "0.5", "-3", "1e308", "3", "-0.0"]
        static let arithmetic = ["+", "-", "*", "/", "^", "%"]
        static let comparisons = ["<", "<=", ">", ">=", "==", "!="]

        mutating func expression(_ names: [String], depth: Int, calls: [(String, Int)]) -> String {
            let r = rng.int(0...99)
            if depth <= 0 || r < 25 { return rng.pick(names + Self.literals) }
            if r < 75 {
                let a = expression(names, depth: depth - 1, calls: calls), b = expression(names, depth: depth - 1, calls: calls)
                return "(\(a) \(rng.pick(Self.arithmetic)) \(b))"
            }
            if r < 85 { return "-" + expression(names, depth: depth - 1, calls: calls) }
            guard !calls.isEmpty else { return rng.pick(names) }
            let (callee, arity) = rng.pick(calls)
            var arguments = (0..<arity).map { _ in expression(names, depth: depth - 1, calls: calls) }
            if callee == "h" { arguments[0] = rng.pick(["0", "1", "3", "-1"]) }   // h recurses that deep
            return "\(callee)(\(arguments.joined(separator: ", ")))"
        }

        mutating func condition(_ names: [String], depth: Int, calls: [(String, Int)]) -> String {
            let r = rng.int(0...99)
            if depth <= 0 || r < 60 {
                let a = expression(names, depth: 1, calls: calls), b = expression(names, depth: 1, calls: calls)
                return "\(a) \(rng.pick(Self.comparisons)) \(b)"
            }
            if r < 80 {
                let a = condition(names, depth: depth - 1, calls: calls), b = condition(names, depth: depth - 1, calls: calls)
                return "(\(a)) \(rng.chance(0.5) ? "and" : "or") (\(b))"
            }
            return "not (\(condition(names, depth: depth - 1, calls: calls)))"
        }

        /// Three functions — f(a, b) with no calls, h(n, x) recursing n levels and calling
        /// f, g(x) calling both — and prints of them on numbers, vectors and extremes.
        mutating func program() -> String {
            let f = "fn f(a, b) {\n  if \(condition(["a", "b"], depth: 2, calls: [])) { return \(expression(["a", "b"], depth: 3, calls: [])) }\n  return \(expression(["a", "b"], depth: 3, calls: []))\n}"
            let h = "fn h(n, x) {\n  if n <= 0 { return \(expression(["x"], depth: 2, calls: [("f", 2)])) }\n  return h(n - 1, \(expression(["x", "n"], depth: 2, calls: [("f", 2)]))) + \(expression(["x"], depth: 2, calls: []))\n}"
            let g = "fn g(x) {\n  if \(condition(["x"], depth: 2, calls: [("f", 2)])) { return \(expression(["x"], depth: 3, calls: [("f", 2), ("h", 2)])) }\n  if \(condition(["x"], depth: 1, calls: [])) { return h(3, x) }\n  return \(expression(["x"], depth: 3, calls: [("f", 2)]))\n}"
            let arguments = ["0", "1", "-2", "0.5", "7", "1e300", "[1, 2]", "-0.0", "nan"]
            var lines = [f, h, g]
            for _ in 0..<6 {
                lines.append("print(g(\(rng.pick(arguments))), f(\(rng.pick(arguments)), \(rng.pick(arguments))), h(\(rng.pick(["0", "1", "2", "5"])), \(rng.pick(arguments))))")
            }
            return lines.joined(separator: "\n")
        }
    }

    @Test func randomNumericProgramsAgreeWithTheGeneralCode() {
        var generator = ProgramGenerator(rng: SplitMix64(seed: 0x6e75_6d65_7269_63))
        for _ in 0..<150 {
            let source = generator.program()
            let numeric = KLSTestRun(source), general = KLSTestRun(source, plain: true)
            #expect(numeric.output == general.output, "\(source)")
            #expect(numeric.errorText == general.errorText, "\(source)")
        }
    }

    /// The tier changes speed, not what a program does: fib gives its number and an effect in
    /// a callee happens once (Language/numeric_tier.kls checks the too-deep error).
    /// A recursion that the depth limit stops enters the numeric form a bounded number of
    /// times: the general rerun that reports the error does not retry it at every level
    /// (it did, and f(100000) took 2.5 s in a release build for one error message).
    @Test func tooDeepRecursionEntersTheNumericFormOnce() {
        let interpreter = Interpreter(write: { _ in })
        let session = Session(interpreter: interpreter)
        let source = "fn f(n) {\n  if n == 0 { return 0 }\n  return 1 + f(n - 1)\n}\nf(100000)"
        guard case .failed(let e) = LargeStack.run({ session.run(source, name: "deep.kls") }) else {
            Issue.record("expected the recursion error")
            return
        }
        #expect(e.message.contains("recursion too deep"))
        #expect(interpreter.numericRun <= 2, "numeric runs entered: \(interpreter.numericRun)")
        // Shallow calls still give the right answer afterwards.
        guard case .value(.number(let v)) = session.run("f(50)", name: "after.kls") else {
            Issue.record("f(50) failed")
            return
        }
        #expect(v == 50)
    }

    @Test func deoptimisationKeepsEffectsAndErrors() {
        let run = KLSTestRun("""
        fn fib(n) {
          if n < 2 { return n }
          return fib(n - 1) + fib(n - 2)
        }
        fn shout(x) {
          print("called", x)
          return x
        }
        relay(x) = shout(x) + 1
        print(fib(20), relay(2))
        """)
        #expect(run.outputLines == ["called 2", "6765 3"])
        #expect(run.errorText.isEmpty)
    }
}
