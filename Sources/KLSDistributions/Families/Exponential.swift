import Foundation
import KLSNumerics
import KLSSpecial

/// The exponential distribution with rate λ: p(x) = λe^(−λx) for x ≥ 0.
public struct Exponential: Distribution {
    public static let family = "Exponential"
    /// The rate λ > 0 (mean 1/λ).
    public let rate: Var

    /// Exponential(rate); `rate` finite and > 0.
    public init(rate: Var) throws {
        try ParameterCheck(family: Self.family).positive(rate, "rate")
        self.rate = rate
    }

    /// Validated parameters, stored as given.
    private init(constant rate: Var) {
        self.rate = rate
    }

    public var detached: Exponential { Exponential(constant: .constant(rate.value)) }
    public var parameters: [(name: String, value: Var)] { [("rate", rate)] }
    public var support: Support { .interval(lower: 0, upper: .infinity) }
    public var landmarks: [Var] { [Var(0), mean] }
    public var description: String { "Exponential(λ=\(NumberText.format(Scalar(rate).value)))" }

    /// log p(x) = log λ − λx for x ≥ 0, −inf below.
    public func logpdf(_ x: Var) throws -> Var { density(x, exponentiate: false) }
    /// p(x) = λe^(−λx) for x ≥ 0, 0 below.
    public func pdf(_ x: Var) throws -> Var { density(x, exponentiate: true) }

    private func density(_ x: Var, exponentiate: Bool) -> Var {
        let l = Scalar(rate).value
        let logRate = Foundation.log(l)
        return Fused.density([x, rate], exponentiate: exponentiate, logDensity: { x in
            x >= 0 ? logRate - l * x : -.infinity
        }, logPartials: { x in
            x >= 0 ? SIMD3(-l, 1 / l - x, 0) : .zero
        })
    }

    /// F(x) = 1 − e^(−λx) = −expm1(−λx) for x ≥ 0, 0 below.
    public func cdf(_ x: Var) throws -> Var {
        let l = Scalar(rate).value
        return Fused.map([x, rate], value: { x in x > 0 ? -Special.expm1(-l * x) : 0 }, partials: { x, _ in
            guard x > 0 else { return .zero }
            let e = Foundation.exp(-l * x)
            return SIMD3(l * e, x * e, 0)
        })
    }

    /// 1 − F(x) = e^(−λx) for x ≥ 0, 1 below.
    public func survival(_ x: Var) throws -> Var {
        let l = Scalar(rate).value
        return Fused.map([x, rate], value: { x in x > 0 ? Foundation.exp(-l * x) : 1 }, partials: { x, y in
            x > 0 ? SIMD3(-l * y, -x * y, 0) : .zero
        })
    }

    /// Standard exponential draws divided by λ.
    public func sample(count: Int, rng: inout RandomSource) -> Tensor {
        var out = [Double](repeating: 0, count: Swift.max(0, count))
        rng.fillExponential(&out, rate: Scalar(rate).value)
        return Tensor(vector: out)
    }

    /// E[X] = 1/λ.
    public var mean: Var { (1 / Scalar(rate)).variable }
    /// Var[X] = 1/λ².
    public var variance: Var { (1 / Scalar(rate).squared).variable }
    /// 1/λ.
    public var std: Var { mean }
    /// H = 1 − log λ.
    public var entropy: Var { (1 - ScalarMath.log(Scalar(rate))).variable }

    /// [[1/λ²]].
    public func fisher() -> Tensor? {
        let l = Scalar(rate).value
        return Tensor(shape: [1, 1], data: [1 / (l * l)])
    }
}
