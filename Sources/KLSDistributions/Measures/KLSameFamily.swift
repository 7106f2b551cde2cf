import Foundation
import KLSNumerics

/// KL(P‖Q) in closed form for two members of one family (the formulas of
/// torch.distributions.kl), written with differentiable `Scalar` operations.
enum KLSameFamily {
    static let rules: [(KLRegistry.Key, KLRegistry.Rule)] = [
        KLRegistry.rule(Normal.self, Normal.self) { p, q in normal(p, q) },
        KLRegistry.rule(Uniform.self, Uniform.self) { p, q in uniform(p, q) },
        KLRegistry.rule(Exponential.self, Exponential.self) { p, q in exponential(p, q) },
        KLRegistry.rule(Laplace.self, Laplace.self) { p, q in laplace(p, q) },
        KLRegistry.rule(Gamma.self, Gamma.self) { p, q in gamma(p, q) },
        KLRegistry.rule(Beta.self, Beta.self) { p, q in beta(p, q) },
        KLRegistry.rule(Bernoulli.self, Bernoulli.self) { p, q in try DiscreteMeasures.kl(p, q) },
        KLRegistry.rule(Categorical.self, Categorical.self) { p, q in try DiscreteMeasures.kl(p, q) },
    ]

    /// log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½, written as ½(e²ᵗ − 1 − 2t) + ½((μ₁ − μ₂)/σ₂)²
    /// with t = log(σ₁/σ₂): no squares of σ that underflow or overflow (σ = 1e-170, 1e160), and
    /// no cancellation when σ₁ ≈ σ₂ (the result stays accurate and ≥ 0).
    static func normal(_ p: Normal, _ q: Normal) -> Var {
        let t = ScalarMath.logRatio(Scalar(p.sigma), Scalar(q.sigma))
        let z = (Scalar(p.mu) - Scalar(q.mu)) / Scalar(q.sigma)
        return (0.5 * ScalarMath.expm1MinusIdentity(2 * t) + 0.5 * z.squared).variable
    }

    /// log((b₂ − a₂)/(b₁ − a₁)) when [a₁, b₁] ⊆ [a₂, b₂] (+inf otherwise, decided by the caller),
    /// as a difference of log-widths (finite when a width overflows, as for [−1e308, 1e308]).
    static func uniform(_ p: Uniform, _ q: Uniform) -> Var {
        (q.logWidth - p.logWidth).variable
    }

    /// log(λ₁/λ₂) + λ₂/λ₁ − 1 = eᵗ − 1 − t with t = log(λ₂/λ₁) (≥ 0, accurate when λ₁ ≈ λ₂).
    static func exponential(_ p: Exponential, _ q: Exponential) -> Var {
        ScalarMath.expm1MinusIdentity(ScalarMath.logRatio(Scalar(q.rate), Scalar(p.rate))).variable
    }

    /// −log(b₁/b₂) + |μ₁ − μ₂|/b₂ + (b₁/b₂)·e^(−|μ₁ − μ₂|/b₁) − 1, written with t = log(b₁/b₂) as
    /// (eᵗ − 1 − t) + |μ₁ − μ₂|/b₂ + eᵗ·expm1(−|μ₁ − μ₂|/b₁): no cancellation when b₁ ≈ b₂.
    static func laplace(_ p: Laplace, _ q: Laplace) -> Var {
        let t = ScalarMath.logRatio(Scalar(p.scale), Scalar(q.scale))
        let gap = (Scalar(p.loc) - Scalar(q.loc)).magnitude
        return (ScalarMath.expm1MinusIdentity(t) + gap / Scalar(q.scale)
            + ScalarMath.exp(t) * ScalarMath.expm1(-gap / Scalar(p.scale))).variable
    }

    /// (α₁ − α₂)ψ(α₁) − log Γ(α₁) + log Γ(α₂) + α₂(log β₁ − log β₂) + α₁(β₂ − β₁)/β₁.
    static func gamma(_ p: Gamma, _ q: Gamma) -> Var {
        let a1 = Scalar(p.shape), a2 = Scalar(q.shape), b1 = Scalar(p.rate), b2 = Scalar(q.rate)
        // Equal shapes contribute exactly 0 (ψ(1e-320) and lgamma(1e308) are infinite).
        return (ScalarMath.difference(a1, a2, times: ScalarMath.digamma(a1)) + ScalarMath.lgammaDifference(a2, a1)
            + a2 * ScalarMath.logRatio(b1, b2) + a1 * (b2 - b1) / b1).variable
    }

    /// log B(a₂, b₂) − log B(a₁, b₁) + (a₁ − a₂)ψ(a₁) + (b₁ − b₂)ψ(b₁) + (a₂ − a₁ + b₂ − b₁)ψ(a₁ + b₁).
    static func beta(_ p: Beta, _ q: Beta) -> Var {
        let a1 = Scalar(p.a), b1 = Scalar(p.b), a2 = Scalar(q.a), b2 = Scalar(q.b)
        // Equal shapes contribute exactly 0 (ψ(1e-320) is infinite).
        return (ScalarMath.lbetaDifference(a2, b2, a1, b1) + ScalarMath.difference(a1, a2, times: ScalarMath.digamma(a1))
            + ScalarMath.difference(b1, b2, times: ScalarMath.digamma(b1))
            + ScalarMath.difference(a2 + b2, a1 + b1, times: ScalarMath.digamma(a1 + b1))).variable
    }
}
