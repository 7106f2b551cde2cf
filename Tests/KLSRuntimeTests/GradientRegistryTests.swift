import Foundation
import Testing
import KLSNumerics
import KLSRuntime

/// Walks every builtin of the standard registry: each one is either differentiable, with
/// cases below whose `grad` (reverse mode, through the kls interpreter) must agree with
/// central finite differences of the same kls function, or listed as not differentiable
/// with the reason. A builtin in neither list fails the test, so coverage cannot rot.
struct GradientRegistryTests {
    /// Builtins that give no gradient, and why.
    static let notDifferentiable: [String: String] = [
        // core
        "print": "output", "clear_output": "output", "assert": "control", "len": "a count", "seed": "randomness state",
        "type": "a name", "string": "text", "format": "text", "isnan": "a predicate",
        "pi": "constant", "e": "constant", "inf": "constant", "nan": "constant",
        // vectors
        "linspace": "constructor", "range": "constructor", "zeros": "constructor", "ones": "constructor",
        "argmax": "an index", "argmin": "an index",
        // calculus
        "grad": "gradients are not taken through grad itself",
        // distributions: constructors return distributions (their parameters carry gradients
        // into pdf, KL, …, tested below); sampling is not reparametrised; fisher is a constant
        // preconditioner.
        "Normal": "constructor", "Uniform": "constructor", "Exponential": "constructor",
        "Laplace": "constructor", "Gamma": "constructor", "Beta": "constructor",
        "Bernoulli": "constructor", "Categorical": "constructor", "Mixture": "constructor",
        "sample": "random draws", "fisher": "constant preconditioner",
        // information
        "explain": "prints a worked sum; returns its value as a constant",
        // optimisers and fitting
        "SGD": "optimiser configuration", "Adagrad": "optimiser configuration",
        "RMSprop": "optimiser configuration", "Adam": "optimiser configuration",
        "AdamW": "optimiser configuration", "AdaBound": "optimiser configuration", "AdaBoundW": "optimiser configuration",
        "NaturalGradient": "optimiser configuration",
        "minimize": "runs its own tape", "maximize": "runs its own tape",
        // coding
        "huffman": "coding", "code": "coding", "codewords": "coding", "lengths": "coding",
        "avg_length": "coding", "efficiency": "coding", "kraft": "coding", "kraft_code": "coding",
        "is_prefix_free": "coding", "is_uniquely_decodable": "coding", "sardinas_patterson": "coding",
        "encode": "coding", "decode": "coding", "arith_encode": "coding", "arith_decode": "coding",
        "read_text": "input", "read_csv": "input", "chars": "text", "frequencies": "counts",
        // plots
        "plot": "draws", "scatter": "draws", "hist": "draws", "subplots": "draws", "savefig": "writes a file",
        "animate": "draws", "contour": "draws", "explore": "draws",
    ]

    /// Every differentiable builtin with the kls functions that exercise it.
    static let differentiable: [String: [GradientCase]] = {
        var cases: [String: [GradientCase]] = [:]
        for (name, list) in mathCases.merging(vectorCases, uniquingKeysWith: +)
            .merging(lossCases, uniquingKeysWith: +)
            .merging(distributionCases, uniquingKeysWith: +)
            .merging(informationCases, uniquingKeysWith: +) {
            cases[name, default: []] += list
        }
        return cases
    }()

    @Test func everyBuiltinIsClassified() {
        let names = BuiltinRegistry.standard().builtins.map(\.name)
        let unclassified = names.filter { Self.differentiable[$0] == nil && Self.notDifferentiable[$0] == nil }
        #expect(unclassified.isEmpty, "builtins in neither list (add gradient cases or a reason): \(unclassified)")
        let both = names.filter { Self.differentiable[$0] != nil && Self.notDifferentiable[$0] != nil }
        #expect(both.isEmpty, "builtins in both lists: \(both)")
        let stale = Set(Self.differentiable.keys).union(Self.notDifferentiable.keys).subtracting(names)
        #expect(stale.isEmpty, "listed names that are not builtins: \(stale.sorted())")
        for (name, list) in Self.differentiable { #expect(!list.isEmpty, "\(name) has no gradient case") }
    }

    static var allCases: [GradientCase] {
        differentiable.keys.sorted().flatMap { differentiable[$0] ?? [] }
    }

    @Test(arguments: allCases)
    func gradientMatchesFiniteDifferences(_ c: GradientCase) throws {
        let analytic = try c.reverseMode()
        let numeric = try c.centralDifferences()
        try #require(analytic.count == numeric.count, "\(c): one gradient per argument")
        for (i, (g, d)) in zip(analytic, numeric).enumerated() {
            try #require(g.count == d.count, "\(c): argument \(i + 1) has \(d.count) elements, grad gave \(g.count)")
            for (k, (gk, dk)) in zip(g, d).enumerated() {
                let tolerance = 1e-6 * Swift.max(Swift.abs(gk), Swift.abs(dk)) + 1e-9
                #expect(Swift.abs(gk - dk) <= tolerance,
                        "\(c): ∂/∂(argument \(i + 1))[\(k)] is \(gk) by grad, \(dk) by finite differences")
                #expect(gk.isFinite, "\(c): gradient is \(gk)")
            }
        }
    }
}

/// An argument of a gradient case: a number, a vector or a matrix.
enum GradientArgument: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, Sendable {
    case number(Double)
    case array([GradientArgument])

    init(floatLiteral x: Double) { self = .number(x) }
    init(integerLiteral x: Int) { self = .number(Double(x)) }
    init(arrayLiteral items: GradientArgument...) { self = .array(items) }

    /// The elements in row-major order.
    var elements: [Double] {
        switch self {
        case .number(let x): return [x]
        case .array(let items): return items.flatMap(\.elements)
        }
    }

    /// The same shape holding `elements` (consumed from the front).
    func rebuilt(_ elements: inout ArraySlice<Double>) -> GradientArgument {
        switch self {
        case .number: return .number(elements.popFirst() ?? .nan)
        case .array(let items): return .array(items.map { $0.rebuilt(&elements) })
        }
    }

    /// kls source text (shortest round-trip numbers, so the value is exact).
    var source: String {
        switch self {
        case .number(let x): return x < 0 ? "(\(x))" : "\(x)"
        case .array(let items): return "[" + items.map(\.source).joined(separator: ", ") + "]"
        }
    }
}

/// A kls function of numbers, vectors or matrices returning one number, and a point.
struct GradientCase: CustomStringConvertible, Sendable {
    let function: String
    let point: [GradientArgument]

    var description: String { "\(function) at (\(point.map(\.source).joined(separator: ", ")))" }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `source` and returns the value of its last expression as a flat list of numbers.
    private func evaluate(_ source: String) throws -> Value {
        let run = KLSTestRun(source)
        guard let value = run.value else { throw Failure(description: "\(self): \(run.errorText)") }
        return value
    }

    private static func numbers(_ v: Value) -> [Double]? {
        switch v {
        case .number(let x): return [x]
        case .tensor(let t): return t.data
        case .bool(let b): return [b ? 1 : 0]
        default: return nil
        }
    }

    /// `grad(f, point…)` evaluated by kls, one array of partial derivatives per argument.
    func reverseMode() throws -> [[Double]] {
        let value = try evaluate("f = \(function)\ngrad(f, \(point.map(\.source).joined(separator: ", ")))")
        if point.count == 1, let g = Self.numbers(value) { return [g] }
        if case .list(let items) = value {
            return try items.map { item in
                guard let g = Self.numbers(item) else { throw Failure(description: "\(self): grad gave \(item)") }
                return g
            }
        }
        if let g = Self.numbers(value), point.allSatisfy({ $0.elements.count == 1 }) { return g.map { [$0] } }
        throw Failure(description: "\(self): grad gave \(value)")
    }

    /// Fourth-order central differences (f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)) / 12h in every
    /// element of every argument, h = 1e-4·max(1, |x|); all evaluations in one kls run.
    func centralDifferences() throws -> [[Double]] {
        var calls: [String] = []
        var steps: [[Double]] = []
        for (i, argument) in point.enumerated() {
            let elements = argument.elements
            var hs: [Double] = []
            for k in elements.indices {
                let h = 1e-4 * Swift.max(1, Swift.abs(elements[k]))
                hs.append(h)
                for offset in [-2.0, -1, 1, 2] {
                    var moved = elements
                    moved[k] += offset * h
                    var slice = moved[...]
                    var args = point
                    args[i] = argument.rebuilt(&slice)
                    calls.append("f(\(args.map(\.source).joined(separator: ", ")))")
                }
            }
            steps.append(hs)
        }
        let value = try evaluate("f = \(function)\n[\(calls.joined(separator: ", "))]")
        guard let f = Self.numbers(value), f.count == calls.count else {
            throw Failure(description: "\(self): f must return one number (got \(value))")
        }
        var out: [[Double]] = []
        var j = 0
        for hs in steps {
            out.append(hs.map { h in
                defer { j += 4 }
                return (f[j] - 8 * f[j + 1] + 8 * f[j + 2] - f[j + 3]) / (12 * h)
            })
        }
        return out
    }
}

/// Shorthand: a case of `function` at `point`.
func at(_ function: String, _ point: GradientArgument...) -> GradientCase {
    GradientCase(function: function, point: point)
}
