import KLSSyntax

/// One parameter of a builtin: its name and, when it may be omitted, its default.
public struct BuiltinParameter {
    public let name: String
    public let defaultValue: Value?
    /// How the default reads in help texts (e.g. `"mean"`, `e`).
    public let defaultText: String?

    public init(_ name: String, _ defaultValue: Value? = nil, shown: String? = nil) {
        self.name = name
        self.defaultValue = defaultValue
        self.defaultText = shown ?? defaultValue.map { ValueFormatter.repr($0) }
    }
}

/// A builtin function or constant, declared once: the evaluator, the resolver, `:help` and
/// completion all read this record (and a test runs every example).
public final class Builtin {
    /// What the compiler does with a call of a builtin beyond calling it. Plain mode
    /// (`Interpreter.plain`) ignores `countingLoop` and `inPlaceAppend`, which only make code
    /// faster; the two `explain` forms are what `explain` means.
    public enum CompilerForm: Sendable {
        /// `for i in range(…)` counts with no vector built (`Compiler.forLoop`).
        case countingLoop
        /// `v = append(v, x)` appends to the vector or list in v in place (`Compiler.inPlaceAppend`).
        case inPlaceAppend
        /// `explain(M(…))` of an `explainableMeasure` M is `explain("M", …)`: the measure's
        /// name and arguments, not its value (`Compiler.explainedMeasure`).
        case explainsMeasure
        /// A measure `explain` can take apart (`H`, `KL`, `JS`, `arith_encode`).
        case explainableMeasure
    }

    /// How a builtin is evaluated.
    public enum Body {
        /// A named constant such as `pi`.
        case constant(Value)
        /// A function of its bound arguments.
        case function((inout Arguments) throws -> Value)
    }

    public let name: String
    public let parameters: [BuiltinParameter]
    /// One parameter collects any number of extra positional arguments (as a list): the last,
    /// or the one before the `keywordOnly` parameters.
    public let variadic: Bool
    /// How many parameters after the variadic one there are: they can be given by name only
    /// (`max(a, b, c)` and `max(M, axis=1)`).
    public let keywordOnly: Int
    /// Whether labelled arguments that name no parameter are collected, in order, into the last
    /// parameter as a list of `[name, value]` pairs (`explore(f, μ=[-5, 10], σ=[0.5, 8])`).
    public let otherKeywords: Bool
    /// One line: what it computes (with the formula and units where it computes one).
    public let summary: String
    /// Longer help, shown by `:help NAME`.
    public var help: String { helpText() }
    /// Builds the help when it is asked for: some are assembled from tables (the optimisers'
    /// defaults), work no program run should pay for at start-up.
    private let helpText: () -> String
    /// A runnable example; the test suite runs every one.
    public let example: String
    /// The help topic it belongs to (e.g. "math", "vectors", "distributions").
    public let category: String
    public let body: Body
    /// How the compiler treats calls of it (nil: as any call).
    public let compilerForm: CompilerForm?

    public init(name: String, parameters: [BuiltinParameter], variadic: Bool = false, keywordOnly: Int = 0,
                otherKeywords: Bool = false, summary: String, help: @autoclosure @escaping () -> String = "",
                example: String, category: String, body: Body, compilerForm: CompilerForm? = nil) {
        self.name = name
        self.parameters = parameters
        self.variadic = variadic
        self.keywordOnly = variadic ? keywordOnly : 0
        self.otherKeywords = otherKeywords && !parameters.isEmpty
        self.summary = summary
        self.helpText = help
        self.example = example
        self.category = category
        self.body = body
        self.compilerForm = compilerForm
    }

    /// The position of the variadic parameter (the number of positional parameters before it).
    public var variadicIndex: Int { parameters.count - 1 - keywordOnly }

    /// How many leading parameters a positional-only call must give: those after it all
    /// have defaults (`parameters.count` when the last one has none).
    private(set) lazy var positionalMinimum: Int = {
        var n = parameters.count
        while n > 0, parameters[n - 1].defaultValue != nil { n -= 1 }
        return n
    }()

    /// The argument values of a call that gives the first `count` parameters by position,
    /// the rest taken from their defaults (nil when such a call does not fit: too few or too
    /// many arguments, or a variadic builtin).
    func positionalValues(_ count: Int, _ argument: (Int) -> Value) -> [Value]? {
        guard !variadic, count >= positionalMinimum, count <= parameters.count else { return nil }
        return boundValues { i in i < count ? argument(i) : nil }
    }

    /// One value per parameter: `given(i)`, or parameter i's default where that is nil. Built
    /// as an array literal for up to four parameters (an array sized at run time costs a
    /// runtime lookup of its storage type).
    func boundValues(_ given: (Int) -> Value?) -> [Value] {
        func value(_ i: Int) -> Value { given(i) ?? parameters[i].defaultValue ?? .none }
        switch parameters.count {
        case 0: return []
        case 1: return [value(0)]
        case 2: return [value(0), value(1)]
        case 3: return [value(0), value(1), value(2)]
        case 4: return [value(0), value(1), value(2), value(3)]
        default: return (0..<parameters.count).map(value)
        }
    }

    /// The parameter list for binding arguments (computed once).
    private(set) lazy var signature = Signature(
        name: name, parameters: parameters.map(\.name),
        optional: Set(parameters.filter { $0.defaultValue != nil }.map(\.name)), variadic: variadic,
        keywordOnly: keywordOnly, otherKeywords: otherKeywords)

    /// `name(a, b, base=e)` as shown in help and completion.
    public var usage: String {
        if case .constant = body { return name }
        let ps = parameters.enumerated().map { i, p -> String in
            if variadic && i == variadicIndex { return p.name + "…" }
            if let d = p.defaultText { return "\(p.name)=\(d)" }
            return p.name
        }
        return "\(name)(\(ps.joined(separator: ", ")))"
    }
}

/// All builtins, by name and by index (names resolve to indices before a program runs).
public final class BuiltinRegistry {
    public private(set) var builtins: [Builtin] = []
    private var byName: [String: Int] = [:]

    init() {}

    /// Adds a builtin; a second declaration of one name replaces the first.
    func add(_ b: Builtin) {
        if let i = byName[b.name] { builtins[i] = b; return }
        byName[b.name] = builtins.count
        builtins.append(b)
    }

    /// Declares a function builtin.
    func function(_ name: String, _ parameters: [BuiltinParameter], variadic: Bool = false, keywordOnly: Int = 0,
                  otherKeywords: Bool = false, category: String, summary: String,
                  help: @autoclosure @escaping () -> String = "", example: String,
                  compilerForm: Builtin.CompilerForm? = nil,
                  _ body: @escaping (inout Arguments) throws -> Value) {
        add(Builtin(name: name, parameters: parameters, variadic: variadic, keywordOnly: keywordOnly,
                    otherKeywords: otherKeywords, summary: summary, help: help(),
                    example: example, category: category, body: .function(body), compilerForm: compilerForm))
    }

    /// Declares a named constant.
    func constant(_ name: String, _ value: Value, category: String, summary: String, example: String) {
        add(Builtin(name: name, parameters: [], summary: summary, example: example, category: category,
                    body: .constant(value)))
    }

    public func index(of name: String) -> Int? { byName[name] }
    public func builtin(named name: String) -> Builtin? { byName[name].map { builtins[$0] } }
    public var names: [String] { builtins.map(\.name) }

    /// The standard registry: every builtin of the language.
    public static func standard() -> BuiltinRegistry {
        let r = BuiltinRegistry()
        for install in BuiltinRegistry.libraries { install(r) }
        return r
    }
}

/// Shorthand for declaring parameters: `p("x")`, `p("base", Value.none, shown: "e")`.
func p(_ name: String, _ defaultValue: Value? = nil, shown: String? = nil) -> BuiltinParameter {
    BuiltinParameter(name, defaultValue, shown: shown)
}
