import Foundation
import KLSNumerics
import KLSSpecial

/// The gamma distribution with shape α and rate β (PyTorch's `concentration`, `rate`):
/// p(x) = βᵅ xᵅ⁻¹ e^(−βx) / Γ(α) for x ≥ 0.
public struct Gamma: Distribution {
    public static let family = "Gamma"
    /// The shape α > 0.
    public let shape: Var
    /// The rate β > 0 (the scale is 1/β).
    public let rate: Var

    /// Gamma(shape, rate); both finite and > 0.
    public init(shape: Var, rate: Var) throws {
        let check = ParameterCheck(family: Self.family)
        try check.positive(shape, "shape")
        try check.positive(rate, "rate")
        self.shape = shape
        self.rate = rate
    }

    var values: (alpha: Double, beta: Double) { (Scalar(shape).value, Scalar(rate).value) }
    /// Validated parameters, stored as given.
    private init(constant shape: Var, _ rate: Var) {
        self.shape = shape
        self.rate = rate
    }

    public var detached: Gamma { Gamma(constant: .constant(shape.value), .constant(rate.value)) }
    public var parameters: [(name: String, value: Var)] { [("shape", shape), ("rate", rate)] }
    public var support: Support { .interval(lower: 0, upper: .infinity) }
    public var landmarks: [Var] { [Var(0), mean] }
    public var description: String {
        "Gamma(α=\(NumberText.format(values.alpha)), β=\(NumberText.format(values.beta)))"
    }

    /// log p(x) = α log β − log Γ(α) + (α−1) log x − βx for x ≥ 0 (with 0·log 0 = 0 at x = 0).
    public func logpdf(_ x: Var) throws -> Var { density(x, exponentiate: false) }
    /// p(x) = βᵅ xᵅ⁻¹ e^(−βx) / Γ(α) for x ≥ 0, 0 below.
    public func pdf(_ x: Var) throws -> Var { density(x, exponentiate: true) }

    private func density(_ x: Var, exponentiate: Bool) -> Var {
        let (a, b) = values
        let logB = Foundation.log(b)
        let offset = a * logB - Special.lgamma(a)
        let psi = Special.digamma(a)
        return Fused.density([x, shape, rate], exponentiate: exponentiate, logDensity: { x in
            guard x >= 0, x < .infinity else { return -.infinity }
            guard a < Gamma.largeShape else { return Gamma.largeShapeLogDensity(a, b, x) }
            return offset + (a == 1 ? 0 : (a - 1) * Foundation.log(x)) - b * x
        }, logPartials: { x in
            guard x > 0, x < .infinity else { return .zero }
            return SIMD3((a - 1) / x - b, logB - psi + Foundation.log(x), a / b - x)
        })
    }

    /// Shapes from which the log-density and the entropy use Stirling's series: the direct
    /// forms subtract terms near a·log a that overflow at a = 1e308 (inf − inf = nan).
    static let largeShape = 1e10

    /// log p(x) = a·log1pmx(βx/a − 1) + ½log(a/2π) − 1/(12a) − log x, from a·log(βx) − βx −
    /// log Γ(a) − log x with Stirling's log Γ (its next term, 1/(360a³), is below 1e-30 here).
    static func largeShapeLogDensity(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let y = b * x
        guard x > 0, y.isFinite else { return -.infinity }  // βx overflows: x is far beyond the mean a/β
        let t = y / a - 1
        return a * Special.log1pmx(t) + 0.5 * Foundation.log(a / (2 * Double.pi)) - 1 / (12 * a) - Foundation.log(x)
    }

    /// F(x) = P(α, βx), the regularized lower incomplete gamma function.
    public func cdf(_ x: Var) throws -> Var { tail(x, upper: false) }
    /// 1 − F(x) = Q(α, βx).
    public func survival(_ x: Var) throws -> Var { tail(x, upper: true) }

    private func tail(_ x: Var, upper: Bool) -> Var {
        let (a, b) = values
        let sign: Double = upper ? -1 : 1
        let logNorm = a * Foundation.log(b) - Special.lgamma(a)
        return Fused.map([x, shape, rate], value: { x in
            guard x > 0 else { return upper ? 1 : 0 }
            return upper ? Special.gammaQ(a, b * x) : Special.gammaP(a, b * x)
        }, partials: { x, _ in
            guard x > 0 else { return .zero }
            // ∂F/∂x = p(x), ∂F/∂β = x·p(x)/β, ∂F/∂α = ∂P(α, z)/∂α at z = βx.
            let p = Foundation.exp(logNorm + (a - 1) * Foundation.log(x) - b * x)
            let dAlpha = IncompleteDerivatives.gammaP(a, b * x)
            return sign * SIMD3(p, dAlpha, x * p / b)
        })
    }

    /// Marsaglia–Tsang gamma draws (from `RandomSource.gamma`) divided by β.
    public func sample(count: Int, rng: inout RandomSource) -> Tensor {
        let (a, b) = values
        var out = [Double](repeating: 0, count: Swift.max(0, count))
        for i in out.indices { out[i] = rng.gamma(shape: a) / b }
        return Tensor(vector: out)
    }

    /// E[X] = α/β.
    public var mean: Var { (Scalar(shape) / Scalar(rate)).variable }
    /// Var[X] = α/β².
    public var variance: Var { (Scalar(shape) / Scalar(rate).squared).variable }
    public var std: Var { Scalar(variance).squareRoot().variable }
    /// H = α − log β + log Γ(α) + (1 − α)ψ(α).
    public var entropy: Var {
        let a = Scalar(shape)
        if a.value >= Gamma.largeShape {
            // Stirling: ½log(2πe·a) − 1/(3a) − log β + O(1/a²).
            return (0.5 * ScalarMath.log(a) + Scalar(0.5 * (Foundation.log(2 * Double.pi) + 1)) - 1 / (3 * a)
                - ScalarMath.log(Scalar(rate))).variable
        }
        return (a - ScalarMath.log(Scalar(rate)) + ScalarMath.lgamma(a) + (1 - a) * ScalarMath.digamma(a)).variable
    }

    /// [[ψ′(α), −1/β], [−1/β, α/β²]] in (α, β).
    public func fisher() -> Tensor? {
        let (a, b) = values
        return Tensor(shape: [2, 2], data: [Special.trigamma(a), -1 / b, -1 / b, a / (b * b)])
    }
}
