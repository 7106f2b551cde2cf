import KLSCoding
import KLSDistributions
import KLSInformation
import KLSNumerics

/// Information measures. Arguments are distributions or probability vectors (matrices of
/// rows for the discrete measures); `base=2` gives bits, `base=10` dits, the default nats.
extension BuiltinRegistry {
    static func installInformation(_ r: BuiltinRegistry) {
        r.function("H", [p("P"), p("Q", Value.none), p("base", Value.none, shown: "e"), p("given", Value.none)],
                   category: "information",
                   summary: "Entropy H(P) = −Σ p log p, or cross-entropy H(P, Q) = −Σ p log q.",
                   help: """
                   For continuous distributions, differential entropy; H(P, Q) = H(P) + KL(P‖Q). A matrix whose entries
                   sum to 1 is a joint distribution of X (the row) and Y (the column): H(Pxy) is the joint entropy
                   H(X, Y), H(Pxy, given=1) the conditional entropy H(X | Y) = H(X, Y) − H(Y), and H(Pxy, given=0)
                   is H(Y | X). A matrix whose rows each sum to 1 gives one entropy per row.
                   """,
                   example: "H([[0.1, 0.2], [0.3, 0.4]], given=1, base=2)", compilerForm: .explainableMeasure) { a in
            let base = try logBase(a, 2)
            if a.has(3) {
                if a.has(1) { throw a.error("given= is for the conditional entropy of one joint distribution: write H(Pxy, given=1)") }
                guard let joint = vectorArgument(a[0]) else { throw a.fail(0, "must be a joint distribution (a matrix summing to 1) with given=") }
                return Value(try Information.conditionalEntropy(joint, given: try a.integer(3), base: base))
            }
            if !a.has(1) {
                if let v = vectorArgument(a[0]) { return Value(try Information.entropy(v, base: base)) }
                return Value(try DistributionMeasures.entropy(try distribution(a, 0).distribution, base: base))
            }
            return try pairwise(a, vectors: { try Information.crossEntropy($0, $1, base: base) },
                                distributions: { try DistributionMeasures.crossEntropy($0, $1, base: base) })
        }
        r.function("KL", [p("P"), p("Q"), p("base", Value.none, shown: "e"), p("samples", Value.none)], category: "information",
                   summary: "Kullback–Leibler divergence KL(P‖Q) = Σ p log(p/q): the extra code length of coding P with Q's code.",
                   help: """
                   Write KL(P || Q), KL(P ‖ Q) or KL(P, Q). Closed forms for every same-family pair (two normals:
                   log(σ₂/σ₁) + (σ₁² + (μ₁−μ₂)²)/(2σ₂²) − ½), +inf where Q has no mass and P has, and adaptive
                   numerical integration (1e-8 relative) for any other pair, mixtures included. samples=N gives a
                   Monte Carlo estimate with its standard error instead.
                   """,
                   example: "KL([0.5, 0.25, 0.25] || [0.25, 0.5, 0.25], base=2)", compilerForm: .explainableMeasure) { a in
            let base = try logBase(a, 2)
            if a.has(3) {
                let n = try a.count(3)
                let (pd, qd) = (try distribution(a, 0).distribution, try distribution(a, 1).distribution)
                let estimate = try DistributionMeasures.klMonteCarlo(pd, qd, samples: n, rng: &a.interpreter.random, base: base)
                return .object(MonteCarloValue(estimate))
            }
            return try pairwise(a, vectors: { try Information.kl($0, $1, base: base) },
                                distributions: { try DistributionMeasures.kl($0, $1, base: base) })
        }
        r.function("JS", [p("P"), p("Q"), p("base", Value.none, shown: "e")], category: "information",
                   summary: "Jensen–Shannon divergence ½KL(P‖M) + ½KL(Q‖M), M = (P + Q)/2 (not its square root).",
                   example: "JS([0.5, 0.25, 0.25], [0.25, 0.5, 0.25])", compilerForm: .explainableMeasure) { a in
            let base = try logBase(a, 2)
            return try pairwise(a, vectors: { try Information.js($0, $1, base: base) },
                                distributions: { try DistributionMeasures.js($0, $1, base: base) })
        }
        let distances: [(String, String, String, (Var, Var) throws -> Var, (any Distribution, any Distribution) throws -> Var)] = [
            ("W1", "1-Wasserstein (earth mover's) distance ∫|F_P − F_Q| (discrete: Σ_k |F_P(k) − F_Q(k)|).",
             "W1(Normal(0, 1), Normal(3, 1))", Information.w1, DistributionMeasures.w1),
            ("chi2", "Pearson χ²(P‖Q) = Σ (p − q)²/q; +inf where q = 0 < p.",
             "chi2([0.5, 0.25, 0.25] || [0.25, 0.5, 0.25])", Information.chi2, DistributionMeasures.chi2),
            ("hellinger", "Hellinger distance √(½ Σ (√p − √q)²), in [0, 1].",
             "hellinger([0.5, 0.5], [0.9, 0.1])", Information.hellinger, DistributionMeasures.hellinger),
            ("tv", "Total variation distance ½ Σ |p − q|, in [0, 1].",
             "tv([0.5, 0.5], [0.9, 0.1])", Information.totalVariation, DistributionMeasures.totalVariation),
        ]
        for (name, summary, example, vectors, distributions) in distances {
            r.function(name, [p("P"), p("Q")], category: "information", summary: summary, example: example) { a in
                try pairwise(a, vectors: vectors, distributions: distributions)
            }
        }
        r.function("MI", [p("joint"), p("base", Value.none, shown: "e")], category: "information",
                   summary: "Mutual information I(X;Y) = KL(P(X,Y) ‖ P(X)P(Y)) of a joint probability matrix.",
                   example: "MI([[0.3, 0.2], [0.1, 0.4]], base=2)") { a in
            Value(try Information.mutualInformation(try a.numeric(0), base: try logBase(a, 1)))
        }
        r.function("info", [p("p"), p("base", Value.none, shown: "e")], category: "information",
                   summary: "Information content (surprisal) I = −log p of an event of probability p.",
                   example: "info(0.125, base=2)") { a in
            Value(try Information.information(try a.numeric(0), base: try logBase(a, 1)))
        }
        r.function("explain", [p("measure"), p("P", Value.none), p("Q", Value.none), p("base", Value.none, shown: "e")],
                   category: "information",
                   summary: "Prints the formula of H, cross-entropy, KL or JS and the sum term by term with the numbers.",
                   help: """
                   explain(KL(P || Q, base=2)) — or explain(KL, P, Q, base=2) — prints
                     KL(P‖Q) = Σ p·log2(p/q)
                             = 0.5·log2(0.5/0.25) + 0.25·log2(0.25/0.5) + 0.25·log2(0.25/0.25)
                             = 0.5·1 + 0.25·(-1) + 0.25·0
                             = 0.25 bits
                   and returns the value. Works for discrete distributions and probability vectors.
                   explain(arith_encode(P, s)) prints the arithmetic coder's interval narrowed symbol by symbol (exact
                   fractions for short messages), −log2 P(s) and the codeword's dyadic interval inside the final
                   interval, and returns the codeword.
                   """,
                   example: "explain(KL([0.5, 0.25, 0.25] || [0.25, 0.5, 0.25], base=2))",
                   compilerForm: .explainsMeasure) { a in
            let measureName: String
            switch a[0] {
            case .string(let s): measureName = s
            case .builtin(let b): measureName = b.name
            case .number, .tensor, .tracked:
                throw a.error("give the measure itself, as in explain(KL(P || Q, base=2)), explain(H(P)), explain(H(P, Q)) or explain(JS(P, Q)) (got its value \(ValueFormatter.describeForError(a[0])))")
            default: throw a.fail(0, "must be H, KL or JS")
            }
            if measureName == "arith_encode" { return try explainArithmetic(a) }
            let base = try logBase(a, 3)
            guard a.has(1) else { throw a.error("write explain(KL(P || Q)) or explain(KL, P, Q)") }
            let (p, second) = try explainedMasses(a)
            let measure: ExplainedMeasure
            switch (measureName, second) {
            case ("H", nil): measure = .entropy(p)
            case ("H", let q?): measure = .crossEntropy(p, q)
            case ("KL", let q?): measure = .kl(p, q)
            case ("JS", let q?): measure = .js(p, q)
            default: throw a.error("can explain H(P), H(P, Q), KL(P || Q) and JS(P, Q) (got \(measureName))")
            }
            let text = try Information.explain(measure, base: base)
            if let display = a.interpreter.display {
                display(.text(text, markdown: Information.explanationLaTeX(text)))
            } else {
                a.interpreter.write(text.hasSuffix("\n") ? text : text + "\n")
                try a.interpreter.checkOutput()
            }
            let value: Var
            switch measure {
            case .entropy(let t): value = try Information.entropy(.constant(t), base: base)
            case .crossEntropy(let s, let t): value = try Information.crossEntropy(.constant(s), .constant(t), base: base)
            case .kl(let s, let t): value = try Information.kl(.constant(s), .constant(t), base: base)
            case .js(let s, let t): value = try Information.js(.constant(s), .constant(t), base: base)
            }
            return Value(value)
        }
        installJoint(r)
    }

    /// `explain(arith_encode(P, s))`: prints the narrowing table, returns the codeword.
    static func explainArithmetic(_ a: Arguments) throws -> Value {
        guard a.has(1), a.has(2) else { throw a.error("write explain(arith_encode(P, message))") }
        let (probabilities, symbols) = try symbolDistribution(a, 1)
        let message = try symbols.map { try labelIndices(a, 2, labels: $0) } ?? messageIndices(a, 2)
        let text = try coding(a) { try explainArithmeticCode(probabilities: probabilities, message: message, symbols: symbols) }
        a.interpreter.write(text + "\n")
        return try codeword(a, probabilities, message)
    }

    /// The optional `base=` argument: nil (nats) or a positive number other than 1.
    static func logBase(_ a: Arguments, _ i: Int) throws -> Double? {
        guard a.has(i) else { return nil }
        let b = try a.number(i)
        guard b > 0, b != 1, b.isFinite else { throw a.fail(i, "must be a positive number other than 1 (2 bits, e nats, 10 dits)") }
        return b
    }

    /// A numeric vector or matrix argument (probabilities), or nil for a distribution.
    static func vectorArgument(_ v: Value) -> Var? {
        if case .object = v { return nil }
        guard let x = v.asVar, x.value.rank >= 1 else { return nil }
        return x
    }

    /// Dispatches a measure of two arguments: two probability vectors (or matrices of rows) go
    /// to KLSInformation, anything with a distribution to KLSDistributions.
    static func pairwise(_ a: Arguments, vectors: (Var, Var) throws -> Var,
                         distributions: (any Distribution, any Distribution) throws -> Var) throws -> Value {
        if let p = vectorArgument(a[0]), let q = vectorArgument(a[1]) { return Value(try vectors(p, q)) }
        return Value(try distributions(try distribution(a, 0).distribution, try distribution(a, 1).distribution))
    }

    /// The mass vectors of explain's one or two arguments; two labelled distributions are
    /// compared by label (Q's masses put in the order of P's labels).
    static func explainedMasses(_ a: Arguments) throws -> (Tensor, Tensor?) {
        guard a.has(2) else { return (try discreteMasses(a, 1), nil) }
        if vectorArgument(a[1]) == nil, vectorArgument(a[2]) == nil {
            let p = try distribution(a, 1).distribution, q = try distribution(a, 2).distribution
            if p.outcomeLabels != nil, q.outcomeLabels != nil {
                let (x, y) = try DistributionMeasures.discreteMasses(p, q)
                return (x.value, y.value)
            }
        }
        return (try discreteMasses(a, 1), try discreteMasses(a, 2))
    }

    /// The mass vector of a discrete distribution or probability vector (for explain).
    static func discreteMasses(_ a: Arguments, _ i: Int) throws -> Tensor {
        if let v = vectorArgument(a[i]) { return v.value }
        guard let masses = try distribution(a, i).distribution.probabilities else {
            throw a.fail(i, "must be discrete (a probability vector, Bernoulli or Categorical)")
        }
        return masses.value
    }
}

/// A Monte Carlo estimate with its standard error (`KL(P, Q, samples=N)`).
public final class MonteCarloValue: Object {
    let estimate: MonteCarloEstimate
    init(_ estimate: MonteCarloEstimate) { self.estimate = estimate }
    public override var typeName: String { "Estimate" }
    public override var fieldNames: [String] { ["value", "stderr", "samples"] }
    public override func field(_ name: String) -> Value? {
        switch name {
        case "value": return .number(estimate.estimate)
        case "stderr": return .number(estimate.standardError)
        case "samples": return .number(Double(estimate.samples))
        default: return nil
        }
    }
    public override func display() -> String {
        "\(ValueFormatter.number(estimate.estimate)) ± \(ValueFormatter.number(estimate.standardError)) (Monte Carlo, \(estimate.samples) samples; fields .value .stderr)"
    }
}
