import Foundation

/// The elementwise math functions, each with its derivative.
public enum UnaryOp: String, Sendable, CaseIterable {
    case neg, abs, sqrt, exp, log, log2, log10, log1p, expm1
    case sin, cos, tan, tanh, sigmoid, softplus, erf, erfc
    case floor, ceil, round, sign

    /// The function at `x`.
    @inline(__always)
    public func apply(_ x: Double) -> Double {
        switch self {
        case .neg: return -x
        case .abs: return Swift.abs(x)
        case .sqrt: return x.squareRoot()
        case .exp: return Foundation.exp(x)
        case .log: return Foundation.log(x)
        case .log2: return Foundation.log2(x)
        case .log10: return Foundation.log10(x)
        case .log1p: return Foundation.log1p(x)
        case .expm1: return Foundation.expm1(x)
        case .sin: return Foundation.sin(x)
        case .cos: return Foundation.cos(x)
        case .tan: return Foundation.tan(x)
        case .tanh: return Foundation.tanh(x)
        case .sigmoid: return UnaryOp.sigmoid(x)
        case .softplus: return x > 0 ? x + Foundation.log1p(Foundation.exp(-x)) : Foundation.log1p(Foundation.exp(x))
        case .erf: return Foundation.erf(x)
        case .erfc: return Foundation.erfc(x)
        case .floor: return x.rounded(.down)
        case .ceil: return x.rounded(.up)
        case .round: return x.rounded(.toNearestOrEven)
        case .sign: return x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? .nan : 0))
        }
    }

    /// The logistic function without overflow: 1/(1 + e^−x) for x ≥ 0, e^x/(1 + e^x) below,
    /// written with e = e^−|x| so that only the numerator depends on the sign (no branch).
    @inline(__always)
    public static func sigmoid(_ x: Double) -> Double {
        let e = Foundation.exp(-Swift.abs(x))
        return (x >= 0 ? 1 : e) / (1 + e)
    }

    /// The derivative at `x`, given the result `y = f(x)`.
    @inline(__always)
    func derivative(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .neg: return -1
        case .abs: return x > 0 ? 1 : (x < 0 ? -1 : 0)
        case .sqrt: return 0.5 / y
        case .exp: return y
        case .log: return 1 / x
        case .log2: return 1 / (x * M_LN2)
        case .log10: return 1 / (x * M_LN10)
        case .log1p: return 1 / (1 + x)
        case .expm1: return y + 1
        case .sin: return Foundation.cos(x)
        case .cos: return -Foundation.sin(x)
        case .tan: return 1 + y * y
        case .tanh: return 1 - y * y
        case .sigmoid: return y * (1 - y)
        case .softplus: return UnaryOp.sigmoid(x)
        case .erf: return 2 / Double.pi.squareRoot() * Foundation.exp(-x * x)
        case .erfc: return -2 / Double.pi.squareRoot() * Foundation.exp(-x * x)
        case .floor, .ceil, .round, .sign: return 0
        }
    }

    /// The function applied to every element.
    public func apply(_ t: Tensor) -> Tensor {
        switch self {
        case .exp: return t.mapped { Foundation.exp($0) }
        case .log: return t.mapped { Foundation.log($0) }
        case .neg: return t.mapped { -$0 }
        case .sqrt: return t.mapped { $0.squareRoot() }
        case .abs: return t.mapped { Swift.abs($0) }
        case .sigmoid: return t.mapped { UnaryOp.sigmoid($0) }
        default: return t.mapped { apply($0) }
        }
    }
}
