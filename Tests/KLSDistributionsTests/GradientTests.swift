import Foundation
import Testing
import KLSNumerics
@testable import KLSDistributions

/// Builds a distribution from parameter `Var`s (so a test can track or perturb each one).
typealias Builder = @Sendable ([Var]) throws -> any Distribution

/// A family member, its parameter values, and points at which to differentiate.
struct GradientCase: CustomStringConvertible, Sendable {
    let name: String
    let params: [Double]
    let make: Builder
    let points: [Double]
    /// Whether x itself can be perturbed (continuous families, interior points).
    var differentiableInX = true
    var description: String { name }
}

/// Softmax of scalar logits as a probability vector (so perturbing one logit stays valid).
func softmaxVector(_ logits: [Var]) throws -> Var { Var.softmax(try Var.stack(logits)) }

let builders: [String: Builder] = [
    "Normal": { try Normal(mu: $0[0], sigma: $0[1]) },
    "Uniform": { try Uniform(a: $0[0], b: $0[1]) },
    "Exponential": { try Exponential(rate: $0[0]) },
    "Laplace": { try Laplace(loc: $0[0], scale: $0[1]) },
    "Gamma": { try Gamma(shape: $0[0], rate: $0[1]) },
    "Beta": { try Beta(a: $0[0], b: $0[1]) },
]

func built(_ family: String, _ v: [Var]) throws -> any Distribution {
    guard let make = builders[family] else { throw DistributionError.unsupported("no builder \(family)") }
    return try make(v)
}

let gradientCases: [GradientCase] = [
    GradientCase(name: "Normal", params: [0.3, 1.7], make: { try built("Normal", $0) }, points: [-2.1, 0.3, 4.4]),
    GradientCase(name: "Uniform", params: [-0.5, 2.5], make: { try built("Uniform", $0) }, points: [-0.2, 1.9]),
    GradientCase(name: "Exponential", params: [0.7], make: { try built("Exponential", $0) }, points: [0.3, 2.9]),
    GradientCase(name: "Laplace", params: [-1, 0.6], make: { try built("Laplace", $0) }, points: [-2.2, -0.7, 1.5]),
    GradientCase(name: "Gamma (shape < 1)", params: [0.6, 2.2], make: { try built("Gamma", $0) }, points: [0.05, 0.4, 2.5]),
    GradientCase(name: "Gamma", params: [7.5, 0.4], make: { try built("Gamma", $0) }, points: [6, 18, 35]),
    GradientCase(name: "Beta", params: [0.7, 1.8], make: { try built("Beta", $0) }, points: [0.02, 0.3, 0.9]),
    GradientCase(name: "Beta (peaked)", params: [3.5, 2.25], make: { try built("Beta", $0) }, points: [0.2, 0.61, 0.95]),
    GradientCase(name: "Bernoulli", params: [0.35], make: { try Bernoulli(p: $0[0]) }, points: [0, 1],
                 differentiableInX: false),
    GradientCase(name: "Categorical (softmax logits)", params: [0.2, -0.4, 1.1],
                 make: { try Categorical(probs: try softmaxVector($0)) }, points: [0, 1, 2], differentiableInX: false),
    GradientCase(name: "Mixture of Normal and Laplace", params: [0.3, -0.2, -1, 0.5, 2, 1.5],
                 make: { v in
                     try Mixture(components: [try Normal(mu: v[2], sigma: v[3]), try Laplace(loc: v[4], scale: v[5])],
                                 weights: try softmaxVector([v[0], v[1]]))
                 }, points: [-1.2, 0.4, 2.5]),
]

@Test("gradients of logpdf, pdf, cdf, survival in every parameter and x match finite differences",
      arguments: gradientCases)
func densityGradients(_ c: GradientCase) throws {
    typealias Quantity = (any Distribution, Var) throws -> Var
    let quantities: [(String, Quantity)] = [
        ("logpdf", { try $0.logpdf($1) }), ("pdf", { try $0.pdf($1) }),
        ("cdf", { try $0.cdf($1) }), ("survival", { try $0.survival($1) }),
    ]
    for x in c.points {
        for (label, quantity) in quantities {
            let mismatch = try gradientMismatch(c.params + [x]) { v in
                let xv = c.differentiableInX ? v[v.count - 1] : Var(x)
                return try quantity(try c.make(Array(v.dropLast())), xv)
            }
            #expect(mismatch == nil, "\(label) at x = \(x): \(mismatch ?? "")")
        }
    }
}

@Test("gradients of mean, variance, std and entropy match finite differences", arguments: gradientCases)
func momentGradients(_ c: GradientCase) throws {
    typealias Quantity = (any Distribution) throws -> Var
    let quantities: [(String, Quantity)] = [
        ("mean", { $0.mean }), ("variance", { $0.variance }), ("std", { $0.std }), ("entropy", { try $0.entropy }),
    ]
    for (label, quantity) in quantities {
        let mismatch = try gradientMismatch(c.params) { try quantity(try c.make($0)) }
        #expect(mismatch == nil, "\(label): \(mismatch ?? "")")
    }
}

/// A pair for KL gradients: parameters of P then Q.
struct KLGradientCase: CustomStringConvertible, Sendable {
    let name: String
    let params: [Double]
    let make: @Sendable ([Var]) throws -> (any Distribution, any Distribution)
    var description: String { name }
}

func pair(_ f: String, _ np: Int, _ g: String) -> @Sendable ([Var]) throws -> (any Distribution, any Distribution) {
    { v in (try built(f, Array(v[..<np])), try built(g, Array(v[np...]))) }
}

let klGradientCases: [KLGradientCase] = [
    KLGradientCase(name: "Normal‖Normal", params: [0.3, 1.7, -1, 0.8], make: pair("Normal", 2, "Normal")),
    KLGradientCase(name: "Uniform‖Uniform", params: [-0.5, 1.5, -1, 2.5], make: pair("Uniform", 2, "Uniform")),
    KLGradientCase(name: "Exponential‖Exponential", params: [0.7, 2.3], make: pair("Exponential", 1, "Exponential")),
    KLGradientCase(name: "Laplace‖Laplace", params: [-1, 0.6, 0.5, 1.3], make: pair("Laplace", 2, "Laplace")),
    KLGradientCase(name: "Gamma‖Gamma", params: [0.6, 2.2, 2.5, 1.5], make: pair("Gamma", 2, "Gamma")),
    KLGradientCase(name: "Beta‖Beta", params: [0.7, 1.8, 3.5, 2.25], make: pair("Beta", 2, "Beta")),
    KLGradientCase(name: "Bernoulli‖Bernoulli", params: [0.3, 0.85], make: { v in
        (try Bernoulli(p: v[0]), try Bernoulli(p: v[1]))
    }),
    KLGradientCase(name: "Categorical‖Categorical", params: [0.2, -0.4, 1.1, 0.5, 0.1, -0.3], make: { v in
        (try Categorical(probs: try softmaxVector(Array(v[..<3]))), try Categorical(probs: try softmaxVector(Array(v[3...]))))
    }),
    KLGradientCase(name: "Normal‖Laplace", params: [-0.3, 0.7, 0.4, 1.1], make: pair("Normal", 2, "Laplace")),
    KLGradientCase(name: "Laplace‖Normal", params: [0.4, 0.9, -0.2, 1.4], make: pair("Laplace", 2, "Normal")),
    KLGradientCase(name: "Uniform‖Normal", params: [-0.5, 1.5, 0.2, 1.1], make: pair("Uniform", 2, "Normal")),
    KLGradientCase(name: "Uniform‖Exponential", params: [0.5, 2, 0.8], make: pair("Uniform", 2, "Exponential")),
    KLGradientCase(name: "Uniform‖Gamma", params: [0.2, 2, 2.5, 1.5], make: pair("Uniform", 2, "Gamma")),
    KLGradientCase(name: "Uniform‖Beta", params: [0.1, 0.7, 2, 5], make: pair("Uniform", 2, "Beta")),
    KLGradientCase(name: "Exponential‖Gamma", params: [0.7, 2.5, 1.5], make: pair("Exponential", 1, "Gamma")),
    KLGradientCase(name: "Exponential‖Normal", params: [0.7, 1, 2], make: pair("Exponential", 1, "Normal")),
    KLGradientCase(name: "Gamma‖Exponential", params: [2.5, 1.5, 0.7], make: pair("Gamma", 2, "Exponential")),
    KLGradientCase(name: "Gamma‖Normal", params: [2.5, 1.5, 1, 2], make: pair("Gamma", 2, "Normal")),
    KLGradientCase(name: "Beta‖Normal", params: [2, 5, 0.3, 0.5], make: pair("Beta", 2, "Normal")),
    KLGradientCase(name: "Beta‖Exponential", params: [2, 5, 3], make: pair("Beta", 2, "Exponential")),
    KLGradientCase(name: "Beta‖Gamma", params: [2, 5, 2.5, 1.5], make: pair("Beta", 2, "Gamma")),
    KLGradientCase(name: "Beta‖Uniform", params: [2, 5, -0.5, 1.5], make: pair("Beta", 2, "Uniform")),
    KLGradientCase(name: "numerical: Gamma‖Laplace", params: [2.5, 1.5, 1, 0.8], make: pair("Gamma", 2, "Laplace")),
    KLGradientCase(name: "numerical: Uniform‖Laplace", params: [-1, 2, 0, 1], make: pair("Uniform", 2, "Laplace")),
    KLGradientCase(name: "numerical: Mixture‖Normal", params: [0.3, -0.2, -2, 1, 2, 1.2, 0, 2.5], make: { v in
        let m = try Mixture(components: [try Normal(mu: v[2], sigma: v[3]), try Normal(mu: v[4], sigma: v[5])],
                            weights: try softmaxVector([v[0], v[1]]))
        return (m, try Normal(mu: v[6], sigma: v[7]))
    }),
]

@Test("KL gradients in every parameter of P and Q match finite differences", arguments: klGradientCases)
func klGradients(_ c: KLGradientCase) throws {
    let mismatch = try gradientMismatch(c.params) { v in
        let (p, q) = try c.make(v)
        return try DistributionMeasures.kl(p, q)
    }
    #expect(mismatch == nil, "\(mismatch ?? "")")
}

/// The normal's fused parameter sums skip elements whose log-density is not finite (x = ±inf
/// gives −inf, a nan x gives nan), as the general loop does: only the finite points count.
/// At μ = 0.5, σ = 2, each of the finite points 1 and −3 (z = 0.25 and −1.75) adds z/σ to
/// ∂/∂μ Σ log p and (z² − 1)/σ to ∂/∂σ: twice each gives −1.5 and 1.125.
@Test("normal logpdf gradients ignore points whose log-density is not finite")
func normalGradientSkipsNonFinitePoints() throws {
    for extra in [Double.infinity, -.infinity, .nan] {
        let tape = Tape()
        defer { tape.close() }
        let mu = tape.leaf(Tensor(scalar: 0.5)), sigma = tape.leaf(Tensor(scalar: 2))
        let x = Var.constant(Tensor(vector: [1, extra, -3, 1, -3]))
        let total = Var.sum(try Normal(mu: .tracked(mu), sigma: .tracked(sigma)).logpdf(x))
        guard let node = total.node else {
            Issue.record("not tracked")
            return
        }
        let grads = tape.gradients(of: node, withRespectTo: [mu, sigma])
        #expect(abs((grads[0]?.data[0] ?? .nan) - -1.5) < 1e-15, "x = \(extra)")
        #expect(abs((grads[1]?.data[0] ?? .nan) - 1.125) < 1e-15, "x = \(extra)")
    }
}
