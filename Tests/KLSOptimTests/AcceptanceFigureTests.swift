import Testing
@testable import KLSOptim

// Every figure of /work/shared/acceptance/optim_{sgd,adaptive,adam,minimize}.kls
// (oracle: torch.optim float64, per those files), on f(x, y) = (1 − x)² + 5(y − x²)²
// from [−1, 1.5], to the files' tolerance 1e-10 (relative to max(1, |b|)).

/// One acceptance figure: the parameters after `steps` steps of `spec`.
struct AcceptanceFigure: Sendable, CustomTestStringConvertible {
    let label: String
    let spec: OptimizerSpec
    let steps: Int
    let expected: [Double]
    var testDescription: String { "\(label): \(steps) step(s)" }
}

private func figures(_ label: String, _ spec: OptimizerSpec, _ after: [(Int, [Double])]) -> [AcceptanceFigure] {
    after.map { AcceptanceFigure(label: label, spec: spec, steps: $0.0, expected: $0.1) }
}

let acceptanceFigures: [AcceptanceFigure] =
    // optim_sgd.kls
    figures("SGD(lr=0.01)", .sgd(SGDOptions(lr: 0.01)), [
        (1, [-1.06, 1.45]), (2, [-1.0879968, 1.41736]), (50, [-0.6888759474879296, 0.6353139660479683]),
    ])
    + figures("SGD(lr=0.01, momentum=0.9)", .sgd(SGDOptions(lr: 0.01, momentum: 0.9)), [
        (1, [-1.06, 1.45]), (2, [-1.1419968, 1.37236]), (50, [1.021710867096935, 0.9625491456432129]),
    ])
    + figures("SGD(lr=0.01, momentum=0.9, nesterov=true)", .sgd(SGDOptions(lr: 0.01, momentum: 0.9, nesterov: true)), [
        (1, [-1.114, 1.405]), (2, [-1.1516941732800001, 1.3333392400000001]),
        (50, [1.0227068878828847, 1.0476254294882203]),
    ])
    + figures("SGD(lr=0.01, weight_decay=0.1)", .sgd(SGDOptions(lr: 0.01, weightDecay: 0.1)), [
        (1, [-1.059, 1.4485]), (2, [-1.0860236241999999, 1.4143496]), (50, [-0.6450723770323594, 0.577088911500873]),
    ])
    + figures("SGD(lr=0.01, momentum=0.9, dampening=0.5)", .sgd(SGDOptions(lr: 0.01, momentum: 0.9, dampening: 0.5)), [
        (1, [-1.06, 1.45]), (2, [-1.1279984, 1.38868]), (50, [0.8149714345104029, 0.5175401989951737]),
    ])
    // optim_adaptive.kls
    + figures("Adagrad(lr=0.1)", .adagrad(AdagradOptions(lr: 0.1)), [
        (1, [-1.0999999999983334, 1.400000000002]), (2, [-1.0996666685188698, 1.3644782239393811]),
        (50, [-0.5325781465209707, 0.4665904145676834]),
    ])
    + figures("RMSprop(lr=0.01)", .rmsprop(RMSpropOptions(lr: 0.01)), [
        (1, [-1.0999999983333333, 1.400000002]), (2, [-1.0996649896517827, 1.3643220028473637]),
        (50, [-0.46381645245365005, 0.39937093358059017]),
    ])
    + figures("RMSprop(lr=0.01, centered=true)", .rmsprop(RMSpropOptions(lr: 0.01, centered: true)), [
        (1, [-1.1005037798424195, 1.399496220494281]), (2, [-1.0995850750045446, 1.3637869947995762]),
        (50, [-0.3803119486902422, 0.30710272465516364]),
    ])
    + figures("RMSprop(lr=0.01, momentum=0.9)", .rmsprop(RMSpropOptions(lr: 0.01, momentum: 0.9)), [
        (1, [-1.0999999983333333, 1.400000002]), (2, [-1.1896649881517827, 1.2743220046473638]),
        (50, [1.0811157873139552, 1.2226534774818214]),
    ])
    // optim_adam.kls
    + figures("Adam()", .adam(AdamOptions()), [
        (1, [-1.0009999999983332, 1.499000000002]), (2, [-1.001999763262071, 1.4980001614506882]),
        (50, [-1.046657818152373, 1.452036338196052]),
    ])
    + figures("Adam(lr=0.01)", .adam(AdamOptions(lr: 0.01)), [
        (1, [-1.0099999999833333, 1.49000000002]), (2, [-1.0199654542675138, 1.480020983266654]),
        (50, [-0.9853668801182499, 1.1439294756570304]),
    ])
    + figures("Adam(lr=0.01, amsgrad=true)", .adam(AdamOptions(lr: 0.01, amsgrad: true)), [
        (1, [-1.0099999999833333, 1.49000000002]), (2, [-1.0199654542675138, 1.480020983266654]),
        (50, [-0.9853921795278477, 1.1439305024342226]),
    ])
    + figures("AdamW(lr=0.01)", .adam(.adamW(lr: 0.01)), [
        (1, [-1.0098999999833334, 1.48985000002]), (2, [-1.0197644919482238, 1.4797219523858278]),
        (50, [-0.9814566487133642, 1.1367514815497484]),
    ])

@Test(arguments: acceptanceFigures)
func acceptanceFigure(_ figure: AcceptanceFigure) throws {
    let fit = try minimize(.rosenbrock, figure.spec, steps: figure.steps)
    #expect(nearVector(fit.params, figure.expected, 1e-10), "\(fit.params) vs \(figure.expected)")
}

/// optim_minimize.kls: losses, trace and params of Adam(lr=0.05) over 20 steps.
@Test func minimizeSemanticsFigures() throws {
    let fit = try minimize(.rosenbrock, .adam(AdamOptions(lr: 0.05)), steps: 20)
    #expect(fit.losses.count == 20)
    #expect(fit.losses[0] == 5.25)
    #expect(abs(fit.losses[1] - 4.806281250613957) <= 1e-10 * 4.806281250613957)
    #expect(abs(fit.losses[19] - 3.5221179900415094) <= 1e-10 * 3.5221179900415094)
    #expect(fit.trace[0] == [-1, 1.5])
    #expect(nearVector(fit.trace[1], [-1.0499999999166667, 1.4500000001], 1e-10))
    #expect(nearVector(fit.params, [-0.819965295068501, 0.8318762160116596], 1e-10))
}

/// optim_minimize.kls: maximize(g, [2, −1], Adam(lr=0.02), steps=30) = torch Adam(maximize=True).
@Test func maximizeFigure() throws {
    let fit = try minimize(.wavy, .adam(AdamOptions(lr: 0.02, maximize: true)), steps: 30)
    #expect(nearVector(fit.params, [2.6208925553098092, -1.6211082660669447], 1e-10), "\(fit.params)")
}
