import Foundation
import KLSNumerics
import KLSSpecial

/// The continuous uniform distribution on [a, b]: p(x) = 1/(b − a) there, 0 elsewhere
/// (both end points included, as scipy.stats.uniform).
public struct Uniform: Distribution {
    public static let family = "Uniform"
    /// The lower end a.
    public let a: Var
    /// The upper end b > a.
    public let b: Var

    /// Uniform on [a, b]; both finite, a < b.
    public init(a: Var, b: Var) throws {
        let check = ParameterCheck(family: Self.family)
        let lo = try check.finite(a, "a")
        let hi = try check.finite(b, "b")
        guard lo < hi else {
            throw check.fail("'b' must be > 'a' (got a=\(NumberText.format(lo)), b=\(NumberText.format(hi)))")
        }
        self.a = a
        self.b = b
    }

    /// Validated parameters, stored as given.
    private init(constant a: Var, _ b: Var) {
        self.a = a
        self.b = b
    }

    public var detached: Uniform { Uniform(constant: .constant(a.value), .constant(b.value)) }
    public var parameters: [(name: String, value: Var)] { [("a", a), ("b", b)] }
    var bounds: (Double, Double) { (Scalar(a).value, Scalar(b).value) }
    /// log(b − a), finite also when b − a overflows (a = −1e308, b = 1e308): log(b/2 − a/2) + log 2.
    var logWidth: Scalar {
        let width = Scalar(b) - Scalar(a)
        guard !width.value.isFinite else { return ScalarMath.log(width) }
        return ScalarMath.log(0.5 * Scalar(b) - 0.5 * Scalar(a)) + Scalar(Foundation.log(2.0))
    }
    public var support: Support { .interval(lower: bounds.0, upper: bounds.1) }
    public var landmarks: [Var] { [a, b] }
    public var description: String {
        "Uniform(a=\(NumberText.format(bounds.0)), b=\(NumberText.format(bounds.1)))"
    }

    /// log p(x) = −log(b − a) on [a, b], −inf elsewhere.
    public func logpdf(_ x: Var) throws -> Var { density(x, exponentiate: false) }
    /// p(x) = 1/(b − a) on [a, b], 0 elsewhere.
    public func pdf(_ x: Var) throws -> Var { density(x, exponentiate: true) }

    private func density(_ x: Var, exponentiate: Bool) -> Var {
        let (lo, hi) = bounds
        let inv = 1 / (hi - lo)
        let inside = -logWidth.value
        return Fused.density([x, a, b], exponentiate: exponentiate, logDensity: { x in
            x >= lo && x <= hi ? inside : -.infinity
        }, logPartials: { x in
            x >= lo && x <= hi ? SIMD3(0, inv, -inv) : .zero
        })
    }

    /// F(x) = (x − a)/(b − a), clamped to [0, 1].
    public func cdf(_ x: Var) throws -> Var { fraction(x, upper: false) }
    /// 1 − F(x) = (b − x)/(b − a), clamped to [0, 1].
    public func survival(_ x: Var) throws -> Var { fraction(x, upper: true) }

    private func fraction(_ x: Var, upper: Bool) -> Var {
        let (lo, hi) = bounds
        let w = hi - lo
        // Where b − a overflows, the halves of every difference do not.
        let s: Double = w.isFinite ? 1 : 0.5
        return Fused.map([x, a, b], value: { x in
            let f = upper ? (s * hi - s * x) / (s * hi - s * lo) : (s * x - s * lo) / (s * hi - s * lo)
            return Swift.min(1, Swift.max(0, f))
        }, partials: { x, _ in
            guard x > lo && x < hi else { return .zero }
            // F = (x−a)/w: ∂x = 1/w, ∂a = (x−b)/w², ∂b = −(x−a)/w²; S = 1 − F.
            let d = SIMD3(1 / w, (x - hi) / (w * w), -(x - lo) / (w * w))
            return upper ? -d : d
        })
    }

    /// a + (b − a)·U(0, 1) draws (in [a, b)).
    public func sample(count: Int, rng: inout RandomSource) -> Tensor {
        let (lo, hi) = bounds
        var out = [Double](repeating: 0, count: Swift.max(0, count))
        rng.fillUniform(&out, a: lo, b: hi)
        return Tensor(vector: out)
    }

    /// E[X] = (a + b)/2.
    public var mean: Var { ((Scalar(a) + Scalar(b)) / 2).variable }
    /// Var[X] = (b − a)²/12.
    public var variance: Var { ((Scalar(b) - Scalar(a)).squared / 12).variable }
    public var std: Var { Scalar(variance).squareRoot().variable }
    /// H = log(b − a).
    public var entropy: Var { logWidth.variable }

    /// None: the support depends on the parameters, so the Fisher information is undefined.
    public func fisher() -> Tensor? { nil }
}
