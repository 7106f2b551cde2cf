import Testing
@testable import KLSOptim

/// A 50-step float64 trajectory produced by torch (or the AdaBound reference package) with
/// Reference/gen_torch.py; the data lives in the generated TorchTrajectories.swift.
struct TorchReference: Sendable, CustomTestStringConvertible {
    let name: String
    let problem: TestProblem
    let spec: OptimizerSpec
    /// Parameters after each step, flattened row by row.
    let trajectory: [Double]
    var testDescription: String { name }
}

@Test(arguments: TorchReference.cases)
func torchTrajectory(_ reference: TorchReference) throws {
    let fit = try minimize(reference.problem, reference.spec, steps: 50)
    let n = reference.problem.start.count
    #expect(reference.trajectory.count == 50 * n)
    for step in 1...50 {
        let after = step < 50 ? fit.trace[step] : fit.params
        let expected = Array(reference.trajectory[(step - 1) * n..<step * n])
        #expect(nearRelative(after, expected, 1e-12), "step \(step): \(after) vs \(expected)")
    }
}

/// NaturalGradient against numpy.linalg.solve: a Normal(m, s) likelihood fit with its
/// Fisher information diag(1/s², 2/s²), and a maximised quadratic whose Fisher needs
/// row pivoting (gen_torch.py `normal_fit_case`, `quadratic_case`).
@Test func naturalGradientTrajectories() throws {
    let cases = TorchReference.naturalGradientCases
    #expect(cases.count == 2)
    // Normal fit: L = log s + ((1.5 − m)² + 0.64)/(2s²), lr 0.3.
    let normal = cases[0]
    let normalState = try OptimizerState(spec: .naturalGradient(NaturalGradientOptions(lr: 0.3)), parameterCount: 2)
    var p = normal.start
    for step in 1...50 {
        let (m, s) = (p[0], p[1])
        let d = 1.5 - m
        let grad = [-d / (s * s), 1.0 / s - (d * d + 0.64) / (s * s * s)]
        try normalState.step(params: &p, grad: grad, fisher: [1 / (s * s), 0, 0, 2 / (s * s)])
        #expect(nearRelative(p, Array(normal.trajectory[2 * (step - 1)..<2 * step]), 1e-12), "step \(step)")
    }
    // Quadratic: maximise −(½xᵀAx − bᵀx) with F = A, lr 0.2.
    let quadratic = cases[1]
    let a: [Double] = [1, 2, 0.5, 2, 5, 1, 0.5, 1, 3]
    let b: [Double] = [1, -2, 0.5]
    let state = try OptimizerState(
        spec: .naturalGradient(NaturalGradientOptions(lr: 0.2, maximize: true)), parameterCount: 3)
    var x = quadratic.start
    for step in 1...50 {
        var grad = [Double](repeating: 0, count: 3)
        for i in 0..<3 {
            var ax = 0.0
            for j in 0..<3 { ax += a[3 * i + j] * x[j] }
            grad[i] = -(ax - b[i])
        }
        try state.step(params: &x, grad: grad, fisher: a)
        let expected = Array(quadratic.trajectory[3 * (step - 1)..<3 * step])
        #expect(nearVector(x, expected, 1e-12), "step \(step): \(x) vs \(expected)")
    }
}
