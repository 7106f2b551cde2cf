/// Hyper-parameters of stochastic gradient descent, as `torch.optim.SGD`.
public struct SGDOptions: Sendable, Equatable {
    /// Learning rate γ (torch's default 1e-3).
    public var lr: Double
    /// Momentum factor μ; 0 disables the momentum buffer.
    public var momentum: Double
    /// Dampening τ of the momentum: buf ← μ·buf + (1 − τ)·g (not on the first step).
    public var dampening: Double
    /// Nesterov momentum: step along g + μ·buf instead of buf.
    public var nesterov: Bool
    /// L2 penalty λ, added to the gradient: g ← g + λ·p.
    public var weightDecay: Double
    /// Ascend instead of descend (the gradient is negated first).
    public var maximize: Bool

    /// Creates the options; defaults are torch's.
    public init(
        lr: Double = 1e-3, momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false,
        weightDecay: Double = 0, maximize: Bool = false
    ) {
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
        self.maximize = maximize
    }

    /// Throws the first violated torch condition (torch/optim/sgd.py `SGD.__init__`).
    func validate() throws(OptimizerError) {
        let check = HyperParameterCheck(optimizer: "SGD")
        try check.nonNegative("lr", lr)
        try check.nonNegative("momentum", momentum)
        try check.nonNegative("weight_decay", weightDecay)
        if nesterov, !(momentum > 0 && dampening == 0) {
            throw OptimizerError(
                "SGD: 'nesterov' requires 'momentum' > 0 and 'dampening' = 0 "
                    + "(got momentum=\(formatNumber(momentum)), dampening=\(formatNumber(dampening)))")
        }
    }
}

/// SGD's update, torch/optim/sgd.py `_single_tensor_sgd`, per element:
///     g ← ±grad;  g ← g + λ·p                      (if λ ≠ 0)
///     buf ← g on the first step, else μ·buf + (1 − τ)·g   (if μ ≠ 0)
///     g ← g + μ·buf (nesterov) or buf
///     p ← p − γ·g
final class SGDRule: UpdateRule {
    private let options: SGDOptions
    private let momentumBuffer: StateVector

    init(options: SGDOptions, count: Int) {
        self.options = options
        momentumBuffer = StateVector(count: options.momentum != 0 ? count : 0)
    }

    func apply(params: UnsafeMutableBufferPointer<Double>, grad: UnsafeBufferPointer<Double>, step: Int) {
        let sign: Double = options.maximize ? -1 : 1
        let lr = options.lr, weightDecay = options.weightDecay, momentum = options.momentum
        let keep = 1 - options.dampening
        let buffer = momentumBuffer.values
        for i in params.indices {
            var g = sign * grad[i]
            if weightDecay != 0 { g = torchAdd(g, params[i], alpha: weightDecay) }
            if momentum != 0 {
                buffer[i] = step == 1 ? g : torchAdd(buffer[i] * momentum, g, alpha: keep)
                g = options.nesterov ? torchAdd(g, buffer[i], alpha: momentum) : buffer[i]
            }
            params[i] = torchAdd(params[i], g, alpha: -lr)
        }
    }
}
