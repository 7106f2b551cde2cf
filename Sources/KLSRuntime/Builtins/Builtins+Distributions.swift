import KLSDistributions
import KLSNumerics

/// Distribution constructors and the functions of a distribution (pdf, logpdf, cdf, sample,
/// moments, entropy, Fisher information). Parameters are PyTorch's (scale, not variance).
extension BuiltinRegistry {
    static func installDistributions(_ r: BuiltinRegistry) {
        // Each family's constructor reads its parameters straight from the arguments.
        typealias Make = (Arguments) throws -> any Distribution
        let families: [(String, [String], String, String, Make)] = [
            ("Normal", ["mu", "sigma"], "Normal (Gaussian) with mean mu and standard deviation sigma > 0.", "Normal(0, 1)",
             { a in try Normal(mu: scalarParameter(a, 0), sigma: scalarParameter(a, 1)) }),
            ("Uniform", ["a", "b"], "Uniform on [a, b], a < b.", "Uniform(-1, 3)",
             { a in try Uniform(a: scalarParameter(a, 0), b: scalarParameter(a, 1)) }),
            ("Exponential", ["rate"], "Exponential with rate λ > 0 (mean 1/λ).", "Exponential(2)",
             { a in try Exponential(rate: scalarParameter(a, 0)) }),
            ("Laplace", ["loc", "scale"], "Laplace (double exponential) with location and scale > 0.", "Laplace(0.5, 1.5)",
             { a in try Laplace(loc: scalarParameter(a, 0), scale: scalarParameter(a, 1)) }),
            ("Gamma", ["shape", "rate"], "Gamma with shape α > 0 and rate β > 0 (mean α/β).", "Gamma(2.5, 1.5)",
             { a in try Gamma(shape: scalarParameter(a, 0), rate: scalarParameter(a, 1)) }),
            ("Beta", ["a", "b"], "Beta on [0, 1] with shapes a, b > 0.", "Beta(2, 5)",
             { a in try Beta(a: scalarParameter(a, 0), b: scalarParameter(a, 1)) }),
            ("Bernoulli", ["p"], "Bernoulli: outcome 1 with probability p, 0 otherwise.", "Bernoulli(0.3)",
             { a in try Bernoulli(p: scalarParameter(a, 0)) }),
        ]
        for (name, parameters, summary, example, make) in families {
            r.function(name, parameters.map { p($0) }, category: "distributions", summary: summary, example: example) { a in
                .object(DistributionValue(try make(a)))
            }
        }
        r.function("Categorical", [p("probs"), p("labels", Value.none)], category: "distributions",
                   summary: "Categorical over outcomes 0…K−1 (or the labels) with the given probabilities.",
                   example: "Categorical([0.5, 0.25, 0.25], labels=[\"A\", \"B\", \"C\"])") { a in
            let labels: [String]? = a.has(1) ? try a.strings(1) : nil
            return .object(DistributionValue(try Categorical(probs: try a.numeric(0), labels: labels)))
        }
        r.function("Mixture", [p("components"), p("weights", Value.none, shown: "equal")], category: "distributions",
                   summary: "A mixture Σ wᵢ Dᵢ of distributions (weights default to equal).",
                   example: "Mixture([Normal(-5, 1), Normal(10, 1)])") { a in
            let components = try a.list(0).enumerated().map { i, v -> any Distribution in
                guard case .object(let o as DistributionValue) = v else {
                    throw a.error("component \(i) must be a distribution (got \(v.typeName))")
                }
                return o.distribution
            }
            return .object(DistributionValue(try Mixture(components: components, weights: a.has(1) ? try a.numeric(1) : nil)))
        }
        installDistributionFunctions(r)
    }

    /// Argument i as a one-element number (a rank-0 value; gradients flow through it).
    static func scalarParameter(_ a: Arguments, _ i: Int) throws -> Var {
        let x = try a.numeric(i)
        guard x.value.count == 1 else { throw a.fail(i, "must be a number") }
        return x.value.isScalar ? x : (Var.reshape(x, []) ?? x)
    }

    static func installDistributionFunctions(_ r: BuiltinRegistry) {
        let pointwise: [(String, String, String, (any Distribution, Var) throws -> Var)] = [
            ("pdf", "Density p(x) (probability mass for a discrete distribution), elementwise in x.", "pdf(Normal(0, 1), 0)",
             { d, x in try d.pdf(x) }),
            ("logpdf", "log p(x), computed in log space: finite far in the tails.", "logpdf(Normal(0, 1), 40)",
             { d, x in try d.logpdf(x) }),
            ("cdf", "F(x) = P(X ≤ x), clamped to [0, 1], accurate in the tails.", "cdf(Normal(0, 1), -10)",
             { d, x in try d.cdf(x) }),
        ]
        for (name, summary, example, evaluate) in pointwise {
            r.function(name, [p("D"), p("x")], category: "distributions", summary: summary, example: example) { a in
                let d = try distribution(a, 0)
                return Value(try evaluate(d.distribution, try outcomes(a, 1, of: d)))
            }
        }
        r.function("sample", [p("D"), p("n", .number(1))], category: "distributions",
                   summary: "n independent draws from D (reproducible after seed(k)).",
                   example: "sample(Normal(0, 1), 5)") { a in
            let d = try distribution(a, 0)
            let n = try a.count(1)
            let draws = d.distribution.sample(count: n, rng: &a.interpreter.random)
            if let labels = d.labels {
                return .list(draws.data.map { i in .string(labels[min(labels.count - 1, max(0, Int(i)))]) })
            }
            return .tensor(draws)
        }
        for (name, summary, example) in [
            ("var", "Variance Var[X] of a distribution; of a vector, the unbiased sample variance (torch.var).", "var(Normal(1.5, 2))"),
            ("std", "Standard deviation √Var[X] of a distribution; of a vector, the unbiased sample std (torch.std).", "std(Laplace(0.5, 1.5))"),
        ] {
            r.function(name, [p("D")], category: "distributions", summary: summary, help: """
                       Of a distribution D, its moment. Of a vector or matrix v of n elements, torch's default
                       (unbiased, Bessel-corrected) rule: var(v) = Σ (vᵢ − mean(v))² / (n − 1), std(v) = √var(v);
                       so var([1, 2, 3, 4]) = 1.6666666666666667, and a single element is an error (torch gives nan).
                       A probability vector is a sample here, not a distribution: write var(Categorical(p)) for
                       the variance of the outcomes 0…K−1 under p.
                       """, example: example) { a in
                if case .object(let o as DistributionValue) = a[0] {
                    return Value(name == "var" ? o.distribution.variance : o.distribution.std)
                }
                let v = try a.numeric(0)
                let n = Double(v.value.count)
                guard n > 1 else { throw a.fail(0, "needs at least two elements (the unbiased estimate divides by n − 1)") }
                let centred = try v - Var.mean(v)
                let variance = try Var.sum(try centred * centred) / Var(n - 1)
                return Value(name == "var" ? variance : Var.unary(.sqrt, variance))
            }
        }
        r.function("entropy", [p("D"), p("base", Value.none, shown: "e")], category: "distributions",
                   summary: "Entropy of a distribution (differential entropy when continuous), in nats unless base= is given.",
                   help: "The same as H(D): base=2 gives bits, base=10 dits. A probability vector is a Categorical.",
                   example: "entropy(Normal(0, 1))") { a in
            Value(try DistributionMeasures.entropy(try distribution(a, 0).distribution, base: try logBase(a, 1)))
        }
        r.function("fisher", [p("D")], category: "distributions",
                   summary: "Fisher information matrix of D in its own parameters (closed form).",
                   example: "fisher(Normal(1, 2))") { a in
            let d = try distribution(a, 0)
            guard let f = d.distribution.fisher() else {
                throw a.error("\(d.typeName) has no Fisher information in closed form")
            }
            return Value(f)
        }
    }

    /// Argument `i` as a distribution; a plain probability vector is a Categorical.
    static func distribution(_ a: Arguments, _ i: Int) throws -> DistributionValue {
        if case .object(let o as DistributionValue) = a[i] { return o }
        if let v = a[i].asVar, v.value.rank == 1 {
            do { return DistributionValue(try Categorical(probs: v)) } catch {
                throw a.fail(i, "is not a probability vector: \(error)")
            }
        }
        throw a.fail(i, "must be a distribution or a probability vector")
    }

    /// The points x at which to evaluate D (labels of a labelled Categorical become indices).
    static func outcomes(_ a: Arguments, _ i: Int, of d: DistributionValue) throws -> Var {
        if let labels = d.labels {
            func index(_ v: Value) throws -> Double {
                if case .string(let s) = v {
                    guard let k = labels.firstIndex(of: s) else { throw a.fail(i, "is not one of the labels \(labels)") }
                    return Double(k)
                }
                guard case .number(let x) = v else { throw a.fail(i, "must be an outcome") }
                return x
            }
            switch a[i] {
            case .string: return Var(try index(a[i]))
            case .list(let items): return .constant(Tensor(vector: try items.map(index)))
            default: break
            }
        }
        return try a.numeric(i)
    }

    /// The Fisher information of model(arguments…), flattened row-major (for NaturalGradient):
    /// its distribution must have `count` parameters, one per element of the fit's parameters.
    static func fisherMatrix(model: Value, arguments: [Value], count: Int, interpreter: Interpreter) throws -> [Double] {
        let v = try interpreter.call(model, arguments)
        guard case .object(let o as DistributionValue) = v else {
            throw BuiltinError("NaturalGradient: the model must return a distribution (got \(v.typeName))")
        }
        guard let f = o.distribution.fisher() else {
            throw BuiltinError("NaturalGradient: \(o.typeName) has no Fisher information in closed form")
        }
        guard f.count == count * count else {
            throw BuiltinError("NaturalGradient: the model has \(Int(Double(f.count).squareRoot())) parameters but the fit has \(count)")
        }
        return f.data
    }
}
