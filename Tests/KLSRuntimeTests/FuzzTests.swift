import Foundation
import Testing
import KLSRuntime
import KLSSyntax

/// Random and mutated programs for the fuzz tests. Everything is drawn from a fixed seed, so
/// a failure reproduces exactly; sizes handed to allocating builtins come from a short
/// list (small, negative, nan, absurd), so no case can ask for gigabytes.
struct FuzzGenerator {
    var rng: SplitMix64
    let builtinNames: [String]
    /// The builtins that are functions (not constants such as `pi`).
    let functions: [Builtin]

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
        let builtins = FuzzRunner.registry.builtins
        builtinNames = builtins.map(\.name)
        functions = builtins.filter { if case .function = $0.body { return true }; return false }
    }

    static let keywords = ["fn", "if", "else", "for", "in", "while", "return", "break", "continue",
                           "and", "or", "not", "true", "false", "none"]
    static let punctuation = ["+", "-", "*", "/", "^", "%", "==", "!=", "<", "<=", ">", ">=", "=", "->", "→",
                              "||", "‖", ",", ".", ";", ":", "(", ")", "[", "]", "{", "}", "!", "|", "**",
                              "≤", "≥", "≠", "·", "×", "\\", "\\\n", "@", "$", "`", "?", "&", "~"]
    static let names = ["x", "y", "f", "g", "v", "s", "i", "n", "μ", "σ", "x₁", "_", "ARGS", "fit", "x̂"]
    static let numbers = ["0", "1", "2", "3", "0.5", ".5", "1e300", "1e-300", "1_000", "1e", "1e+", "1.2.3",
                          "99999999999999999999999", "1e999", "2.5E+2", "0x10", "1__0", "00", "1.", "-0"]
    static let strings = ["\"a\"", "\"\"", "\"\\n\"", "\"\\u{1F600}\"", "\"\\u{D800}\"", "\"\\u{110000}\"",
                          "\"unterminated", "'x'", "\"\\q\"", "\"é\\t\"", "\"a\nb\"", "\"\\u{\"", "\"\\\""]
    static let fields = ["params", "losses", "trace", "shape", "T", "nope", "items"]

    /// Literal sizes for builtins that allocate (zeros, linspace, …): never large enough to
    /// allocate much, but including every kind of invalid size.
    static let sizes = ["0", "1", "2", "3", "10", "-1", "2.5", "nan", "inf", "-inf", "1e15", "1e300",
                        "-1e300", "\"3\"", "[2]", "none", "true"]
    static let allocating: Set<String> = ["zeros", "ones", "linspace", "range", "reshape", "sample", "minimize", "maximize"]
    static let sizeParameters: Set<String> = ["n", "m", "rows", "cols", "steps", "size", "count", "k", "length"]

    // MARK: Bytes and token soups

    /// Random bytes (mostly printable, some control bytes, NULs and invalid UTF-8), decoded
    /// lossily as the CLI decodes files.
    mutating func randomBytes() -> String {
        let n = rng.int(0...160)
        var bytes: [UInt8] = []
        for _ in 0..<n {
            switch rng.int(0...9) {
            case 0: bytes.append(UInt8(rng.int(0...255)))
            case 1: bytes.append(rng.pick([0, 10, 13, 9, 0x80, 0xC0, 0xE2, 0xF0, 0xFF, 0xED, 0xA0]))
            default: bytes.append(UInt8(rng.int(32...126)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func randomToken() -> String {
        switch rng.int(0...12) {
        case 0, 1: return rng.pick(Self.keywords)
        case 2, 3, 4, 5: return rng.pick(Self.punctuation)
        case 6, 7: return rng.pick(Self.names)
        case 8: return rng.pick(builtinNames)
        case 9: return rng.pick(Self.numbers)
        case 10: return rng.pick(Self.strings)
        case 11: return rng.pick(["\n", "\n\n", "# comment\n", "\r\n", "\t"])
        default: return rng.pick(Self.sizes)
        }
    }

    mutating func tokenSoup() -> String {
        (0..<rng.int(1...60)).map { _ in randomToken() }.joined(separator: rng.pick([" ", " ", "", "\n"]))
    }

    // MARK: Grammar-shaped programs

    /// Defines every name the generator uses, so most programs get past the resolver.
    static let prelude = """
    x = 1
    y = [1, 2, 3]
    v = [0.5, 0.25, 0.25]
    s = "abc"
    i = 0
    n = 3
    μ = 0
    σ = 1
    x₁ = 2
    _ = none
    x̂ = [[1, 2], [3, 4]]
    ARGS = ["a"]
    fit = none
    fn f(a) { return a }
    fn g(a, b) { return b }

    """

    mutating func program() -> String {
        Self.prelude + (0..<rng.int(1...6)).map { _ in statement(depth: 0) }.joined(separator: "\n")
    }

    mutating func statement(depth: Int) -> String {
        let deeper = depth + 1
        if depth > 3 { return rng.pick(Self.names) + " = " + expression(depth: deeper) }
        func block(_ g: inout FuzzGenerator) -> String {
            "{\n" + (0..<g.rng.int(0...3)).map { _ in g.statement(depth: deeper) }.joined(separator: "\n") + "\n}"
        }
        switch rng.int(0...13) {
        case 0, 1: return rng.pick(Self.names) + " = " + expression(depth: deeper)
        case 2: return rng.pick(["v", "s", "x"]) + "[\(expression(depth: deeper))] = " + expression(depth: deeper)
        case 3: return "fn \(rng.pick(["f", "g"]))(\(parameters())) " + block(&self)
        case 4: return "\(rng.pick(["f", "g"]))(\(parameters())) = " + expression(depth: deeper)
        case 5:
            var s = "if \(expression(depth: deeper)) " + block(&self)
            if rng.chance(0.5) { s += " else " + block(&self) }
            return s
        case 6: return "for \(rng.pick(["i", "x"])) in \(expression(depth: deeper)) " + block(&self)
        case 7: return "for i in range(\(rng.pick(["3", "10", "0", "-2", "nan", "n"]))) " + block(&self)
        case 8: return "while \(expression(depth: deeper)) " + block(&self)
        case 9:
            if rng.chance(0.8) { return "fn \(rng.pick(["f", "g"]))(a, b) { return \(expression(depth: deeper)) }" }
            return rng.pick(["return", "break", "continue"])
        case 10: return "print(\(expression(depth: deeper)))"
        default: return expression(depth: deeper)
        }
    }

    mutating func parameters() -> String {
        (0..<rng.int(0...3)).map { i in ["a", "b", "c"][i] + (rng.chance(0.2) ? " = " + expression(depth: 4) : "") }
            .joined(separator: ", ")
    }

    mutating func expression(depth: Int) -> String {
        let deeper = depth + 1
        let leaf = depth > 4 || rng.chance(0.3)
        if leaf {
            switch rng.int(0...5) {
            case 0, 1: return rng.pick(Self.names)
            case 2: return rng.pick(["0", "1", "2", "3", "0.5", "-1", "1e300", "-1e300", "1e-300", "nan", "inf", "pi"])
            case 3: return rng.pick(["\"a\"", "\"\"", "\"xyz\""])
            case 4: return rng.pick(["true", "false", "none"])
            default: return rng.pick(["[]", "[1, 2, 3]", "[[1, 2], [3, 4]]", "[\"a\", 1]", "[0.5, 0.25, 0.25]"])
            }
        }
        switch rng.int(0...11) {
        case 0: return rng.pick(["-", "not ", "+"]) + expression(depth: deeper)
        case 1, 2:
            let op = rng.pick(["+", "-", "*", "/", "^", "%", "==", "!=", "<", "<=", ">", ">=", "and", "or"])
            return "(\(expression(depth: deeper)) \(op) \(expression(depth: deeper)))"
        case 3, 4, 5: return builtinCall(depth: deeper)
        case 6:
            if rng.chance(0.2) { return "\(rng.pick(["x", "v", "s"]))(\(arguments(depth: deeper)))" }
            let name = rng.pick(["f", "g"])
            return "\(name)(\((0..<(name == "f" ? 1 : 2)).map { _ in expression(depth: deeper) }.joined(separator: ", ")))"
        case 7: return "\(expression(depth: deeper))[\(expression(depth: deeper))]"
        case 8: return "\(expression(depth: deeper)).\(rng.pick(Self.fields))"
        case 9: return "[" + (0..<rng.int(0...4)).map { _ in expression(depth: deeper) }.joined(separator: ", ") + "]"
        case 10:
            if rng.chance(0.3) { return "fn(a) { return \(expression(depth: deeper)) }" }
            return rng.pick(["x -> ", "(a, b) -> ", "() -> "]) + expression(depth: deeper)
        default: return "(\(expression(depth: deeper)))"
        }
    }

    mutating func arguments(depth: Int) -> String {
        (0..<rng.int(0...3)).map { _ in expression(depth: depth) }.joined(separator: ", ")
    }

    /// A call of a random builtin, with a plausible or implausible number of arguments and
    /// sometimes keyword arguments; sizes of allocating builtins come from `sizes`.
    mutating func builtinCall(depth: Int) -> String {
        let b = rng.pick(functions)
        let required = b.parameters.filter { $0.defaultValue == nil }.count - (b.variadic ? 1 : 0)
        let count = rng.chance(0.1) ? rng.int(0...(b.parameters.count + 1))
            : rng.int(max(0, required)...max(required, b.parameters.count))
        var args: [String] = []
        var labelled = false
        for i in 0..<count {
            let parameter = i < b.parameters.count ? b.parameters[i].name : "extra"
            let value = Self.allocating.contains(b.name) || Self.sizeParameters.contains(parameter)
                ? rng.pick(Self.sizes) : expression(depth: depth)
            labelled = labelled || (rng.chance(0.15) && i < b.parameters.count)
            args.append(labelled ? "\(parameter)=\(value)" : value)
        }
        return "\(b.name)(\(args.joined(separator: rng.pick([", ", " || ", ", ", " ‖ "]))))"
    }

    // MARK: Mutations

    /// `source` with one to three edits: characters or tokens deleted, duplicated, swapped or
    /// inserted, or a number replaced by an extreme one.
    mutating func mutate(_ source: String) -> String {
        var scalars = Array(source.unicodeScalars)
        for _ in 0..<rng.int(1...3) {
            guard !scalars.isEmpty else { scalars = Array(randomToken().unicodeScalars); continue }
            let i = rng.int(0...(scalars.count - 1))
            let length = min(scalars.count - i, rng.pick([1, 1, 2, 3, 8, 40]))
            let piece = scalars[i..<(i + length)]
            switch rng.int(0...6) {
            case 0: scalars.removeSubrange(i..<(i + length))
            case 1: scalars.insert(contentsOf: piece, at: i)
            case 2:
                let j = rng.int(0...(scalars.count - 1))
                scalars.swapAt(i, j)
            case 3: scalars.insert(contentsOf: Array(randomToken().unicodeScalars), at: i)
            case 4:
                let j = rng.int(0...(scalars.count - 1))
                let copy = Array(piece)
                scalars.insert(contentsOf: copy, at: j)
            case 5: scalars.replaceSubrange(i..<(i + 1), with: Array(rng.pick(Self.punctuation).unicodeScalars))
            default:
                // Replace the next number with an extreme value.
                if let k = scalars[i...].firstIndex(where: { ("0"..."9").contains($0) }) {
                    var end = k
                    while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == "." { end += 1 }
                    let extreme = rng.pick(["1e300", "-1e300", "0", "-1", "nan", "inf", "1e15", "2.5", "1e-300"])
                    scalars.replaceSubrange(k..<end, with: Array(extreme.unicodeScalars))
                }
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Whether a mutant could ask for a huge allocation: a number literal above 1e6 that is
    /// not too large to be rejected as a size anyway (the originals stay below that).
    static func isSmallEnough(_ source: String) -> Bool {
        for token in Lexer.tokenize(SourceFile(name: "", text: source)) {
            if case .number(let x) = token.kind, x.magnitude > 1e6, x.magnitude < 1e13 { return false }
        }
        return true
    }
}

/// Item 12: no input crashes the lexer, parser or evaluator; every error has a position.
@Suite(.serialized)
struct FuzzTests {
    static let seed: UInt64 = 0x6b6c_735f_6675_7a7a

    func expectAllLocated(_ runner: FuzzRunner, _ what: String) {
        #expect(runner.unlocated.isEmpty, "\(what): diagnostics without a position: \(runner.unlocated.prefix(5))")
    }

    @Test func randomBytesAndTokenSoups() {
        var g = FuzzGenerator(seed: Self.seed)
        var sources: [String] = []
        for _ in 0..<1_000 { sources.append(g.randomBytes()) }
        for _ in 0..<1_600 { sources.append(g.tokenSoup()) }
        let runner = FuzzRunner()
        runner.run(sources)
        #expect(runner.total == sources.count)
        #expect((runner.counts[.rejected] ?? 0) > sources.count / 2, "most soups are not programs: \(runner.counts)")
        expectAllLocated(runner, "bytes and soups")
    }

    @Test func grammarShapedPrograms() {
        var g = FuzzGenerator(seed: Self.seed &+ 1)
        let sources = (0..<1_500).map { _ in g.program() }
        let runner = FuzzRunner()
        runner.run(sources)
        #expect(runner.total == sources.count)
        // The generator must reach the evaluator, not only the parser and resolver.
        #expect((runner.counts[.value] ?? 0) + (runner.counts[.failed] ?? 0) > sources.count / 2, "\(runner.counts)")
        expectAllLocated(runner, "generated programs")
    }

    @Test func mutatedCorpusPrograms() throws {
        let corpus = FuzzCorpus.programs()
        try #require(!corpus.isEmpty, "no examples/*.kls, Language/*.kls or shared/acceptance/*.kls found")
        var g = FuzzGenerator(seed: Self.seed &+ 2)
        var sources: [String] = []
        var attempts = 0
        while sources.count < 400 && attempts < 5_000 {
            attempts += 1
            let mutant = g.mutate(g.rng.pick(corpus))
            if FuzzGenerator.isSmallEnough(mutant) { sources.append(mutant) }
        }
        let runner = FuzzRunner(budget: .milliseconds(15))
        runner.run(corpus + sources)
        #expect(runner.total == corpus.count + sources.count)
        expectAllLocated(runner, "mutated programs")
    }

    /// Inputs far beyond any real program, by name (the texts are too long to show).
    static let extremeInputs: [String: String] = [
        "1,000 (": String(repeating: "(", count: 1_000),
        "1,000 [": String(repeating: "[", count: 1_000),
        "10,000 {": String(repeating: "{", count: 10_000),
        "500 balanced ( )": String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500),
        "500 balanced [ ]": String(repeating: "[", count: 500) + String(repeating: "]", count: 500),
        "10,000 unary minus": String(repeating: "-", count: 10_000) + "1",
        "10,000 not": String(repeating: "not ", count: 10_000) + "true",
        "10,000 lambdas": String(repeating: "x -> ", count: 10_000) + "x",
        "10,000 open calls": String(repeating: "f(", count: 10_000),
        "2,000 unclosed if, one per line": String(repeating: "if true {\n", count: 2_000),
        "10,000 nested if": String(repeating: "if true {", count: 10_000) + String(repeating: "}", count: 10_000),
        "3,000 else-if": String(repeating: "if false {} else ", count: 3_000) + "{}",
        "10,000 nested fn": String(repeating: "fn f() {", count: 10_000) + String(repeating: "}", count: 10_000),
        "10,000 closers, one per line": String(repeating: ")\n]\n}\n", count: 3_333),
        "20,000-term sum": "x = 1" + String(repeating: " + 1", count: 20_000) + "\nassert(x == 20001)",
        "20,000 and": "true" + String(repeating: " and true", count: 20_000),
        "20,000 indices": "v = [1]\nv" + String(repeating: "[0]", count: 20_000),
        "20,000 fields": "x = 1\nx" + String(repeating: ".a", count: 20_000),
        "1,000 chained calls": "f = x -> f\nf" + String(repeating: "(1)", count: 1_000),
        "10,001 quotes": String(repeating: "\"", count: 10_001),
        "100,000 digits": String(repeating: "1", count: 100_000),
        "5,000-digit fraction": "x = 0." + String(repeating: "0", count: 5_000) + "1",
        "huge exponent": "1e99999999999999999999",
        "100,000 #": String(repeating: "#", count: 100_000),
        "100,000 newlines then +": String(repeating: "\n", count: 100_000) + "1 +",
        "2,000 é": String(repeating: "é", count: 2_000),
        "1,000 NULs": String(repeating: "\u{0}", count: 1_000),
        "10,000 emoji escapes": "print(\"" + String(repeating: "\\u{1F600}", count: 10_000) + "\")",
        "1,000-statement function": "fn f() {\n" + String(repeating: "x = 1\n", count: 1_000) + "return x\n}\nf()",
        "10,000-deep list": "v = 1\nfor i in range(10000) { v = [v, \"a\"] }\nprint(v == v)\nlen(string(v))",
        "100,000 closures in a chain": "fn wrap(h) { return x -> h(x) }\nf = x -> x\nfor i in range(100000) { f = wrap(f) }\nf(1)",
    ]

    @Test(arguments: extremeInputs.keys.sorted())
    func extremeInput(_ name: String) {
        let runner = FuzzRunner(budget: .seconds(10))
        runner.run([Self.extremeInputs[name] ?? ""])
        #expect(runner.total == 1)
        expectAllLocated(runner, name)
    }

    /// Sizes no machine can hold, and invalid ones: errors with a position, before allocating.
    @Test(arguments: [
        "zeros(1e15)", "ones(1e15)", "zeros(-1)", "zeros(nan)", "zeros(inf)", "zeros(-inf)", "zeros(2.5)",
        "zeros(1e300)", "zeros(1e5, 1e5)", "zeros(-1, 3)", "ones(3, nan)", "zeros(1e10, 1e10)",
        "linspace(0, 1, 1e12)", "linspace(0, 1, -1)", "linspace(0, 1, nan)", "linspace(0, 1, 2.5)",
        "linspace(0, 1, inf)", "range(1e300)", "range(-1e300, 1e300)", "range(0, 1, 1e-300)", "range(0, 1, 0)",
        "range(nan)", "range(0, nan)", "range(inf)", "range(0, 10, nan)", "reshape([1, 2], 1e300, 1)",
        "reshape([1, 2], -1, -2)", "reshape([1, 2], 2^40, 2^40)", "reshape([1, 2, 3, 4], 2^62, 2^2)",
        "for i in range(nan) { }", "for i in range(0, 1, 0) { }", "for i in range(inf) { }",
        "for i in range(1, 2, nan) { }", "zeros(\"3\")", "zeros([3])", "linspace(0, 1, [2, 3])",
    ])
    func absurdSizes(_ source: String) {
        expectLocatedFailure(source)
    }

    /// Indices that overflow Int, are not whole, or are far out of range.
    @Test(arguments: [
        "v = [1, 2, 3]\nv[1e300]", "v = [1, 2, 3]\nv[-1e300]", "v = [1, 2, 3]\nv[nan]", "v = [1, 2, 3]\nv[inf]",
        "v = [1, 2, 3]\nv[-inf]", "v = [1, 2, 3]\nv[2^63]", "v = [1, 2, 3]\nv[-2^63]", "v = [1, 2, 3]\nv[2^64]",
        "v = [1, 2, 3]\nv[1.5]", "v = [1, 2, 3]\nv[3]", "v = [1, 2, 3]\nv[-4]", "v = [1, 2, 3]\nv[\"0\"]",
        "v = [1, 2, 3]\nv[1e300] = 1", "v = [1, 2, 3]\nv[nan] = 1", "v = [1, 2, 3]\nv[-2^63] = 1",
        "m = [[1, 2], [3, 4]]\nm[0][1e300] = 2", "m = [[1, 2], [3, 4]]\nm[2^63][0]", "m = [[1, 2], [3, 4]]\nm[0][0][0]",
        "m = [[1, 2], [3, 4]]\nm[0][0][0] = 1", "\"abc\"[1e300]", "\"abc\"[-2^63]", "\"\"[0]", "[][0]",
        "x = [\"a\", 1]\nx[2^63]", "x = [\"a\", 1]\nx[nan] = 3", "range(3)[2^62]", "3[0]", "v = 3\nv[0] = 1",
        "s = \"abc\"\ns[0] = \"x\"",
    ])
    func extremeIndices(_ source: String) {
        expectLocatedFailure(source)
    }

    /// Recursion far past the limit is an error that says so, whatever calls recurse.
    @Test(arguments: [
        "fn f(n) {\n  if n == 0 { return 0 }\n  return 1 + f(n - 1)\n}\nf(100000)",
        "f = x -> f(x + 1)\nf(0)",
        "fn a(n) { return b(n + 1) }\nfn b(n) { return a(n + 1) }\na(0)",
        "f = x -> grad(f, x)\nf(1)",
        "fn f(n) { return sum([max(f(n + 1), 1)]) }\nf(0)",
    ])
    func deepRecursion(_ source: String) {
        let outcome = singleRun(source, budget: .seconds(20))
        guard case .failed(let e) = outcome else {
            Issue.record("expected a recursion error, got \(outcome)")
            return
        }
        #expect(e.message.contains("recursion") && e.span != nil, "\(e.message)")
    }

    /// Every builtin called with every kind of value, with too few, enough and too many
    /// arguments, and by keyword: a value or an error with a position — at the builtin's
    /// name when the message is the builtin's.
    @Test func everyBuiltinWithWrongTypes() {
        let values = ["1", "nan", "-1e300", "\"x\"", "[1, 2, 3]", "[]", "[[1, 2], [3, 4]]", "none", "x -> x",
                      "[\"a\", 1]", "inf", "-0", "1e12", "true", "\"\\u{0}.svg\"", "Normal(0, 1)", "[nan, inf]"]
        var sources: [String] = []
        var names: [String] = []
        for b in FuzzRunner.registry.builtins {
            guard case .function = b.body else { continue }
            for v in values {
                for count in 0...(b.parameters.count + 1) {
                    sources.append("\(b.name)(\(Array(repeating: v, count: count).joined(separator: ", ")))")
                    names.append(b.name)
                }
                for p in b.parameters {
                    sources.append("\(b.name)(\(v), \(p.name)=\(v))")
                    names.append(b.name)
                }
            }
        }
        let runner = FuzzRunner(budget: .seconds(2))
        let outcomes = runner.run(sources)
        #expect(!outcomes.contains(.interrupted), "a builtin call ran for more than 2 s")
        expectAllLocated(runner, "builtin calls")
        #expect((runner.counts[.failed] ?? 0) + (runner.counts[.rejected] ?? 0) > sources.count / 2, "\(runner.counts)")
        // Messages that name the builtin point at its name (column 1).
        var misplaced: [String] = []
        for (i, name) in names.enumerated() {
            guard let e = runner.errors[i], e.message.hasPrefix(name + ":"), let span = e.span else { continue }
            if span.start != 0 { misplaced.append("\(sources[i]): \(e.message)") }
        }
        #expect(misplaced.isEmpty, "\(misplaced.prefix(5))")
    }

    /// A runaway loop stops when the watchdog raises the interrupt flag.
    @Test func watchdogStopsRunawayPrograms() {
        let runner = FuzzRunner(budget: .milliseconds(20))
        let outcomes = runner.run(["while true { }", "for i in range(1e8) { }", "fn f() { while true { } }\nf()"])
        #expect(outcomes == [.interrupted, .interrupted, .interrupted])
        #expect(!Interrupts.requested, "the watchdog raised the process-wide flag")
    }

    func expectLocatedFailure(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let outcome = singleRun(source)
        guard case .failed(let e) = outcome else {
            Issue.record("\(source): expected a runtime error, got \(outcome)", sourceLocation: sourceLocation)
            return
        }
        #expect(e.span != nil && !e.isInterrupt, "\(source): \(e.message)", sourceLocation: sourceLocation)
    }

    func singleRun(_ source: String, budget: DispatchTimeInterval = .seconds(5)) -> Session.Outcome {
        let watchdog = Watchdog()
        defer { watchdog.stop() }
        watchdog.begin(budget: budget)
        defer { watchdog.end() }
        let session = Session(interpreter: Interpreter(registry: FuzzRunner.registry, interrupt: watchdog.flag, write: { _ in }))
        return LargeStack.run { session.run(source, name: "case.kls") }
    }
}

/// Inputs that once crashed or flooded. Crashes run in a child process (an exit test), so
/// the suite survives them.
@Suite(.serialized)
struct FuzzKnownIssues {
    /// Whether to run the known crashes that take several seconds to build up.
    static let slow = ProcessInfo.processInfo.environment["KLS_SLOW_FUZZ"] != nil

    /// Ends (the native-stack guard turns the overflow into an error) but takes minutes in a
    /// debug build: 3,000,000 nested builtin calls; run with KLS_SLOW_FUZZ=1.
    @Test(.enabled(if: slow)) func deepExpressionsInsideDeepRecursion() async {
        do {
            await #expect(processExitsWith: .success) {
                let body = String(repeating: "max(1, ", count: 300) + "f(n - 1)" + String(repeating: ")", count: 300)
                let source = "fn f(n) {\n  if n <= 0 { return 0 }\n  return \(body)\n}\nf(9990)"
                let session = Session(interpreter: Interpreter(write: { _ in }))
                _ = LargeStack.run { session.run(source, name: "deep.kls") }
            }
        }
    }

    @Test(.enabled(if: slow)) func millionNestedBlocks() async {
        do {
            await #expect(processExitsWith: .success) {
                let n = 1_000_000
                let source = String(repeating: "if true {", count: n) + String(repeating: "}", count: n)
                let session = Session(interpreter: Interpreter(write: { _ in }))
                _ = LargeStack.run { session.run(source, name: "blocks.kls") }
            }
        }
    }

    /// Lists nested 8,000,000 deep are taken apart level by level when dropped (ListRelease),
    /// from a global and from a function's frame — in an optimised build: the uniqueness test
    /// it relies on is conservative in a debug build, where the release still recurses.
    /// (`kls` as built by scripts/build-release runs this program to completion.)
    @Test(.enabled(if: slow)) func eightMillionNestedListsReleased() async {
        #if DEBUG
        await withKnownIssue("a debug build releases the nested list recursively (native stack overflow)") {
            await releaseNestedLists()
        }
        #else
        await releaseNestedLists()
        #endif
    }

    private func releaseNestedLists() async {
        await #expect(processExitsWith: .success) {
            let source = """
            v = "a"
            for i in range(8000000) { v = [v, 1] }
            v = 0
            fn build(n) {
              w = 1
              for i in range(n) { w = [w, 1] }
              return 0
            }
            build(8000000)
            """
            let session = Session(interpreter: Interpreter(write: { _ in }))
            _ = LargeStack.run { session.run(source, name: "lists.kls") }
        }
    }

    /// The resolver, compiler and evaluator recurse once per operator, so the parser refuses
    /// an absurdly long chain (3,000,000 terms, 6 MB) with a message instead of letting it
    /// overflow the native stack; a 10,000-term chain still runs.
    @Test func threeMillionTermSumIsRefused() {
        func outcome(_ terms: Int) -> Session.Outcome {
            let source = "x = 1" + String(repeating: "+1", count: terms - 1)
            let session = Session(interpreter: Interpreter(registry: FuzzRunner.registry, write: { _ in }))
            return LargeStack.run { session.run(source, name: "chain.kls") }
        }
        guard case .rejected(let problems) = outcome(3_000_000) else {
            Issue.record("a 3,000,000-term chain was not refused")
            return
        }
        #expect(problems.contains { $0.message.hasPrefix("expression too long") })
        guard case .value = outcome(10_000) else {
            Issue.record("a 10,000-term chain did not run")
            return
        }
    }

    /// `f(1)(1)…(1)`: 15,000 links run (finding where each call's messages point does not
    /// walk the rest of the chain); 30,000 are refused as too long.
    @Test func longCallChains() {
        func outcome(_ links: Int) -> Session.Outcome {
            let source = "f = x -> f\ny = f" + String(repeating: "(1)", count: links) + "\ntype(y)"
            let session = Session(interpreter: Interpreter(registry: FuzzRunner.registry, write: { _ in }))
            return LargeStack.run { session.run(source, name: "calls.kls") }
        }
        if case .value(let v?) = outcome(15_000), case .string(let kind) = v {
            #expect(kind == "function")
        } else {
            Issue.record("a 15,000-link call chain did not run")
        }
        guard case .rejected = outcome(30_000) else {
            Issue.record("a 30,000-link call chain was not refused")
            return
        }
    }

    /// The best of three CPU times, in seconds, of running `source` in a fresh session (for
    /// the tests below, which compare two sizes: a ratio, not a time limit). The running
    /// thread's CPU time, not wall time: on a loaded machine waiting for a core is not work.
    static func bestSeconds(_ source: String) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let session = Session(interpreter: Interpreter(registry: FuzzRunner.registry, write: { _ in }))
            let seconds = LargeStack.run {
                let start = threadCPUSeconds()
                _ = session.run(source, name: "timed.kls")
                return threadCPUSeconds() - start
            }
            best = min(best, seconds)
        }
        return best
    }

    /// The CPU time the calling thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Compiling nested calls must take time linear in the nesting: the fixed-arity call fast
    /// paths compile each argument twice (`positional` and again `a0`/`a1`), so every level
    /// doubles the work — `abs(…abs(1)…)` 20 deep takes 2 s and 320 MB in a release build,
    /// 30 deep would need ~300 GB. Compares 16 levels with 12 (16× slower with the bug).
    @Test func nestedCallsCompileInLinearTime() {
        func seconds(_ depth: Int) -> Double {
            Self.bestSeconds("x = " + String(repeating: "abs(", count: depth) + "1" + String(repeating: ")", count: depth))
        }
        let shallow = seconds(12), deep = seconds(16)
        #expect(deep < 4 * shallow + 0.01, "16 levels: \(deep) s, 12 levels: \(shallow) s")
    }

    /// Expects the loop `loop(n)` (n steps, leaving its result in `result`) to take time
    /// linear in n, at global scope and inside a function: 160,000 steps are 16 times the
    /// work of 10,000 when linear and 256 times when each step copies what it grows; the
    /// bound (64 times) leaves room for a loaded machine.
    func expectLinearTime(_ what: String, result: String, _ loop: (Int) -> String) {
        for local in [false, true] {
            func seconds(_ n: Int) -> Double {
                Self.bestSeconds(local ? "fn f() {\n\(loop(n))return \(result)\n}\nx = f()" : loop(n))
            }
            let small = seconds(10_000), large = seconds(160_000)
            #expect(large < 64 * small + 0.05, "local \(local): 160,000 \(what) \(large) s, 10,000 \(what) \(small) s")
        }
    }

    /// `v[i] = x` in a loop: a store that copied the vector (a second reference kept alive
    /// while it changes) made the loop quadratic.
    @Test func elementStoresInALoopTakeLinearTime() {
        expectLinearTime("stores", result: "v") { n in "v = zeros(\(n))\nfor i in range(\(n)) { v[i] = i * 0.5 }\n" }
    }

    /// `s = s + "ab"` grows the string in place, as `append` grows a list: 1e6 appends took
    /// 54 s when each copied the string.
    @Test func stringAppendsInALoopTakeLinearTime() {
        expectLinearTime("appends", result: "len(s)") { n in "s = \"\"\nfor i in range(\(n)) { s = s + \"ab\" }\n" }
    }

    /// One error per stray token, each rendering the whole source line: 2,000 `)` on one
    /// line give 2,000 messages of 4 KB each (10,000 give 1.8 GB).
    @Test func manyErrorsOnOneLongLineStayBounded() {
        let source = String(repeating: ")", count: 2_000)
        let session = Session(interpreter: Interpreter(registry: FuzzRunner.registry, write: { _ in }))
        let rendered = session.check(source, name: "long.kls").map { DiagnosticRenderer.render($0) }.joined()
        #expect(rendered.utf8.count < 100_000, "\(rendered.utf8.count) bytes of messages for a 2,000-byte input")
    }

    @Test func messagesInterpolateTheirValues() {
        let session = Session(interpreter: Interpreter(registry: FuzzRunner.registry, write: { _ in }))
        let cases = [
            "fn f() {\n  y = x + 1\n  x = 2\n}\nf()": "'x' is used before it is assigned",
            "while \"a\" { }": "a 'while' condition must be a boolean (got string)",
            "if [1, 2] < [3, 4] { }": "(got vector(2))",
        ]
        for (source, expected) in cases {
            let message = LargeStack.run { () -> String in
                if case .failed(let e) = session.run(source, name: "m.kls") { return e.message }
                return "no runtime error"
            }
            #expect(message.contains(expected), "\(message)")
        }
    }
}
