import Foundation
import KLSNumerics
import KLSSpecial

/// The beta distribution on [0, 1]: p(x) = xᵃ⁻¹(1 − x)ᵇ⁻¹ / B(a, b).
public struct Beta: Distribution {
    public static let family = "Beta"
    /// The first shape a > 0 (PyTorch's `concentration1`).
    public let a: Var
    /// The second shape b > 0 (PyTorch's `concentration0`).
    public let b: Var

    /// Beta(a, b); both finite and > 0.
    public init(a: Var, b: Var) throws {
        let check = ParameterCheck(family: Self.family)
        try check.positive(a, "a")
        try check.positive(b, "b")
        self.a = a
        self.b = b
    }

    var values: (a: Double, b: Double) { (Scalar(a).value, Scalar(b).value) }
    /// Validated parameters, stored as given.
    private init(constant a: Var, _ b: Var) {
        self.a = a
        self.b = b
    }

    public var detached: Beta { Beta(constant: .constant(a.value), .constant(b.value)) }
    public var parameters: [(name: String, value: Var)] { [("a", a), ("b", b)] }
    public var support: Support { .interval(lower: 0, upper: 1) }
    public var landmarks: [Var] { [Var(0), mean, Var(1)] }
    public var description: String { "Beta(α=\(NumberText.format(values.a)), β=\(NumberText.format(values.b)))" }

    /// log p(x) = (a−1) log x + (b−1) log(1−x) − log B(a, b) on [0, 1] (0·log 0 = 0).
    public func logpdf(_ x: Var) throws -> Var { density(x, exponentiate: false) }
    /// p(x) = xᵃ⁻¹(1 − x)ᵇ⁻¹ / B(a, b) on [0, 1], 0 elsewhere.
    public func pdf(_ x: Var) throws -> Var { density(x, exponentiate: true) }

    private func density(_ x: Var, exponentiate: Bool) -> Var {
        let (p, q) = values
        let logNorm = -Special.lbeta(p, q)
        let psiSum = Special.digamma(p + q)
        let dA = psiSum - Special.digamma(p), dB = psiSum - Special.digamma(q)
        return Fused.density([x, a, b], exponentiate: exponentiate, logDensity: { x in
            guard x >= 0, x <= 1 else { return -.infinity }
            return logNorm + (p == 1 ? 0 : (p - 1) * Foundation.log(x)) + (q == 1 ? 0 : (q - 1) * Special.log1p(-x))
        }, logPartials: { x in
            guard x > 0, x < 1 else { return .zero }
            let lx = Foundation.log(x), l1x = Special.log1p(-x)
            return SIMD3((p - 1) / x - (q - 1) / (1 - x), lx + dA, l1x + dB)
        })
    }

    /// F(x) = I_x(a, b), the regularized incomplete beta function (0 below 0, 1 above 1).
    public func cdf(_ x: Var) throws -> Var { tail(x, upper: false) }
    /// 1 − F(x) = I_(1−x)(b, a).
    public func survival(_ x: Var) throws -> Var { tail(x, upper: true) }

    private func tail(_ x: Var, upper: Bool) -> Var {
        let (p, q) = values
        let sign: Double = upper ? -1 : 1
        let logNorm = -Special.lbeta(p, q)
        return Fused.map([x, a, b], value: { x in
            if x <= 0 { return upper ? 1 : 0 }
            if x >= 1 { return upper ? 0 : 1 }
            return upper ? Special.betaInc(q, p, 1 - x) : Special.betaInc(p, q, x)
        }, partials: { x, _ in
            guard x > 0, x < 1 else { return .zero }
            let density = Foundation.exp(logNorm + (p - 1) * Foundation.log(x) + (q - 1) * Special.log1p(-x))
            let (da, db) = IncompleteDerivatives.betaInc(p, q, x)
            return sign * SIMD3(density, da, db)
        })
    }

    /// Beta draws from `RandomSource.beta` (ratios of gamma draws).
    public func sample(count: Int, rng: inout RandomSource) -> Tensor {
        let (p, q) = values
        var out = [Double](repeating: 0, count: Swift.max(0, count))
        for i in out.indices { out[i] = rng.beta(a: p, b: q) }
        return Tensor(vector: out)
    }

    /// E[X] = a/(a + b).
    public var mean: Var { share(Scalar(a), Scalar(b)).variable }
    /// Var[X] = ab / ((a + b)²(a + b + 1)), as (a/(a + b))·(b/(a + b))/(a + b + 1) so that
    /// tiny shapes do not underflow to 0/0 (Beta(1e-300, 1e-300) has variance ¼).
    public var variance: Var {
        (share(Scalar(a), Scalar(b)) * share(Scalar(b), Scalar(a)) / (Scalar(a) + Scalar(b) + 1)).variable
    }
    /// x/(x + y), also when x + y overflows (as 1/(1 + y/x)).
    private func share(_ x: Scalar, _ y: Scalar) -> Scalar {
        let sum = x + y
        return sum.value.isFinite ? x / sum : 1 / (1 + y / x)
    }
    public var std: Var { Scalar(variance).squareRoot().variable }
    /// H = log B(a, b) − (a−1)ψ(a) − (b−1)ψ(b) + (a+b−2)ψ(a+b).
    public var entropy: Var {
        let p = Scalar(a), q = Scalar(b)
        // Shapes so small that ψ overflows (1e-320): nearly all mass at the ends, H = −inf.
        if Special.digamma(p.value) == -.infinity || Special.digamma(q.value) == -.infinity { return Var(-.infinity) }
        return (ScalarMath.lbeta(p, q) - (p - 1) * ScalarMath.digamma(p) - (q - 1) * ScalarMath.digamma(q)
            + (p + q - 2) * ScalarMath.digamma(p + q)).variable
    }

    /// [[ψ′(a) − ψ′(a+b), −ψ′(a+b)], [−ψ′(a+b), ψ′(b) − ψ′(a+b)]] in (a, b).
    public func fisher() -> Tensor? {
        let (p, q) = values
        let t = Special.trigamma(p + q)
        return Tensor(shape: [2, 2], data: [Special.trigamma(p) - t, -t, -t, Special.trigamma(q) - t])
    }
}
