import Foundation
import KLSNumerics
import KLSSpecial

/// A finite mixture p(x) = Σₖ wₖ pₖ(x) of component distributions, all continuous or all
/// discrete (the outcomes of a discrete mixture are 0..K−1 with K the largest component's).
public struct Mixture: Distribution {
    public static let family = "Mixture"
    /// The components.
    public let components: [any Distribution]
    /// The weights wₖ: non-negative, summing to 1.
    public let weights: Var

    /// Mixture(components, weights); weights default to equal (1/n each).
    public init(components: [any Distribution], weights: Var? = nil) throws {
        let check = ParameterCheck(family: Self.family)
        guard !components.isEmpty else { throw check.fail("needs at least one component") }
        let w = weights ?? .constant(Tensor(repeating: 1 / Double(components.count), shape: [components.count]))
        let values = try check.probabilityVector(w, what: "weight")
        guard values.count == components.count else {
            throw check.fail("\(values.count) weights for \(components.count) components")
        }
        let discrete = components.map(\.isDiscrete)
        guard discrete.allSatisfy({ $0 == discrete[0] }) else {
            throw check.fail("components must be all continuous or all discrete")
        }
        self.components = components
        self.weights = w
    }

    /// Weight k as a scalar `Var` (gradients flow to the weight vector).
    func weight(_ k: Int) -> Scalar { Scalar(Var.element(weights, k)) }

    /// Validated parameters, stored as given.
    private init(constant components: [any Distribution], _ weights: Var) {
        self.components = components
        self.weights = weights
    }

    public var detached: Mixture { Mixture(constant: components.map { $0.detached }, .constant(weights.value)) }
    public var parameters: [(name: String, value: Var)] {
        [("weights", weights)] + components.enumerated().flatMap { k, c in
            c.parameters.map { ("\(k).\($0.name)", $0.value) }
        }
    }

    public var support: Support {
        if isDiscreteMixture {
            return .discrete(count: components.map { $0.support.hull.upper }.reduce(0) { Swift.max($0, Int($1) + 1) })
        }
        let hulls = components.map(\.support.hull)
        return .interval(lower: hulls.map(\.lower).min() ?? 0, upper: hulls.map(\.upper).max() ?? 0)
    }

    private var isDiscreteMixture: Bool { components.first?.isDiscrete ?? false }
    public var landmarks: [Var] { components.flatMap(\.landmarks) }
    public var description: String {
        let parts = components.map(\.description).joined(separator: ", ")
        let w = weights.value.data.map(NumberText.format).joined(separator: ", ")
        return "Mixture([\(parts)], [\(w)])"
    }

    /// The mixed mass vector Σ wₖ pₖ over 0..K−1 (components' vectors padded with zeros).
    public var probabilities: Var? {
        guard isDiscreteMixture, case let .discrete(count) = support else { return nil }
        let parts = components.compactMap { $0.probabilities }
        guard parts.count == components.count else { return nil }
        return MixtureOps.weightedSum(weights, parts, padTo: [count])
    }

    /// log Σₖ wₖ pₖ(x), as a log-sum-exp over the components (finite far in the tails).
    public func logpdf(_ x: Var) throws -> Var {
        MixtureOps.logSumExp(weights, try components.map { try $0.logpdf(x) })
    }
    /// Σₖ wₖ pₖ(x).
    public func pdf(_ x: Var) throws -> Var {
        MixtureOps.weightedSum(weights, try components.map { try $0.pdf(x) }, padTo: x.value.shape)
    }
    /// Σₖ wₖ Fₖ(x).
    public func cdf(_ x: Var) throws -> Var {
        MixtureOps.weightedSum(weights, try components.map { try $0.cdf(x) }, padTo: x.value.shape)
    }
    /// Σₖ wₖ (1 − Fₖ(x)).
    public func survival(_ x: Var) throws -> Var {
        MixtureOps.weightedSum(weights, try components.map { try $0.survival(x) }, padTo: x.value.shape)
    }

    /// Each draw picks component k with probability wₖ, then draws from it.
    public func sample(count: Int, rng: inout RandomSource) -> Tensor {
        let n = Swift.max(0, count)
        let cumulative = DecimalSum.prefixSums(weights.value.data)
        let choice = (0..<n).map { _ in rng.categorical(cumulative: cumulative) ?? 0 }
        var positions = [[Int]](repeating: [], count: components.count)
        for (i, k) in choice.enumerated() where k >= 0 && k < components.count { positions[k].append(i) }
        var out = [Double](repeating: 0, count: n)
        for (k, component) in components.enumerated() where !positions[k].isEmpty {
            let draws = component.sample(count: positions[k].count, rng: &rng).data
            for (i, v) in zip(positions[k], draws) { out[i] = v }
        }
        return Tensor(vector: out)
    }

    /// E[X] = Σ wₖ μₖ.
    public var mean: Var { meanScalar.variable }
    private var meanScalar: Scalar {
        components.indices.reduce(Scalar(0)) { $0 + weight($1) * Scalar(components[$1].mean) }
    }
    /// Var[X] = Σ wₖ (σₖ² + μₖ²) − (Σ wₖ μₖ)².
    public var variance: Var {
        let second = components.indices.reduce(Scalar(0)) { acc, k in
            acc + weight(k) * (Scalar(components[k].variance) + Scalar(components[k].mean).squared)
        }
        return (second - meanScalar.squared).variable
    }
    public var std: Var { Scalar(variance).squareRoot().variable }

    /// −Σ p log p of the mixed masses (discrete), or −∫ p log p by adaptive quadrature.
    public var entropy: Var {
        get throws {
            if let p = probabilities { return try DiscreteMeasures.entropy(p) }
            return try ContinuousMeasures.entropy(self)
        }
    }

    /// None in closed form.
    public func fisher() -> Tensor? { nil }
}
