import Foundation
import Testing
import KLSRuntime
import KLSSyntax

/// Generated programs run in the usual mode and in plain mode (`Interpreter.plain`: no
/// evaluator specialisation) must print the same, end the same way and report the same error
/// at the same place, bit for bit. The programs are built to reach every fast path: `x = x op e`
/// updates of locals and globals, element stores (valid, negative, fractional, out-of-range
/// indices, values that are not numbers), in-place appends, counting `range` loops (fractional
/// and negative steps, booleans, invalid bounds), `while` loops on comparisons, numeric-tier
/// functions, conditional function bodies, labelled builtin calls, number forms of math
/// builtins, gradients and fits — with values of the wrong kind mixed in.
struct PlainModeProgramTests {
    struct Generator {
        var rng: SplitMix64

        static let numbers = ["0", "1", "2", "3", "-1", "0.5", "-2.5", "1e300", "-0.0", "nan", "inf", "7", "0.1", "2^53"]
        static let odd = ["\"a\"", "true", "none", "[1, 2]", "[]", "[[1, 2], [3, 4]]", "x -> x"]
        static let arithmetic = ["+", "-", "*", "/", "^", "%"]
        static let comparisons = ["<", "<=", ">", ">=", "==", "!="]
        static let unary = ["exp", "log", "sqrt", "abs", "sin", "tanh", "floor", "round", "sigmoid", "log1p", "erf", "sign"]
        static let bounds = ["0", "1", "3", "4", "-2", "2.5", "0.3", "n", "true", "false", "nan", "-1e300", "len(v)"]
        static let steps = ["1", "2", "-1", "0.1", "0.75", "-0.5", "0", "k", "inf"]

        /// A number-ish leaf: mostly numbers and variables, sometimes a value of another kind.
        mutating func leaf(_ names: [String]) -> String {
            let r = rng.int(0...99)
            if r < 45 { return rng.pick(names) }
            if r < 92 { return rng.pick(Self.numbers) }
            return rng.pick(Self.odd)
        }

        mutating func expression(_ names: [String], depth: Int) -> String {
            if depth <= 0 || rng.chance(0.3) { return leaf(names) }
            switch rng.int(0...11) {
            case 0...4:
                return "(\(expression(names, depth: depth - 1)) \(rng.pick(Self.arithmetic)) \(expression(names, depth: depth - 1)))"
            case 5: return "-\(expression(names, depth: depth - 1))"
            case 6: return "\(rng.pick(Self.unary))(\(expression(names, depth: depth - 1)))"
            case 7: return "v[\(rng.pick(["0", "1", "-1", "i % 4", "k", "4", "1.5", "\"0\""]))]"
            case 8: return "f(\(expression(names, depth: depth - 1)), \(expression(names, depth: depth - 1)))"
            case 9: return "g(\(expression(names, depth: depth - 1)))"
            case 10: return "len(\(rng.pick(["v", "w", "s", "[]"])))"
            default:
                return "(\(expression(names, depth: depth - 1)) \(rng.pick(Self.comparisons)) \(expression(names, depth: depth - 1)))"
            }
        }

        mutating func condition(_ names: [String]) -> String {
            switch rng.int(0...9) {
            case 0...6: return "\(leaf(names)) \(rng.pick(Self.comparisons)) \(expression(names, depth: 1))"
            case 7: return "(\(leaf(names)) < \(leaf(names))) and (\(leaf(names)) != 0)"
            case 8: return "not (\(leaf(names)) >= \(leaf(names)))"
            default: return leaf(names)
            }
        }

        mutating func rangeCall() -> String {
            switch rng.int(0...3) {
            case 0: return "range(\(rng.pick(Self.bounds)))"
            case 1: return "range(\(rng.pick(Self.bounds)), \(rng.pick(Self.bounds)))"
            case 2: return "range(\(rng.pick(Self.bounds)), \(rng.pick(Self.bounds)), \(rng.pick(Self.steps)))"
            default: return "range(\(rng.pick(Self.bounds)), step=\(rng.pick(Self.steps)))"
            }
        }

        /// One statement; `loop` is true inside a loop body (break and continue allowed).
        mutating func statement(_ names: [String], depth: Int, loop: Bool) -> String {
            let target = rng.pick(names.filter { $0 != "i" && $0 != "n" } + ["t"])
            func body(_ g: inout Generator, loop: Bool) -> String {
                (0..<g.rng.int(1...3)).map { _ in g.statement(names, depth: depth - 1, loop: loop) }.joined(separator: "\n")
            }
            let choice = depth <= 0 ? rng.int(0...7) : rng.int(0...17)
            switch choice {
            case 0, 1: return "\(target) = \(target) \(rng.pick(Self.arithmetic)) \(expression(names, depth: 1))"
            case 2: return "\(target) = \(target) \(rng.pick(Self.arithmetic)) \(leaf(names)) \(rng.pick(Self.arithmetic)) \(leaf(names))"
            case 3: return "v[\(rng.pick(["i % 4", "0", "-1", "k", "4", "-5", "0.5", "n - 1", "\"1\""]))] = \(expression(names, depth: 1))"
            case 4:
                let vector = rng.pick(["v", "w", "s", "t"])
                return "\(vector) = append(\(vector), \(rng.chance(0.8) ? expression(names, depth: 1) : rng.pick(Self.odd)))"
            case 5: return "print(\(expression(names, depth: 2)))"
            case 6: return "\(target) = \(expression(names, depth: 2))"
            case 7:
                if loop { return rng.pick(["break", "continue", "print(i)"]) }
                return "print(\(rng.pick(["v", "w", "s", "k", "t"])))"
            case 8, 9:
                return "for i in \(rangeCall()) {\n\(body(&self, loop: true))\n}"
            case 10: return "for i in \(rng.pick(["v", "w", "[3, 1]", "s", "\"ab\"", "k"])) {\n\(body(&self, loop: true))\n}"
            case 11:
                let counter = "c\(depth)"
                return "\(counter) = 0\nwhile \(counter) < \(rng.pick(["3", "n", "k", "2.5", "\"3\""])) {\n\(counter) = \(counter) + 1\n\(body(&self, loop: true))\n}"
            case 12:
                var s = "if \(condition(names)) {\n\(body(&self, loop: loop))\n}"
                if rng.chance(0.5) { s += " else {\n\(body(&self, loop: loop))\n}" }
                return s
            case 13: return "print(\(labelledCall(names)))"
            case 14: return "print(\(gradient()))"
            case 15: return "print(\(fit()))"
            case 16: return "print(h(\(rng.pick(["0", "1", "2", "4", "-1", "2.5", "\"x\""])), \(leaf(names))))"
            default: return "print(\(rng.pick(Self.unary))(\(rng.pick(["k", "v", "0.5", "-1", "n", "w", "true", "\"x\""]))))"
            }
        }

        /// A builtin call with labelled arguments (bound once when compiled on the usual path).
        mutating func labelledCall(_ names: [String]) -> String {
            switch rng.int(0...7) {
            case 0: return "kl_div(log(softmax(v)), softmax(w), reduction=\(rng.pick(["\"sum\"", "\"mean\"", "\"none\"", "\"batchmean\"", "\"x\"", "1"])))"
            case 1: return "H([0.5, 0.25, 0.25], base=\(rng.pick(["2", "10", "k", "0", "-1", "\"e\""])))"
            case 2: return "linspace(0, 1, n=\(rng.pick(["3", "1", "0", "-1", "2.5", "k"])))"
            case 3: return "mse_loss(v, w, reduction=\(rng.pick(["\"sum\"", "\"mean\"", "\"none\""])))"
            case 4: return "range(start=\(rng.pick(Self.bounds)), stop=\(rng.pick(Self.bounds)))"
            case 5: return "KL([0.5, 0.5] || [0.25, 0.75], base=\(rng.pick(["2", "k", "none"])))"
            case 6: return "cross_entropy(v, \(rng.pick(["0", "1", "3", "-1", "0.5"])), label_smoothing=\(rng.pick(["0", "0.1", "1", "2"])))"
            default: return "pow(x=\(leaf(names)), y=\(leaf(names)))"
            }
        }

        mutating func gradient() -> String {
            let point = rng.pick(["0.5", "1", "-2", "k", "3"])
            switch rng.int(0...4) {
            case 0: return "grad(a -> a ^ \(rng.pick(["2", "3", "0.5", "-1"])) * \(rng.pick(["1", "k", "2"])), \(point))"
            case 1: return "grad(fn(a) {\n  s = 0\n  for j in range(\(rng.pick(["3", "a", "2.5"]))) { s = s + a * j }\n  return s\n}, \(point))"
            case 2: return "grad(fn(m) { return sum(logpdf(Normal(m, \(rng.pick(["1", "2", "0.5"]))), xs)) }, \(point))"
            case 3: return "grad((m, y) -> sum(logpdf(Normal(m, 1.5), y)), \(point), xs)"
            default: return "grad(fn(a) {\n  u = [a, 1, 2]\n  u = append(u, a * a)\n  return sum(u ^ 2)\n}, \(point))"
            }
        }

        mutating func fit() -> String {
            let optimizer = rng.pick(["Adam()", "Adam(lr=0.1)", "SGD(lr=0.01, momentum=0.9)", "RMSprop(lr=0.01)", "AdamW()"])
            let loss = rng.pick(["(m, s) -> kl_div(logpdf(Normal(m, s), xs), px)",
                                 "(a, b) -> (1 - a)^2 + 5 * (b - a^2)^2",
                                 "(m, s) -> mse_loss(pdf(Normal(m, s), xs), px)"])
            return "minimize(\(loss), [\(rng.pick(["0", "0.5", "1"])), 1], \(optimizer), steps=\(rng.pick(["3", "10", "25"]))).params"
        }

        /// The prelude defines what the statements use: numbers, vectors, a list, a string,
        /// the seed's densities on a few points, and functions with numeric-tier bodies,
        /// conditional bodies and a bounded recursion.
        static let prelude = """
        k = 2
        n = 3
        x = 0.5
        v = [1, 2, 3, 4]
        w = [0.5, 0.25, 0.125, 0.125]
        s = ["a", 1]
        t = 1
        i = 0
        xs = linspace(-3, 3, 12)
        px = pdf(Normal(-1, 1), xs) + pdf(Normal(1, 0.5), xs)
        fn f(a, b) {
          if a < b { return a * b - 1 }
          return a - b / 2
        }
        fn g(a) { return f(a, 2) + a ^ 2 }
        fn h(d, a) {
          if d <= 0 { return a }
          return h(d - 1, a * 2) + 1
        }

        """

        mutating func program() -> String {
            let names = ["k", "n", "x", "t", "i"]
            var lines: [String] = []
            if rng.chance(0.4) {
                // A function whose locals go through the local-slot paths.
                let body = (0..<rng.int(2...5)).map { _ in statement(["k", "x", "t", "i", "n"], depth: 2, loop: false) }
                lines.append("fn run(k, x) {\nt = 1\ni = 0\nn = 3\n" + body.joined(separator: "\n") + "\nreturn [k, x, t]\n}")
                lines.append("print(run(\(leaf(["k", "n"])), \(leaf(["x"]))))")
            }
            for _ in 0..<rng.int(2...6) { lines.append(statement(names, depth: 2, loop: false)) }
            lines.append(rng.pick(["k", "v", "x + t", "s", "f(k, x)"]))
            return Self.prelude + lines.joined(separator: "\n")
        }
    }

    /// How one run went: what it printed and how it ended.
    struct Result: Equatable {
        var output: String
        var ending: String
        var interrupted: Bool
    }

    static func run(_ source: String, plain: Bool, watchdog: Watchdog) -> Result {
        final class Sink { var text = "" }
        let sink = Sink()
        let interpreter = Interpreter(registry: FuzzRunner.registry, interrupt: watchdog.flag, write: { sink.text += $0 })
        interpreter.plain = plain
        watchdog.begin(budget: .seconds(2))
        defer { watchdog.end() }
        let outcome = Session(interpreter: interpreter).run(source, name: "generated.kls")
        let ending: String
        var interrupted = false
        switch outcome {
        case .value(let v): ending = "value " + (v.map { ValueFormatter.display($0) } ?? "")
        case .incomplete: ending = "incomplete"
        case .rejected(let ds): ending = ds.map { DiagnosticRenderer.render($0) }.joined()
        case .failed(let e):
            interrupted = e.isInterrupt
            ending = DiagnosticRenderer.render(e.diagnostic)
        }
        return Result(output: sink.text, ending: ending, interrupted: interrupted)
    }

    /// 2,400 programs in four seeded batches (run in parallel).
    @Test(arguments: 0..<4)
    func generatedProgramsRunTheSameInPlainMode(_ batch: Int) {
        var generator = Generator(rng: SplitMix64(seed: 0x706c_6169_6e00 &+ UInt64(batch)))
        let sources = (0..<600).map { _ in generator.program() }
        let watchdog = Watchdog()
        defer { watchdog.stop() }
        let (compared, ran) = LargeStack.run { () -> (Int, Int) in
            var compared = 0, ran = 0
            for source in sources {
                FuzzRunner.record(source)
                let usual = Self.run(source, plain: false, watchdog: watchdog)
                let plain = Self.run(source, plain: true, watchdog: watchdog)
                if usual.interrupted || plain.interrupted { continue }
                compared += 1
                if usual.ending.hasPrefix("value") { ran += 1 }
                #expect(plain.output == usual.output, "stdout differs:\n\(source)")
                #expect(plain.ending == usual.ending, "ending differs:\n\(source)")
            }
            return (compared, ran)
        }
        // Nearly every program must be compared, and many must run to the end.
        #expect(compared >= 590, "compared \(compared) of 600")
        #expect(ran >= 150, "ran to the end: \(ran) of 600")
    }
}
