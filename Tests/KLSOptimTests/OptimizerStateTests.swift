import Testing
@testable import KLSOptim

/// The message `body` throws, or nil.
private func thrownMessage(_ body: () throws(OptimizerError) -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return error.message
    }
}

@Test func stepCountsAndFreshStateRestarts() throws {
    let spec = OptimizerSpec.adam(AdamOptions(lr: 0.01))
    let first = try minimize(.rosenbrock, spec, steps: 5)
    let second = try minimize(.rosenbrock, spec, steps: 5)
    #expect(first.params == second.params)
    let state = try OptimizerState(spec: spec, parameterCount: 2)
    var p = [-1.0, 1.5]
    try state.step(params: &p, grad: [1, 1])
    try state.step(params: &p, grad: [1, 1])
    #expect(state.stepCount == 2)
}

@Test func firstSteps() throws {
    // Hand-derived first steps from p = [−1, 1.5], grad = [−24, 5] (f's gradient there).
    // SGD with momentum: buf = grad on step 1 (no dampening), so p − lr·grad.
    let sgd = try OptimizerState(spec: .sgd(SGDOptions(lr: 0.01, momentum: 0.9, dampening: 0.5)), parameterCount: 2)
    var p = [-1.0, 1.5]
    try sgd.step(params: &p, grad: [-24, 5])
    #expect(p == [-1 + 0.24, 1.5 - 0.05])
    // Adam: the first step moves every coordinate by lr·sign(grad) up to ε.
    let adam = try OptimizerState(spec: .adam(AdamOptions(lr: 0.1)), parameterCount: 2)
    p = [-1.0, 1.5]
    try adam.step(params: &p, grad: [-24, 5])
    #expect(abs(p[0] - (-0.9)) < 1e-9 && abs(p[1] - 1.4) < 1e-9)
    // maximize negates the gradient.
    let up = try OptimizerState(spec: .sgd(SGDOptions(lr: 0.01, maximize: true)), parameterCount: 2)
    p = [-1.0, 1.5]
    try up.step(params: &p, grad: [-24, 5])
    #expect(p == [-1 - 0.24, 1.5 + 0.05])
}

@Test func sizeMismatchesAreErrorsAndChangeNothing() throws {
    let state = try OptimizerState(spec: .sgd(SGDOptions(lr: 0.1)), parameterCount: 2)
    var p = [1.0, 2.0]
    #expect(thrownMessage { () throws(OptimizerError) in try state.step(params: &p, grad: [1]) }
        == "SGD: expected 2 parameters and gradient values, got 2 and 1")
    var three = [1.0, 2.0, 3.0]
    #expect(thrownMessage { () throws(OptimizerError) in try state.step(params: &three, grad: [1, 1, 1]) }
        == "SGD: expected 2 parameters and gradient values, got 3 and 3")
    #expect(thrownMessage { () throws(OptimizerError) in try state.step(params: &p, grad: [1, 1], fisher: [1, 0, 0, 1]) }
        == "SGD: takes no Fisher information matrix")
    #expect(p == [1, 2] && state.stepCount == 0)
    #expect(thrownMessage { () throws(OptimizerError) in _ = try OptimizerState(spec: .sgd(SGDOptions()), parameterCount: -1) }
        == "SGD: the parameter count must be >= 0 (got -1)")
    #expect(thrownMessage { () throws(OptimizerError) in _ = try OptimizerState(spec: .sgd(SGDOptions(lr: -1)), parameterCount: 1) }
        == "SGD: 'lr' must be >= 0 (got -1)")
}

@Test func naturalGradientErrors() throws {
    let state = try OptimizerState(spec: .naturalGradient(NaturalGradientOptions(lr: 1)), parameterCount: 2)
    var p = [1.0, 2.0]
    #expect(thrownMessage { () throws(OptimizerError) in try state.step(params: &p, grad: [1, 1]) }
        == "NaturalGradient: needs the Fisher information matrix at each step")
    #expect(thrownMessage { () throws(OptimizerError) in try state.step(params: &p, grad: [1, 1], fisher: [1, 0, 0]) }
        == "NaturalGradient: expected a 2×2 Fisher information matrix, got 3 values")
    #expect(thrownMessage { () throws(OptimizerError) in try state.step(params: &p, grad: [1, 1], fisher: [1, 2, 2, 4]) }
        == "NaturalGradient: the Fisher information matrix is singular at the current parameters")
    #expect(thrownMessage { () throws(OptimizerError) in try state.step(params: &p, grad: [1, 1], fisher: [0, 0, 0, 0]) }
        == "NaturalGradient: the Fisher information matrix is singular at the current parameters")
    #expect(thrownMessage { () throws(OptimizerError) in try state.step(params: &p, grad: [1, 1], fisher: [.nan, 0, 0, 1]) }
        == "NaturalGradient: the Fisher information matrix is not finite at the current parameters")
    #expect(p == [1, 2] && state.stepCount == 0)
    // lr = 1 with F the Hessian of a quadratic is Newton's method: one step reaches the
    // minimum x* = [3, −1] of ½(p − x*)ᵀF(p − x*), F = [[2, 1], [1, 4]], grad = F·(p − x*).
    let f: [Double] = [2, 1, 1, 4]
    try state.step(params: &p, grad: [2 * (1 - 3) + 1 * (2 + 1), 1 * (1 - 3) + 4 * (2 + 1)], fisher: f)
    #expect(abs(p[0] - 3) < 1e-15 && abs(p[1] + 1) < 1e-15)
}

@Test func nonFiniteInputsPropagateWithoutTrapping() throws {
    for spec: OptimizerSpec in [
        .sgd(SGDOptions(momentum: 0.9)), .adagrad(AdagradOptions()), .rmsprop(RMSpropOptions(centered: true)),
        .adam(AdamOptions(amsgrad: true)), .adaBound(AdaBoundOptions(amsbound: true)),
    ] {
        let state = try OptimizerState(spec: spec, parameterCount: 2)
        var p = [1.0, 2.0]
        try state.step(params: &p, grad: [.nan, .infinity])
        #expect(p[0].isNaN, "\(spec.name)")
    }
    // gamma = 0 makes AdaBound's upper bound +inf (the reference would divide by zero).
    let fit = try minimize(.rosenbrock, .adaBound(AdaBoundOptions(lr: 0.01, gamma: 0)), steps: 10)
    #expect(fit.params.allSatisfy { $0.isFinite })
    // No parameters: every step is a no-op.
    let empty = try OptimizerState(spec: .naturalGradient(NaturalGradientOptions(lr: 1)), parameterCount: 0)
    var none: [Double] = []
    try empty.step(params: &none, grad: [], fisher: [])
    #expect(empty.stepCount == 1)
}

@Test func amsgradWithZeroWeightDecayMatchesAdamWhenSecondMomentGrows() throws {
    // While v only grows, max(v̂, v) = v, so AMSGrad equals Adam (acceptance figures agree
    // on steps 1–2 for the same reason).
    let plain = try minimize(.rosenbrock, .adam(AdamOptions(lr: 0.01)), steps: 2)
    let ams = try minimize(.rosenbrock, .adam(AdamOptions(lr: 0.01, amsgrad: true)), steps: 2)
    #expect(plain.params == ams.params)
}
