import Foundation
import KLSNumerics
@testable import KLSDistributions

/// |a − b| ≤ tol·max(1, |b|), as the acceptance scripts' `near`; ±inf must match exactly.
func near(_ a: Double, _ b: Double, _ tol: Double) -> Bool {
    if b.isInfinite || a.isInfinite { return a == b }
    return Swift.abs(a - b) <= tol * Swift.max(1, Swift.abs(b))
}

/// |a − b| ≤ tol·|b| (relative, for tail values far below 1); ±inf and 0 must match exactly.
func relativelyNear(_ a: Double, _ b: Double, _ tol: Double) -> Bool {
    if b.isInfinite || b == 0 { return a == b }
    return Swift.abs(a - b) <= tol * Swift.abs(b)
}

/// Elementwise `near` over two equally long lists.
func nearAll(_ a: [Double], _ b: [Double], _ tol: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { near($0, $1, tol) }
}

/// A constant vector.
func vec(_ xs: [Double]) -> Var { .constant(Tensor(vector: xs)) }

/// The single number of a one-element `Var` (nan otherwise).
func number(_ v: Var) -> Double { v.scalar ?? .nan }

/// Reverse-mode gradient of the scalar `f` at `params`, read from a fresh tape.
func tapeGradient(_ params: [Double], _ f: ([Var]) throws -> Var) throws -> [Double] {
    let tape = Tape()
    defer { tape.close() }
    let leaves = params.map { tape.leaf(Tensor(scalar: $0)) }
    let out = try f(leaves.map { Var.tracked($0) })
    guard let node = out.node else { return params.map { _ in 0 } }
    let grads = tape.gradients(of: node)
    return leaves.map { grads[$0.index]?.data.first ?? 0 }
}

/// Central differences (f(θ + h) − f(θ − h))/2h with h = step·max(1, |θ|).
func finiteDifferences(_ params: [Double], step: Double = 1e-5, _ f: ([Var]) throws -> Var) throws -> [Double] {
    try params.indices.map { k in
        let h = step * Swift.max(1, Swift.abs(params[k]))
        var up = params, down = params
        up[k] += h
        down[k] -= h
        let fu = number(try f(up.map { Var($0) })), fd = number(try f(down.map { Var($0) }))
        return (fu - fd) / (2 * h)
    }
}

/// Checks the tape gradient of `f` against central differences, relative `tol` (absolute
/// below a magnitude of `floor`); returns a description of the first mismatch, or nil.
func gradientMismatch(_ params: [Double], tol: Double = 1e-6, floor: Double = 1e-3, step: Double = 1e-5,
                      _ f: ([Var]) throws -> Var) throws -> String? {
    let exact = try tapeGradient(params, f)
    let numeric = try finiteDifferences(params, step: step, f)
    for (k, (e, n)) in zip(exact, numeric).enumerated() where Swift.abs(e - n) > tol * Swift.max(floor, Swift.abs(n)) {
        return "parameter \(k): tape \(e), finite differences \(n)"
    }
    return nil
}
