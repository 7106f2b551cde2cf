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
    /// a·log a, with 0·log 0 = 0.
    static func xlogx(_ a: Scalar) -> Scalar {
        a.value == 0 ? Scalar.unary(a, 0, 0) : Scalar.unary(a, a.value * Foundation.log(a.value), Foundation.log(a.value) + 1)
    }
}
