import Foundation
import KLSNumerics

/// KL(P‖Q) in closed form for pairs of different families: the pairs
/// torch.distributions.kl registers (same formulas), plus Normal‖Laplace. Pairs whose
/// supports do not nest are +inf before lookup, so every rule here is finite.
enum KLCrossFamily {
    static let rules: [(KLRegistry.Key, KLRegistry.Rule)] = [
        KLRegistry.rule(Normal.self, Laplace.self) { p, q in normalLaplace(p, q) },
        KLRegistry.rule(Laplace.self, Normal.self) { p, q in laplaceNormal(p, q) },
        KLRegistry.rule(Uniform.self, Normal.self) { p, q in uniformNormal(p, q) },
        KLRegistry.rule(Uniform.self, Exponential.self) { p, q in uniformExponential(p, q) },
        KLRegistry.rule(Uniform.self, Gamma.self) { p, q in uniformGamma(p, q) },
        KLRegistry.rule(Uniform.self, Beta.self) { p, q in uniformBeta(p, q) },
        KLRegistry.rule(Exponential.self, Gamma.self) { p, q in exponentialGamma(p, q) },
        KLRegistry.rule(Exponential.self, Normal.self) { p, q in exponentialNormal(p, q) },
        KLRegistry.rule(Gamma.self, Exponential.self) { p, q in gammaExponential(p, q) },
        KLRegistry.rule(Gamma.self, Normal.self) { p, q in gammaNormal(p, q) },
        KLRegistry.rule(Beta.self, Normal.self) { p, q in betaNormal(p, q) },
        KLRegistry.rule(Beta.self, Exponential.self) { p, q in betaExponential(p, q) },
        KLRegistry.rule(Beta.self, Gamma.self) { p, q in betaGamma(p, q) },
        KLRegistry.rule(Beta.self, Uniform.self) { p, q in betaUniform(p, q) },
    ]

    /// −H(P) + log(2b) + E|X − μ_Q|/b, with E|X − m| = d·erf(d/(σ√2)) + σ√(2/π)·e^(−d²/(2σ²)),
    /// d = μ_P − m.
    static func normalLaplace(_ p: Normal, _ q: Laplace) -> Var {
        let s = Scalar(p.sigma), d = Scalar(p.mu) - Scalar(q.loc), b = Scalar(q.scale)
        let meanAbs = d * ScalarMath.erf(d / (s * Scalar(2.0.squareRoot())))
            + s * Scalar((2 / Double.pi).squareRoot()) * ScalarMath.exp(-d.squared / (2 * s.squared))
        return (-Scalar(p.entropy) + ScalarMath.log(2 * b) + meanAbs / b).variable
    }

    /// −½log(2b²/(πσ²)) + b²/σ² + (μ_P − μ_Q)²/(2σ²) − 1.
    static func laplaceNormal(_ p: Laplace, _ q: Normal) -> Var {
        let variance = Scalar(q.sigma).squared
        let ratio = Scalar(p.scale).squared / variance
        let t1 = 0.5 * ScalarMath.log(2 * ratio / Scalar(Double.pi))
        let gap = (Scalar(p.loc) - Scalar(q.mu)).squared
        return (-t1 + ratio + 0.5 * gap / variance - 1).variable
    }

    /// log(σ√(2π)/(b − a)) + ((b − a)²/12 + ((a + b)/2 − μ)²)/(2σ²).
    static func uniformNormal(_ p: Uniform, _ q: Normal) -> Var {
        let width = Scalar(p.b) - Scalar(p.a), s = Scalar(q.sigma)
        let t1 = ScalarMath.log(s * Scalar((2 * Double.pi).squareRoot()) / width)
        let t2 = width.squared / 12
        let t3 = ((Scalar(p.b) + Scalar(p.a)) / 2 - Scalar(q.mu)).squared
        return (t1 + 0.5 * (t2 + t3) / s.squared).variable
    }

    /// λ(a + b)/2 − log((b − a)λ).
    static func uniformExponential(_ p: Uniform, _ q: Exponential) -> Var {
        let rate = Scalar(q.rate)
        return (rate * (Scalar(p.b) + Scalar(p.a)) / 2 - ScalarMath.log((Scalar(p.b) - Scalar(p.a)) * rate)).variable
    }

    /// −log w + log Γ(α) − α log β + (1 − α)(b log b − a log a − w)/w + β(a + b)/2, w = b − a.
    static func uniformGamma(_ p: Uniform, _ q: Gamma) -> Var {
        let lo = Scalar(p.a), hi = Scalar(p.b), width = hi - lo
        let alpha = Scalar(q.shape), rate = Scalar(q.rate)
        let t2 = ScalarMath.lgamma(alpha) - alpha * ScalarMath.log(rate)
        let t3 = (1 - alpha) * (ScalarMath.xlogx(hi) - ScalarMath.xlogx(lo) - width) / width
        return (-ScalarMath.log(width) + t2 + t3 + rate * (hi + lo) / 2).variable
    }

    /// −log w − (α − 1)(b log b − a log a − w)/w
    /// + (β − 1)((1−b)log(1−b) − (1−a)log(1−a) + w)/w + log B(α, β), w = b − a.
    static func uniformBeta(_ p: Uniform, _ q: Beta) -> Var {
        let lo = Scalar(p.a), hi = Scalar(p.b), width = hi - lo
        let a = Scalar(q.a), b = Scalar(q.b)
        let t2 = (a - 1) * (ScalarMath.xlogx(hi) - ScalarMath.xlogx(lo) - width) / width
        let t3 = (b - 1) * (ScalarMath.xlogx(1 - hi) - ScalarMath.xlogx(1 - lo) + width) / width
        return (t3 + ScalarMath.lbeta(a, b) - ScalarMath.log(width) - t2).variable
    }

    /// −α log(β/λ) + β/λ + log Γ(α) + αγ − (1 + γ), γ Euler's constant.
    static func exponentialGamma(_ p: Exponential, _ q: Gamma) -> Var {
        let ratio = Scalar(q.rate) / Scalar(p.rate), alpha = Scalar(q.shape)
        return (-alpha * ScalarMath.log(ratio) + ratio + ScalarMath.lgamma(alpha) + alpha * Scalar(eulerGamma)
            - Scalar(1 + eulerGamma)).variable
    }

    /// ½log(2πλ²σ²) − 1 + (1/λ² − μ/λ + μ²/2)/σ².
    static func exponentialNormal(_ p: Exponential, _ q: Normal) -> Var {
        let variance = Scalar(q.sigma).squared, rate = Scalar(p.rate), mu = Scalar(q.mu)
        let t1 = 0.5 * ScalarMath.log(rate.squared * variance * Scalar(2 * Double.pi))
        return (t1 - 1 + (1 / rate.squared - mu / rate + 0.5 * mu.squared) / variance).variable
    }

    /// −H(P) − log λ + λα/β.
    static func gammaExponential(_ p: Gamma, _ q: Exponential) -> Var {
        let rate = Scalar(q.rate)
        return (-Scalar(p.entropy) - ScalarMath.log(rate) + rate * Scalar(p.shape) / Scalar(p.rate)).variable
    }

    /// ½log(2πβ²σ²) − α − log Γ(α) + (α − 1)ψ(α) + (½(α² + α)/β² − μα/β + μ²/2)/σ².
    static func gammaNormal(_ p: Gamma, _ q: Normal) -> Var {
        let variance = Scalar(q.sigma).squared, alpha = Scalar(p.shape), rate = Scalar(p.rate), mu = Scalar(q.mu)
        let t1 = 0.5 * ScalarMath.log(rate.squared * variance * Scalar(2 * Double.pi)) - alpha - ScalarMath.lgamma(alpha)
        let t2 = 0.5 * (alpha.squared + alpha) / rate.squared
        let t3 = mu * alpha / rate
        return (t1 + (alpha - 1) * ScalarMath.digamma(alpha) + (t2 - t3 + 0.5 * mu.squared) / variance).variable
    }

    /// −H(P) + ½log(2πσ²) + (E[X²] − 2μE[X] + μ²)/(2σ²).
    static func betaNormal(_ p: Beta, _ q: Normal) -> Var {
        let a = Scalar(p.a), b = Scalar(p.b), m = a / (a + b)
        let variance = Scalar(q.sigma).squared, mu = Scalar(q.mu)
        let t3 = (m * (1 - m) / (a + b + 1) + m.squared) * 0.5
        return (-Scalar(p.entropy) + 0.5 * ScalarMath.log(variance * Scalar(2 * Double.pi))
            + (t3 - mu * m + 0.5 * mu.squared) / variance).variable
    }

    /// −H(P) − log λ + λa/(a + b).
    static func betaExponential(_ p: Beta, _ q: Exponential) -> Var {
        let rate = Scalar(q.rate)
        return (-Scalar(p.entropy) - ScalarMath.log(rate) + rate * Scalar(p.a) / (Scalar(p.a) + Scalar(p.b))).variable
    }

    /// −H(P) + log Γ(α) − α log β − (α − 1)(ψ(a) − ψ(a + b)) + βa/(a + b).
    static func betaGamma(_ p: Beta, _ q: Gamma) -> Var {
        let a = Scalar(p.a), b = Scalar(p.b), alpha = Scalar(q.shape), rate = Scalar(q.rate)
        let t2 = ScalarMath.lgamma(alpha) - alpha * ScalarMath.log(rate)
        let t3 = (alpha - 1) * (ScalarMath.digamma(a) - ScalarMath.digamma(a + b))
        return (-Scalar(p.entropy) + t2 - t3 + rate * a / (a + b)).variable
    }

    /// −H(P) + log(b − a).
    static func betaUniform(_ p: Beta, _ q: Uniform) -> Var {
        (-Scalar(p.entropy) + ScalarMath.log(Scalar(q.b) - Scalar(q.a))).variable
    }

    /// Euler's constant γ = −ψ(1).
    static let eulerGamma = 0.57721566490153286060651209008240243
}
