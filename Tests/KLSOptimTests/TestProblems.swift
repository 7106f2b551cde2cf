import Foundation
@testable import KLSOptim

/// The objective functions of the reference runs, with analytic gradients written in the
/// same operation order as Reference/gen_torch.py.
enum TestProblem: Sendable {
    /// f(x, y) = (1 − x)² + 5(y − x²)², from [−1, 1.5] (the acceptance files' function).
    case rosenbrock
    /// g(a, b) = log(1 + e^(a − 2b)) + 0.3(a² + b²) + sin(ab), from [2, −1] (maximised).
    case wavy
    /// f(x) = Σᵢ wᵢ(xᵢ − 1)² + 0.05 Σᵢ xᵢ⁴, wᵢ = (i + 1)/12, 12 parameters from −1 + i/4.
    case bowl

    var start: [Double] {
        switch self {
        case .rosenbrock: [-1, 1.5]
        case .wavy: [2, -1]
        case .bowl: (0..<12).map { -1.0 + 0.25 * Double($0) }
        }
    }

    func loss(_ p: [Double]) -> Double {
        switch self {
        case .rosenbrock:
            let (x, y) = (p[0], p[1])
            return (1 - x) * (1 - x) + 5 * (y - x * x) * (y - x * x)
        case .wavy:
            let (a, b) = (p[0], p[1])
            return log(1 + exp(a - 2 * b)) + 0.3 * (a * a + b * b) + sin(a * b)
        case .bowl:
            return p.indices.reduce(0) { sum, i in
                sum + Double(i + 1) / 12 * (p[i] - 1) * (p[i] - 1) + 0.05 * p[i] * p[i] * p[i] * p[i]
            }
        }
    }

    func gradient(_ p: [Double]) -> [Double] {
        switch self {
        case .rosenbrock:
            let (x, y) = (p[0], p[1])
            let r = y - x * x
            return [-2.0 * (1.0 - x) - 20.0 * x * r, 10.0 * r]
        case .wavy:
            let (a, b) = (p[0], p[1])
            let e = exp(a - 2.0 * b)
            let s = e / (1.0 + e)
            let c = cos(a * b)
            return [s + 0.6 * a + b * c, -2.0 * s + 0.6 * b + a * c]
        case .bowl:
            return p.indices.map { i in
                2.0 * (Double(i + 1) / 12.0) * (p[i] - 1.0) + 0.2 * (p[i] * p[i] * p[i])
            }
        }
    }
}

/// The result of `minimize` as kls defines it: step i evaluates the loss at the current
/// parameters, then updates them.
struct Fit {
    var params: [Double]
    var losses: [Double] = []
    var trace: [[Double]] = []
}

/// Runs `steps` optimiser steps from `start` with fresh state.
func minimize(
    _ problem: TestProblem, _ spec: OptimizerSpec, from start: [Double]? = nil, steps: Int
) throws -> Fit {
    var fit = Fit(params: start ?? problem.start)
    let state = try OptimizerState(spec: spec, parameterCount: fit.params.count)
    for _ in 0..<steps {
        fit.trace.append(fit.params)
        fit.losses.append(problem.loss(fit.params))
        try state.step(params: &fit.params, grad: problem.gradient(fit.params))
    }
    return fit
}

/// The acceptance files' `near_vec`: max |a − b| ≤ tol · max(1, max |b|).
func nearVector(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
    guard a.count == b.count else { return false }
    let scale = max(1, b.map(abs).max() ?? 0)
    return zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * scale }
}

/// Elementwise relative agreement: |a − b| ≤ tol · |b| (exact equality for b = 0).
func nearRelative(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * abs($1) }
}
