import Foundation

/// Hyper-parameters of AdaBound and AdaBoundW, as the authors' reference implementation
/// (Luolc/AdaBound, adabound/adabound.py, classes `AdaBound` and `AdaBoundW`).
public struct AdaBoundOptions: Sendable, Equatable {
    /// Adam's learning rate γ.
    public var lr: Double
    /// Decay rate β₁ of the first moment.
    public var beta1: Double
    /// Decay rate β₂ of the second moment.
    public var beta2: Double
    /// The SGD learning rate α* that both bounds converge to.
    public var finalLR: Double
    /// Convergence speed ζ of the bounds α*(1 − 1/(ζt + 1)) and α*(1 + 1/(ζt)).
    public var gamma: Double
    /// ε added to √v in the denominator.
    public var eps: Double
    /// Weight decay λ: L2 penalty g ← g + λ·p for AdaBound, p ← p − λ·p for AdaBoundW.
    public var weightDecay: Double
    /// AMSBound: divide by the running maximum of v instead of v.
    public var amsbound: Bool
    /// Ascend instead of descend (the gradient is negated first, as torch's optimisers do).
    public var maximize: Bool
    /// AdaBoundW: subtract λ·p from the parameters instead of adding it to the gradient.
    public var decoupledWeightDecay: Bool

    /// AdaBound's options; defaults are the reference implementation's.
    public init(
        lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), finalLR: Double = 0.1,
        gamma: Double = 1e-3, eps: Double = 1e-8, weightDecay: Double = 0, amsbound: Bool = false,
        maximize: Bool = false, decoupledWeightDecay: Bool = false
    ) {
        self.lr = lr
        self.beta1 = betas.0
        self.beta2 = betas.1
        self.finalLR = finalLR
        self.gamma = gamma
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsbound = amsbound
        self.maximize = maximize
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    /// AdaBoundW's options (decoupled weight decay); defaults are the reference's.
    public static func adaBoundW(
        lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), finalLR: Double = 0.1,
        gamma: Double = 1e-3, eps: Double = 1e-8, weightDecay: Double = 0, amsbound: Bool = false,
        maximize: Bool = false
    ) -> AdaBoundOptions {
        AdaBoundOptions(
            lr: lr, betas: betas, finalLR: finalLR, gamma: gamma, eps: eps,
            weightDecay: weightDecay, amsbound: amsbound, maximize: maximize,
            decoupledWeightDecay: true)
    }

    /// "AdaBound", or "AdaBoundW" with decoupled weight decay.
    var name: String { decoupledWeightDecay ? "AdaBoundW" : "AdaBound" }

    /// Throws the first violated condition: the reference's checks, plus lr > 0 (the
    /// reference divides by the base lr) and weight_decay >= 0.
    func validate() throws(OptimizerError) {
        let check = HyperParameterCheck(optimizer: name)
        try check.positive("lr", lr)
        try check.nonNegative("eps", eps)
        try check.unitInterval("betas[0]", beta1)
        try check.unitInterval("betas[1]", beta2)
        try check.nonNegative("final_lr", finalLR)
        try check.unitInterval("gamma", gamma)
        try check.nonNegative("weight_decay", weightDecay)
    }
}

/// AdaBound's update, Luolc/AdaBound adabound/adabound.py `AdaBound.step` /
/// `AdaBoundW.step`, per element:
///     g ← ±grad;  AdaBound: g ← g + λ·p  (if λ ≠ 0)
///     m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  AMSBound: v ← max(v̂, v)
///     η ← clamp((γ·√(1 − β₂ᵗ) / (1 − β₁ᵗ)) / (√v + ε), α*(1 − 1/(ζt + 1)), α*(1 + 1/(ζt)))
///     p ← p − η·m;  AdaBoundW: then p ← p − λ·p_old  (if λ ≠ 0)
/// with α* = final_lr·γ/γ₀ (γ₀ the base lr, equal to γ here). With ζ = 0 the upper bound
/// is +inf (the reference divides by zero).
final class AdaBoundRule: UpdateRule {
    private let options: AdaBoundOptions
    private let expAvg: StateVector
    private let expAvgSq: StateVector
    private let maxExpAvgSq: StateVector

    init(options: AdaBoundOptions, count: Int) {
        self.options = options
        expAvg = StateVector(count: count)
        expAvgSq = StateVector(count: count)
        maxExpAvgSq = StateVector(count: options.amsbound ? count : 0)
    }

    func apply(params: UnsafeMutableBufferPointer<Double>, grad: UnsafeBufferPointer<Double>, step: Int) {
        let sign: Double = options.maximize ? -1 : 1
        let lr = options.lr, beta1 = options.beta1, beta2 = options.beta2, eps = options.eps
        let weightDecay = options.weightDecay, gamma = options.gamma
        let t = Double(step)
        let baseStepSize = lr * (1 - pow(beta2, t)).squareRoot() / (1 - pow(beta1, t))
        let finalLR = options.finalLR * lr / lr
        let lowerBound = finalLR * (1 - 1 / (gamma * t + 1))
        let upperBound = finalLR * (1 + 1 / (gamma * t))
        let m = expAvg.values, v = expAvgSq.values, vMax = maxExpAvgSq.values
        for i in params.indices {
            var g = sign * grad[i]
            if weightDecay != 0, !options.decoupledWeightDecay {
                g = torchAdd(g, params[i], alpha: weightDecay)
            }
            m[i] = torchAdd(m[i] * beta1, g, alpha: 1 - beta1)
            v[i] = torchAddcmul(v[i] * beta2, g, g, value: 1 - beta2)
            var second = v[i]
            if options.amsbound {
                vMax[i] = torchMaximum(vMax[i], v[i])
                second = vMax[i]
            }
            let denom = second.squareRoot() + eps
            let stepSize = clamp(baseStepSize / denom, lowerBound, upperBound) * m[i]
            if weightDecay != 0, options.decoupledWeightDecay {
                let decayed = params[i] * weightDecay
                params[i] = params[i] - stepSize - decayed
            } else {
                params[i] -= stepSize
            }
        }
    }

    /// `torch.clamp(x, lower, upper)`: min(max(x, lower), upper), NaN stays NaN.
    private func clamp(_ x: Double, _ lower: Double, _ upper: Double) -> Double {
        x.isNaN ? x : min(max(x, lower), upper)
    }
}
