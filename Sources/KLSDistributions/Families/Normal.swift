import Foundation
import KLSNumerics
import KLSSpecial

/// The normal distribution N(μ, σ²), parametrised by its mean μ and standard deviation σ
/// (PyTorch's `loc`, `scale`): p(x) = exp(−(x−μ)²/(2σ²)) / (σ√(2π)).
public struct Normal: Distribution {
    public static let family = "Normal"
    /// The mean μ.
    public let mu: Var
    /// The standard deviation σ > 0.
    public let sigma: Var

    /// N(mu, sigma²); `sigma` must be > 0 and both finite.
    public init(mu: Var, sigma: Var) throws {
        let check = ParameterCheck(family: Self.family)
        try check.finite(mu, "mu")
        try check.positive(sigma, "sigma")
        self.mu = mu
        self.sigma = sigma
    }

    /// Validated parameters, stored as given.
    private init(constant mu: Var, _ sigma: Var) {
        self.mu = mu
        self.sigma = sigma
    }

    public var detached: Normal { Normal(constant: .constant(mu.value), .constant(sigma.value)) }
    public var parameters: [(name: String, value: Var)] { [("mu", mu), ("sigma", sigma)] }
    public var support: Support { .interval(lower: -.infinity, upper: .infinity) }
    public var landmarks: [Var] { [mu] }
    public var description: String {
        "Normal(μ=\(NumberText.format(Scalar(mu).value)), σ=\(NumberText.format(Scalar(sigma).value)))"
    }

    /// log p(x) = −z²/2 − log σ − ½log(2π), z = (x−μ)/σ.
    public func logpdf(_ x: Var) throws -> Var { density(x, exponentiate: false) }
    /// p(x) = exp(−z²/2) / (σ√(2π)).
    public func pdf(_ x: Var) throws -> Var { density(x, exponentiate: true) }

    private func density(_ x: Var, exponentiate: Bool) -> Var {
        let m = Scalar(mu).value, s = Scalar(sigma).value
        let inv = 1 / s
        let offset = -Foundation.log(s) - 0.5 * Foundation.log(2 * Double.pi)
        return Fused.density(x, [mu, sigma], exponentiate: exponentiate, logDensity: { x in
            let z = (x - m) * inv
            return offset - 0.5 * z * z
        }, logPartials: { x in
            let z = (x - m) * inv
            return SIMD3(-z * inv, z * inv, (z * z - 1) * inv)
        })
    }

    /// F(x) = Φ((x−μ)/σ), via Φ(z) = ½erfc(−z/√2) (relative accuracy in the lower tail).
    public func cdf(_ x: Var) throws -> Var { tail(x, upper: false) }
    /// 1 − F(x) = Φ(−(x−μ)/σ).
    public func survival(_ x: Var) throws -> Var { tail(x, upper: true) }

    private func tail(_ x: Var, upper: Bool) -> Var {
        let m = Scalar(mu).value, s = Scalar(sigma).value
        let sign: Double = upper ? -1 : 1
        let norm = 1 / (s * (2 * Double.pi).squareRoot())
        return Fused.map(x, [mu, sigma], value: { x in Special.ndtr(sign * (x - m) / s) }, partials: { x, _ in
            let z = (x - m) / s
            let density = sign * norm * Foundation.exp(-0.5 * z * z)
            return SIMD3(density, -density, -density * z)
        })
    }

    /// μ + σ·N(0, 1) draws.
    public func sample(count: Int, rng: inout RandomSource) -> Tensor {
        let m = Scalar(mu).value, s = Scalar(sigma).value
        var out = [Double](repeating: 0, count: Swift.max(0, count))
        rng.fillNormal(&out, mean: m, std: s)
        return Tensor(vector: out)
    }

    /// E[X] = μ.
    public var mean: Var { mu }
    /// Var[X] = σ².
    public var variance: Var { Scalar(sigma).squared.variable }
    /// σ.
    public var std: Var { sigma }
    /// H = ½ log(2πeσ²) = log σ + ½(1 + log 2π).
    public var entropy: Var {
        (ScalarMath.log(Scalar(sigma)) + Scalar(0.5 * (1 + Foundation.log(2 * Double.pi)))).variable
    }

    /// diag(1/σ², 2/σ²) in (μ, σ).
    public func fisher() -> Tensor? {
        let s2 = Scalar(sigma).value * Scalar(sigma).value
        return Tensor(shape: [2, 2], data: [1 / s2, 0, 0, 2 / s2])
    }
}
