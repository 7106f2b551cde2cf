/// Hyper-parameters of RMSprop, as `torch.optim.RMSprop`.
public struct RMSpropOptions: Sendable, Equatable {
    /// Learning rate γ.
    public var lr: Double
    /// Smoothing constant α of the running averages.
    public var alpha: Double
    /// ε added to the root-mean-square in the denominator.
    public var eps: Double
    /// L2 penalty λ, added to the gradient: g ← g + λ·p.
    public var weightDecay: Double
    /// Momentum factor μ; 0 steps directly along g / (√v + ε).
    public var momentum: Double
    /// Centred variant: divide by the estimated standard deviation √(v − ḡ²).
    public var centered: Bool
    /// Ascend instead of descend (the gradient is negated first).
    public var maximize: Bool

    /// Creates the options; defaults are torch's.
    public init(
        lr: Double = 1e-2, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0,
        momentum: Double = 0, centered: Bool = false, maximize: Bool = false
    ) {
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
        self.maximize = maximize
    }

    /// Throws the first violated torch condition (torch/optim/rmsprop.py `RMSprop.__init__`).
    func validate() throws(OptimizerError) {
        let check = HyperParameterCheck(optimizer: "RMSprop")
        try check.nonNegative("lr", lr)
        try check.nonNegative("eps", eps)
        try check.nonNegative("momentum", momentum)
        try check.nonNegative("weight_decay", weightDecay)
        try check.nonNegative("alpha", alpha)
    }
}

/// RMSprop's update, torch/optim/rmsprop.py `_single_tensor_rmsprop`, per element:
///     g ← ±grad;  g ← g + λ·p  (if λ ≠ 0)
///     v ← α·v + (1 − α)·g²
///     centred: ḡ ← lerp(ḡ, g, 1 − α);  avg ← √(v − ḡ²) + ε,  else avg ← √v + ε
///     μ > 0: buf ← μ·buf + g / avg;  p ← p − γ·buf,  else p ← p − γ·g / avg
final class RMSpropRule: UpdateRule {
    private let options: RMSpropOptions
    private let squareAverage: StateVector
    private let gradAverage: StateVector
    private let momentumBuffer: StateVector

    init(options: RMSpropOptions, count: Int) {
        self.options = options
        squareAverage = StateVector(count: count)
        gradAverage = StateVector(count: options.centered ? count : 0)
        momentumBuffer = StateVector(count: options.momentum > 0 ? count : 0)
    }

    func apply(params: UnsafeMutableBufferPointer<Double>, grad: UnsafeBufferPointer<Double>, step: Int) {
        let sign: Double = options.maximize ? -1 : 1
        let lr = options.lr, alpha = options.alpha, eps = options.eps
        let weightDecay = options.weightDecay, momentum = options.momentum
        let v = squareAverage.values, gBar = gradAverage.values, buffer = momentumBuffer.values
        for i in params.indices {
            var g = sign * grad[i]
            if weightDecay != 0 { g = torchAdd(g, params[i], alpha: weightDecay) }
            v[i] = torchAddcmul(v[i] * alpha, g, g, value: 1 - alpha)
            var avg: Double
            if options.centered {
                gBar[i] = torchLerp(gBar[i], g, weight: 1 - alpha)
                avg = torchAddcmul(v[i], gBar[i], gBar[i], value: -1).squareRoot()
            } else {
                avg = v[i].squareRoot()
            }
            avg += eps
            if momentum > 0 {
                buffer[i] = torchAddcdiv(buffer[i] * momentum, g, avg, value: 1)
                params[i] = torchAdd(params[i], buffer[i], alpha: -lr)
            } else {
                params[i] = torchAddcdiv(params[i], g, avg, value: -lr)
            }
        }
    }
}
