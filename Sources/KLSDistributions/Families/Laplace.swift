import Foundation
import KLSNumerics
import KLSSpecial

/// The Laplace (double exponential) distribution: p(x) = exp(−|x − μ|/b) / (2b).
public struct Laplace: Distribution {
    public static let family = "Laplace"
    /// The location μ (mean and median).
    public let loc: Var
    /// The scale b > 0.
    public let scale: Var

    /// Laplace(loc, scale); `scale` finite and > 0.
    public init(loc: Var, scale: Var) throws {
        let check = ParameterCheck(family: Self.family)
        try check.finite(loc, "loc")
        try check.positive(scale, "scale")
        self.loc = loc
        self.scale = scale
    }

    /// Validated parameters, stored as given.
    private init(constant loc: Var, _ scale: Var) {
        self.loc = loc
        self.scale = scale
    }

    public var detached: Laplace { Laplace(constant: .constant(loc.value), .constant(scale.value)) }
    public var parameters: [(name: String, value: Var)] { [("loc", loc), ("scale", scale)] }
    public var support: Support { .interval(lower: -.infinity, upper: .infinity) }
    public var landmarks: [Var] { [loc] }
    public var description: String {
        "Laplace(μ=\(NumberText.format(Scalar(loc).value)), b=\(NumberText.format(Scalar(scale).value)))"
    }

    /// log p(x) = −|x − μ|/b − log(2b).
    public func logpdf(_ x: Var) throws -> Var { density(x, exponentiate: false) }
    /// p(x) = exp(−|x − μ|/b)/(2b).
    public func pdf(_ x: Var) throws -> Var { density(x, exponentiate: true) }

    private func density(_ x: Var, exponentiate: Bool) -> Var {
        let m = Scalar(loc).value, b = Scalar(scale).value
        let inv = 1 / b
        let offset = -Foundation.log(2 * b)
        return Fused.density([x, loc, scale], exponentiate: exponentiate, logDensity: { x in
            // |x − μ|/b, not |x − μ|·(1/b): 1/b overflows for a subnormal b (0·inf at x = μ).
            offset - Swift.abs(x - m) / b
        }, logPartials: { x in
            let d = x - m
            let sign: Double = d > 0 ? 1 : (d < 0 ? -1 : 0)
            return SIMD3(-sign * inv, sign * inv, (Swift.abs(d) * inv - 1) * inv)
        })
    }

    /// F(x) = ½e^((x−μ)/b) below μ, 1 − ½e^(−(x−μ)/b) above.
    public func cdf(_ x: Var) throws -> Var { tail(x, upper: false) }
    /// 1 − F(x) = ½e^(−(x−μ)/b) above μ, 1 − ½e^((x−μ)/b) below.
    public func survival(_ x: Var) throws -> Var { tail(x, upper: true) }

    private func tail(_ x: Var, upper: Bool) -> Var {
        let m = Scalar(loc).value, b = Scalar(scale).value
        let sign: Double = upper ? -1 : 1
        return Fused.map([x, loc, scale], value: { x in
            let u = sign * (x - m) / b
            return u < 0 ? 0.5 * Foundation.exp(u) : 1 - 0.5 * Foundation.exp(-u)
        }, partials: { x, _ in
            // With u = (x−μ)/b and t = ½e^(−|u|): ∂F/∂x = t/b, ∂F/∂μ = −t/b, ∂F/∂b = −t·u/b.
            let u = (x - m) / b
            let t = sign * 0.5 * Foundation.exp(-Swift.abs(u)) / b
            return SIMD3(t, -t, -t * u)
        })
    }

    /// μ + b·(E₁ − E₂) with E₁, E₂ standard exponential draws.
    public func sample(count: Int, rng: inout RandomSource) -> Tensor {
        let m = Scalar(loc).value, b = Scalar(scale).value
        let n = Swift.max(0, count)
        var first = [Double](repeating: 0, count: n)
        var second = [Double](repeating: 0, count: n)
        rng.fillExponential(&first)
        rng.fillExponential(&second)
        for i in 0..<n { first[i] = m + b * (first[i] - second[i]) }
        return Tensor(vector: first)
    }

    /// E[X] = μ.
    public var mean: Var { loc }
    /// Var[X] = 2b².
    public var variance: Var { (2 * Scalar(scale).squared).variable }
    /// √2·b.
    public var std: Var { (Scalar(2.0.squareRoot()) * Scalar(scale)).variable }
    /// H = 1 + log(2b).
    public var entropy: Var { (1 + ScalarMath.log(2 * Scalar(scale))).variable }

    /// diag(1/b², 1/b²) in (μ, b).
    public func fisher() -> Tensor? {
        let b = Scalar(scale).value
        return Tensor(shape: [2, 2], data: [1 / (b * b), 0, 0, 1 / (b * b)])
    }
}
