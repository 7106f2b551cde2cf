import Foundation
import KLSInformation
import KLSNumerics
import KLSSpecial

/// Information measures between distributions, all differentiable in every parameter.
///
/// Logarithmic measures take `base`: nil for nats, 2 for bits, 10 for dits (the result in
/// nats divided by log(base)). Two discrete distributions (Bernoulli, Categorical, discrete
/// mixtures; a plain probability vector is a `Categorical`) are delegated to KLSInformation
/// on their mass vectors; a discrete and a continuous distribution cannot be compared.
/// Continuous pairs use closed forms where they exist and otherwise adaptive numerical
/// integration (`ContinuousIntegral`, accurate to about 1e-8 relative).
public enum DistributionMeasures {
    /// Entropy H(P) = −∫ p log p (or −Σ p log p), divided by log(base).
    public static func entropy(_ p: any Distribution, base: Double? = nil) throws -> Var {
        try inBase(try p.entropy, base, "H")
    }

    /// KL(P‖Q) = ∫ p log(p/q): +inf when P's support is not inside Q's; a registered closed
    /// form (`KLRegistry`) when the pair has one; otherwise numerical integration over P's
    /// support, split at both distributions' landmarks.
    public static func kl(_ p: any Distribution, _ q: any Distribution, base: Double? = nil) throws -> Var {
        try inBase(try klNats(p, q), base, "KL")
    }

    /// Cross-entropy H(P, Q) = −∫ p log q = H(P) + KL(P‖Q) (discrete: −Σ p log q directly).
    public static func crossEntropy(_ p: any Distribution, _ q: any Distribution, base: Double? = nil) throws -> Var {
        if try bothDiscrete(p, q, "H") {
            let (a, b) = try DiscreteMeasures.masses(p, q)
            return try Information.crossEntropy(a, b, base: base)
        }
        let total = Scalar(try p.entropy) + Scalar(try klNats(p, q))
        return try inBase(total.variable, base, "H")
    }

    /// Jensen–Shannon divergence ½KL(P‖M) + ½KL(Q‖M), M = ½(P + Q) (not its square root).
    public static func js(_ p: any Distribution, _ q: any Distribution, base: Double? = nil) throws -> Var {
        if try bothDiscrete(p, q, "JS") {
            let (a, b) = try DiscreteMeasures.masses(p, q)
            return try Information.js(a, b, base: base)
        }
        if identical(p, q) { return Var(0) }
        let m = try Mixture(components: [p, q])
        let value = 0.5 * (Scalar(try ContinuousMeasures.kl(p, m)) + Scalar(try ContinuousMeasures.kl(q, m)))
        return try inBase(atMost(Foundation.log(2), value.variable), base, "JS")
    }

    /// 1-Wasserstein distance ∫ |F_P − F_Q| dx (discrete: Σ_k |F_P(k) − F_Q(k)|). Exactly
    /// |μ_P − μ_Q| for two members of a location family with equal shape (normals of equal σ,
    /// Laplace of equal scale, uniforms of equal width); numerical otherwise.
    public static func w1(_ p: any Distribution, _ q: any Distribution) throws -> Var {
        if try bothDiscrete(p, q, "W1") {
            let (a, b) = try DiscreteMeasures.masses(p, q)
            return try Information.w1(a, b)
        }
        if let shift = translation(p, q) { return shift.magnitude.variable }
        return try ContinuousMeasures.w1(p, q)
    }

    /// Pearson χ²(P‖Q) = ∫ (p − q)²/q; +inf when P's support is not inside Q's.
    public static func chi2(_ p: any Distribution, _ q: any Distribution) throws -> Var {
        if try bothDiscrete(p, q, "chi2") {
            let (a, b) = try DiscreteMeasures.masses(p, q)
            return try Information.chi2(a, b)
        }
        guard p.support.isContained(in: q.support) else { return Var(.infinity) }
        if identical(p, q) { return Var(0) }
        return try ContinuousMeasures.chi2(p, q)
    }

    /// Hellinger distance sqrt(½∫(√p − √q)²), in [0, 1].
    public static func hellinger(_ p: any Distribution, _ q: any Distribution) throws -> Var {
        if try bothDiscrete(p, q, "hellinger") {
            let (a, b) = try DiscreteMeasures.masses(p, q)
            return try Information.hellinger(a, b)
        }
        if identical(p, q) { return Var(0) }
        return atMost(1, try ContinuousMeasures.hellinger(p, q))
    }

    /// Total variation distance ½∫|p − q|, in [0, 1].
    public static func totalVariation(_ p: any Distribution, _ q: any Distribution) throws -> Var {
        if try bothDiscrete(p, q, "TV") {
            let (a, b) = try DiscreteMeasures.masses(p, q)
            return try Information.totalVariation(a, b)
        }
        if identical(p, q) { return Var(0) }
        return atMost(1, try ContinuousMeasures.totalVariation(p, q))
    }

    /// The mass vectors of two discrete distributions over common outcomes: compared by label
    /// when both name their outcomes (an error when the names differ), else by position.
    public static func discreteMasses(_ p: any Distribution, _ q: any Distribution) throws -> (Var, Var) {
        try DiscreteMeasures.masses(p, q)
    }

    /// KL(P‖Q) in nats: support check, closed form, numerical fallback.
    static func klNats(_ p: any Distribution, _ q: any Distribution) throws -> Var {
        if try bothDiscrete(p, q, "KL") { return try DiscreteMeasures.kl(p, q) }
        guard p.support.isContained(in: q.support) else { return Var(.infinity) }
        if let closed = try KLRegistry.closedForm(p, q) { return closed }
        if identical(p, q) { return Var(0) }
        return try ContinuousMeasures.kl(p, q)
    }

    /// True when P and Q are the same distribution: one family, equal parameter values. Every
    /// divergence is then exactly 0 (and stationary), also where numerical integration cannot
    /// resolve the density (Gamma(1e308, 1), whose width is 1e-154 of its location).
    static func identical(_ p: any Distribution, _ q: any Distribution) -> Bool {
        guard type(of: p) == type(of: q) else { return false }
        let a = p.parameters, b = q.parameters
        return a.count == b.count && zip(a, b).allSatisfy { $0.value.value.data == $1.value.value.data }
    }

    /// min(bound, v), passing v's gradient below the bound: a measure bounded by definition
    /// (tv, hellinger ≤ 1, JS ≤ log 2) never exceeds its bound by rounding.
    static func atMost(_ bound: Double, _ v: Var) -> Var {
        Fused.map([v], value: { Swift.min(bound, $0) }, partials: { x, _ in SIMD3(x < bound ? 1 : 0, 0, 0) })
    }

    /// True when both are discrete, false when both are continuous; an error for a mixed pair.
    static func bothDiscrete(_ p: any Distribution, _ q: any Distribution, _ measure: String) throws -> Bool {
        guard p.isDiscrete == q.isDiscrete else {
            throw DistributionError.unsupported(
                "\(measure): cannot compare a discrete and a continuous distribution (\(p) and \(q))")
        }
        return p.isDiscrete
    }

    /// μ_P − μ_Q when Q is P shifted (same location family, equal shape), else nil.
    static func translation(_ p: any Distribution, _ q: any Distribution) -> Scalar? {
        switch (p, q) {
        case let (a as Normal, b as Normal) where Scalar(a.sigma).value == Scalar(b.sigma).value:
            return Scalar(a.mu) - Scalar(b.mu)
        case let (a as Laplace, b as Laplace) where Scalar(a.scale).value == Scalar(b.scale).value:
            return Scalar(a.loc) - Scalar(b.loc)
        case let (a as Uniform, b as Uniform)
            where Scalar(a.b).value - Scalar(a.a).value == Scalar(b.b).value - Scalar(b.a).value:
            return Scalar(a.a) - Scalar(b.a)
        default:
            return nil
        }
    }

    /// `nats` divided by log(base) (unchanged for nil); `base` must be positive, finite, ≠ 1.
    static func inBase(_ nats: Var, _ base: Double?, _ measure: String) throws -> Var {
        guard let base else { return nats }
        guard base.isFinite, base > 0, base != 1 else {
            throw DistributionError.unsupported(
                "\(measure): base must be a positive number other than 1 (got \(NumberText.format(base)))")
        }
        return (Scalar(nats) / Scalar(Foundation.log(base))).variable
    }
}
