import Foundation

/// The elementwise binary arithmetic operators, with their derivatives.
public enum BinaryOp: String, Sendable, CaseIterable {
    case add = "+", sub = "-", mul = "*", div = "/", pow = "^", mod = "%"

    /// The operator on two numbers (IEEE semantics: 1/0 is inf, 0/0 is nan).
    @inline(__always)
    public func apply(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .add: return x + y
        case .sub: return x - y
        case .mul: return x * y
        case .div: return x / y
        case .pow: return BinaryOp.power(x, y)
        case .mod: return BinaryOp.floorMod(x, y)
        }
    }

    /// `x ^ y`, the one definition every path uses: x·x for y = 2 (correctly rounded, as
    /// torch's `pow(t, 2)`; glibc's `pow` can be one ulp off, e.g. for x = −707.076519201308),
    /// else `pow`.
    @inline(__always)
    public static func power(_ x: Double, _ y: Double) -> Double {
        y == 2 ? x * x : Foundation.pow(x, y)
    }

    /// Python's modulo: the result has the sign of the divisor.
    @inline(__always)
    public static func floorMod(_ x: Double, _ y: Double) -> Double {
        let r = fmod(x, y)
        return (r != 0 && (r < 0) != (y < 0)) ? r + y : r
    }

    /// The operator applied elementwise under broadcasting.
    public func apply(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let name = rawValue
        switch self {
        case .add: return try Broadcast.map(a, b, operation: name) { $0 + $1 }
        case .sub: return try Broadcast.map(a, b, operation: name) { $0 - $1 }
        case .mul: return try Broadcast.map(a, b, operation: name) { $0 * $1 }
        case .div: return try Broadcast.map(a, b, operation: name) { $0 / $1 }
        case .pow: return try Broadcast.map(a, b, operation: name) { BinaryOp.power($0, $1) }
        case .mod: return try Broadcast.map(a, b, operation: name) { BinaryOp.floorMod($0, $1) }
        }
    }

    /// Partial derivatives (∂/∂x, ∂/∂y) at (x, y) with result z = x op y.
    @inline(__always)
    func partials(_ x: Double, _ y: Double, _ z: Double) -> (Double, Double) {
        switch self {
        case .add: return (1, 1)
        case .sub: return (1, -1)
        case .mul: return (y, x)
        case .div: return (1 / y, -z / y)
        case .pow:
            let dx = y == 0 ? 0 : y * Foundation.pow(x, y - 1)
            let dy = x > 0 ? z * Foundation.log(x) : (x == 0 && y > 0 ? 0 : (z == 0 ? 0 : .nan))
            return (dx, dy)
        case .mod: return (1, -(x - z) / y)
        }
    }
}
