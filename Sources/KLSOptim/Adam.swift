import Foundation

/// Hyper-parameters of Adam and AdamW, as `torch.optim.Adam` / `torch.optim.AdamW`.
public struct AdamOptions: Sendable, Equatable {
    /// Learning rate γ.
    public var lr: Double
    /// Decay rate β₁ of the first moment (the gradient's running average).
    public var beta1: Double
    /// Decay rate β₂ of the second moment (the squared gradient's running average).
    public var beta2: Double
    /// ε added to the bias-corrected √v in the denominator.
    public var eps: Double
    /// Weight decay λ: L2 penalty g ← g + λ·p for Adam, p ← p·(1 − γλ) for AdamW.
    public var weightDecay: Double
    /// AMSGrad: divide by the running maximum of v instead of v.
    public var amsgrad: Bool
    /// Ascend instead of descend (the gradient is negated first).
    public var maximize: Bool
    /// AdamW: decay the parameters directly instead of adding λ·p to the gradient.
    public var decoupledWeightDecay: Bool

    /// Adam's options; defaults are torch's (`decoupledWeightDecay: true` with the same
    /// defaults is torch's `Adam(decoupled_weight_decay=True)`; see `adamW` for AdamW's).
    public init(
        lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 0, amsgrad: Bool = false, maximize: Bool = false,
        decoupledWeightDecay: Bool = false
    ) {
        self.lr = lr
        self.beta1 = betas.0
        self.beta2 = betas.1
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
        self.maximize = maximize
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    /// AdamW's options; defaults are torch's (weight decay 0.01).
    public static func adamW(
        lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 1e-2, amsgrad: Bool = false, maximize: Bool = false
    ) -> AdamOptions {
        AdamOptions(
            lr: lr, betas: betas, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad,
            maximize: maximize, decoupledWeightDecay: true)
    }

    /// "Adam", or "AdamW" with decoupled weight decay.
    var name: String { decoupledWeightDecay ? "AdamW" : "Adam" }

    /// Throws the first violated torch condition (torch/optim/adam.py `Adam.__init__`).
    func validate() throws(OptimizerError) {
        let check = HyperParameterCheck(optimizer: name)
        try check.nonNegative("lr", lr)
        try check.nonNegative("eps", eps)
        try check.unitInterval("betas[0]", beta1)
        try check.unitInterval("betas[1]", beta2)
        try check.nonNegative("weight_decay", weightDecay)
    }
}

/// Adam's update, torch/optim/adam.py `_single_tensor_adam` (capturable=False), per element:
///     g ← ±grad;  AdamW: p ← p·(1 − γλ),  Adam: g ← g + λ·p   (if λ ≠ 0)
///     m ← lerp(m, g, 1 − β₁);  v ← β₂·v + (1 − β₂)·g²
///     AMSGrad: v̂ ← max(v̂, v) and v̂ replaces v below
///     p ← p − (γ / (1 − β₁ᵗ))·m / (√v / (1 − β₂ᵗ)^½ + ε)
final class AdamRule: UpdateRule {
    private let options: AdamOptions
    private let expAvg: StateVector
    private let expAvgSq: StateVector
    private let maxExpAvgSq: StateVector

    init(options: AdamOptions, count: Int) {
        self.options = options
        expAvg = StateVector(count: count)
        expAvgSq = StateVector(count: count)
        maxExpAvgSq = StateVector(count: options.amsgrad ? count : 0)
    }

    func apply(params: UnsafeMutableBufferPointer<Double>, grad: UnsafeBufferPointer<Double>, step: Int) {
        let sign: Double = options.maximize ? -1 : 1
        let lr = options.lr, beta1 = options.beta1, beta2 = options.beta2, eps = options.eps
        let weightDecay = options.weightDecay
        let decayFactor = 1 - lr * weightDecay
        let t = Double(step)
        let stepSize = lr / (1 - pow(beta1, t))
        let biasCorrection2Sqrt = pow(1 - pow(beta2, t), 0.5)
        let m = expAvg.values, v = expAvgSq.values, vMax = maxExpAvgSq.values
        for i in params.indices {
            var g = sign * grad[i]
            if weightDecay != 0 {
                if options.decoupledWeightDecay {
                    params[i] *= decayFactor
                } else {
                    g = torchAdd(g, params[i], alpha: weightDecay)
                }
            }
            m[i] = torchLerp(m[i], g, weight: 1 - beta1)
            v[i] = torchAddcmul(v[i] * beta2, g, g, value: 1 - beta2)
            var second = v[i]
            if options.amsgrad {
                vMax[i] = torchMaximum(vMax[i], v[i])
                second = vMax[i]
            }
            let denom = second.squareRoot() / biasCorrection2Sqrt + eps
            params[i] = torchAddcdiv(params[i], m[i], denom, value: -stepSize)
        }
    }
}
