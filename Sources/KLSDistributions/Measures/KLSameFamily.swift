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

    /// log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½.
    static func normal(_ p: Normal, _ q: Normal) -> Var {
        let s1 = Scalar(p.sigma), s2 = Scalar(q.sigma)
        let d = Scalar(p.mu) - Scalar(q.mu)
        return (ScalarMath.log(s2 / s1) + (s1.squared + d.squared) / (2 * s2.squared) - 0.5).variable
    }

    /// log((b₂ − a₂)/(b₁ − a₁)) when [a₁, b₁] ⊆ [a₂, b₂] (+inf otherwise, decided by the caller).
    static func uniform(_ p: Uniform, _ q: Uniform) -> Var {
        ScalarMath.log((Scalar(q.b) - Scalar(q.a)) / (Scalar(p.b) - Scalar(p.a))).variable
    }

    /// log(λ₁/λ₂) + λ₂/λ₁ − 1.
    static func exponential(_ p: Exponential, _ q: Exponential) -> Var {
        let ratio = Scalar(q.rate) / Scalar(p.rate)
        return (ratio - ScalarMath.log(ratio) - 1).variable
    }

    /// −log(b₁/b₂) + |μ₁ − μ₂|/b₂ + (b₁/b₂)·e^(−|μ₁ − μ₂|/b₁) − 1.
    static func laplace(_ p: Laplace, _ q: Laplace) -> Var {
        let ratio = Scalar(p.scale) / Scalar(q.scale)
        let gap = (Scalar(p.loc) - Scalar(q.loc)).magnitude
        return (-ScalarMath.log(ratio) + gap / Scalar(q.scale)
            + ratio * ScalarMath.exp(-gap / Scalar(p.scale)) - 1).variable
    }

    /// (α₁ − α₂)ψ(α₁) − log Γ(α₁) + log Γ(α₂) + α₂(log β₁ − log β₂) + α₁(β₂ − β₁)/β₁.
    static func gamma(_ p: Gamma, _ q: Gamma) -> Var {
        let a1 = Scalar(p.shape), a2 = Scalar(q.shape), b1 = Scalar(p.rate), b2 = Scalar(q.rate)
        return ((a1 - a2) * ScalarMath.digamma(a1) - ScalarMath.lgamma(a1) + ScalarMath.lgamma(a2)
            + a2 * (ScalarMath.log(b1) - ScalarMath.log(b2)) + a1 * (b2 - b1) / b1).variable
    }

    /// log B(a₂, b₂) − log B(a₁, b₁) + (a₁ − a₂)ψ(a₁) + (b₁ − b₂)ψ(b₁) + (a₂ − a₁ + b₂ − b₁)ψ(a₁ + b₁).
    static func beta(_ p: Beta, _ q: Beta) -> Var {
        let a1 = Scalar(p.a), b1 = Scalar(p.b), a2 = Scalar(q.a), b2 = Scalar(q.b)
        return (ScalarMath.lbeta(a2, b2) - ScalarMath.lbeta(a1, b1) + (a1 - a2) * ScalarMath.digamma(a1)
            + (b1 - b2) * ScalarMath.digamma(b1) + (a2 - a1 + b2 - b1) * ScalarMath.digamma(a1 + b1)).variable
    }
}
