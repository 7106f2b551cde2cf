import Foundation
import KLSNumerics
import KLSSpecial

/// A one-element `Var` with non-throwing differentiable arithmetic, for closed-form
/// expressions in distribution parameters (moments, entropies, KL closed forms).
///
/// Each operation is one tape node whose gradient rule is the scalar derivative; on
/// constants nothing is recorded. Shapes cannot mismatch, so nothing here throws.
struct Scalar: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// The wrapped value (a scalar, or the one-element parameter it came from).
    let variable: Var
    /// Its number.
    let value: Double

    /// Wraps a one-element `Var` (a larger one reads as nan: callers validate first).
    init(_ v: Var) {
        variable = v
        value = v.scalar ?? .nan
    }

    /// A constant.
    init(_ x: Double) {
        variable = Var(x)
        value = x
    }

    init(floatLiteral x: Double) { self.init(x) }
    init(integerLiteral x: Int) { self.init(Double(x)) }

    /// The result `y` of a function of `a` whose derivative there is `dy`.
    static func unary(_ a: Scalar, _ y: Double, _ dy: Double) -> Scalar {
        guard a.variable.isTracked else { return Scalar(y) }
        let shape = a.variable.value.shape
        return Scalar(Var.make(Tensor(scalar: y), from: [a.variable]) { g in
            [Tensor(shape: shape, data: [g.data[0] * dy])]
        })
    }

    /// The result `y` of a function of `a` and `b` with partial derivatives `da`, `db`.
    static func binary(_ a: Scalar, _ b: Scalar, _ y: Double, _ da: Double, _ db: Double) -> Scalar {
        guard a.variable.isTracked || b.variable.isTracked else { return Scalar(y) }
        let sa = a.variable.value.shape, sb = b.variable.value.shape
        return Scalar(Var.make(Tensor(scalar: y), from: [a.variable, b.variable]) { g in
            [Tensor(shape: sa, data: [g.data[0] * da]), Tensor(shape: sb, data: [g.data[0] * db])]
        })
    }

    static func + (a: Scalar, b: Scalar) -> Scalar { binary(a, b, a.value + b.value, 1, 1) }
    static func - (a: Scalar, b: Scalar) -> Scalar { binary(a, b, a.value - b.value, 1, -1) }
    static func * (a: Scalar, b: Scalar) -> Scalar { binary(a, b, a.value * b.value, b.value, a.value) }
    static func / (a: Scalar, b: Scalar) -> Scalar {
        let y = a.value / b.value
        return binary(a, b, y, 1 / b.value, -y / b.value)
    }
    static prefix func - (a: Scalar) -> Scalar { unary(a, -a.value, -1) }

    /// a².
    var squared: Scalar { Scalar.unary(self, value * value, 2 * value) }
    /// √a.
    func squareRoot() -> Scalar {
        let y = value.squareRoot()
        return Scalar.unary(self, y, 0.5 / y)
    }
    /// |a| (derivative 0 at 0).
    var magnitude: Scalar { Scalar.unary(self, Swift.abs(value), value > 0 ? 1 : (value < 0 ? -1 : 0)) }
}

/// Elementary and special functions of a `Scalar`, each with its derivative.
enum ScalarMath {
    /// Natural logarithm.
    static func log(_ a: Scalar) -> Scalar { Scalar.unary(a, Foundation.log(a.value), 1 / a.value) }
    /// log(1 + a).
    static func log1p(_ a: Scalar) -> Scalar { Scalar.unary(a, Special.log1p(a.value), 1 / (1 + a.value)) }
    /// eᵃ.
    static func exp(_ a: Scalar) -> Scalar {
        let y = Foundation.exp(a.value)
        return Scalar.unary(a, y, y)
    }
    /// erf(a); derivative 2/√π e^(−a²).
    static func erf(_ a: Scalar) -> Scalar {
        Scalar.unary(a, Special.erf(a.value), 2 / Double.pi.squareRoot() * Foundation.exp(-a.value * a.value))
    }
    /// log Γ(a); derivative ψ(a).
    static func lgamma(_ a: Scalar) -> Scalar { Scalar.unary(a, Special.lgamma(a.value), Special.digamma(a.value)) }
    /// ψ(a) = Γ′(a)/Γ(a); derivative ψ′(a).
    static func digamma(_ a: Scalar) -> Scalar { Scalar.unary(a, Special.digamma(a.value), Special.trigamma(a.value)) }
    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).
    static func lbeta(_ a: Scalar, _ b: Scalar) -> Scalar {
        let dab = Special.digamma(a.value + b.value)
        return Scalar.binary(a, b, Special.lbeta(a.value, b.value),
                             Special.digamma(a.value) - dab, Special.digamma(b.value) - dab)
    }
    /// log(a/b) for a, b > 0, accurate when a ≈ b (log1p of the exact difference) and finite
    /// when a/b would overflow or underflow (log a − log b); derivatives 1/a and −1/b.
    static func logRatio(_ a: Scalar, _ b: Scalar) -> Scalar {
        let (x, y) = (a.value, b.value)
        let value = x <= 2 * y && y <= 2 * x ? Special.log1p((x - y) / y) : Foundation.log(x) - Foundation.log(y)
        return Scalar.binary(a, b, value, 1 / x, -1 / y)
    }
    /// eᵘ − 1 − u, accurate for small u (its series, where expm1(u) − u would cancel) and
    /// ≥ 0 for every u; derivative eᵘ − 1.
    static func expm1MinusIdentity(_ u: Scalar) -> Scalar {
        let x = u.value
        var value: Double
        if Swift.abs(x) < 0.5 {
            // Σ_(k≥2) xᵏ/k!: 26 terms reach below 1e-17 relative for |x| < ½.
            var term = x * x / 2
            value = 0
            for k in 3...28 where term != 0 {
                value += term
                term *= x / Double(k)
            }
        } else {
            value = Special.expm1(x) - x
        }
        return Scalar.unary(u, Swift.max(0, value), Special.expm1(x))
    }
    /// (a − b)·f, exactly 0 when a = b even where f is infinite (ψ(a) at a tiny a):
    /// the derivatives are f and −f (f's own change is multiplied by a − b = 0 there).
    static func difference(_ a: Scalar, _ b: Scalar, times f: Scalar) -> Scalar {
        guard a.value == b.value else { return (a - b) * f }
        return Scalar.binary(a, b, 0, finiteOrZero(f.value), -finiteOrZero(f.value))
    }
    /// log Γ(a) − log Γ(b), exactly 0 when a = b (also where log Γ overflows, at 1e308);
    /// derivatives ψ(a) and −ψ(b).
    static func lgammaDifference(_ a: Scalar, _ b: Scalar) -> Scalar {
        guard a.value == b.value else { return lgamma(a) - lgamma(b) }
        let slope = finiteOrZero(Special.digamma(a.value))
        return Scalar.binary(a, b, 0, slope, -slope)
    }
    /// log B(a₁, b₁) − log B(a₂, b₂), exactly 0 for equal shapes; derivatives ψ(a₁) − ψ(a₁ + b₁) …
    static func lbetaDifference(_ a1: Scalar, _ b1: Scalar, _ a2: Scalar, _ b2: Scalar) -> Scalar {
        guard a1.value == a2.value, b1.value == b2.value else { return lbeta(a1, b1) - lbeta(a2, b2) }
        let psiSum = Special.digamma(a1.value + b1.value)
        let da = finiteOrZero(Special.digamma(a1.value) - psiSum)
        let db = finiteOrZero(Special.digamma(b1.value) - psiSum)
        return Scalar.binary(a1, a2, 0, da, -da) + Scalar.binary(b1, b2, 0, db, -db)
    }
    /// expm1(a) = eᵃ − 1; derivative eᵃ.
    static func expm1(_ a: Scalar) -> Scalar { Scalar.unary(a, Special.expm1(a.value), Foundation.exp(a.value)) }
    /// x where finite, else 0 (a derivative multiplied by an exact zero).
    private static func finiteOrZero(_ x: Double) -> Double { x.isFinite ? x : 0 }
    /// a·log a, with 0·log 0 = 0.
    static func xlogx(_ a: Scalar) -> Scalar {
        a.value == 0 ? Scalar.unary(a, 0, 0) : Scalar.unary(a, a.value * Foundation.log(a.value), Foundation.log(a.value) + 1)
    }
}
