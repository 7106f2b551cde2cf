/// Hyper-parameters of Adagrad, as `torch.optim.Adagrad`.
public struct AdagradOptions: Sendable, Equatable {
    /// Learning rate γ.
    public var lr: Double
    /// Learning-rate decay η: step t uses γ / (1 + (t − 1)·η).
    public var lrDecay: Double
    /// L2 penalty λ, added to the gradient: g ← g + λ·p.
    public var weightDecay: Double
    /// Starting value of the sum of squared gradients.
    public var initialAccumulatorValue: Double
    /// ε added to √(sum) in the denominator.
    public var eps: Double
    /// Ascend instead of descend (the gradient is negated first).
    public var maximize: Bool

    /// Creates the options; defaults are torch's.
    public init(
        lr: Double = 1e-2, lrDecay: Double = 0, weightDecay: Double = 0,
        initialAccumulatorValue: Double = 0, eps: Double = 1e-10, maximize: Bool = false
    ) {
        self.lr = lr
        self.lrDecay = lrDecay
        self.weightDecay = weightDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.eps = eps
        self.maximize = maximize
    }

    /// Throws the first violated torch condition (torch/optim/adagrad.py `Adagrad.__init__`).
    func validate() throws(OptimizerError) {
        let check = HyperParameterCheck(optimizer: "Adagrad")
        try check.nonNegative("lr", lr)
        try check.nonNegative("lr_decay", lrDecay)
        try check.nonNegative("weight_decay", weightDecay)
        try check.nonNegative("initial_accumulator_value", initialAccumulatorValue)
        try check.nonNegative("eps", eps)
    }
}

/// Adagrad's update, torch/optim/adagrad.py `_single_tensor_adagrad`, per element:
///     g ← ±grad;  g ← g + λ·p  (if λ ≠ 0)
///     clr ← γ / (1 + (t − 1)·η)
///     sum ← sum + g²
///     p ← p − clr·g / (√sum + ε)
final class AdagradRule: UpdateRule {
    private let options: AdagradOptions
    private let squaredSum: StateVector

    init(options: AdagradOptions, count: Int) {
        self.options = options
        squaredSum = StateVector(count: count, value: options.initialAccumulatorValue)
    }

    func apply(params: UnsafeMutableBufferPointer<Double>, grad: UnsafeBufferPointer<Double>, step: Int) {
        let sign: Double = options.maximize ? -1 : 1
        let weightDecay = options.weightDecay, eps = options.eps
        let clr = options.lr / (1 + (Double(step) - 1) * options.lrDecay)
        let sum = squaredSum.values
        for i in params.indices {
            var g = sign * grad[i]
            if weightDecay != 0 { g = torchAdd(g, params[i], alpha: weightDecay) }
            sum[i] = torchAddcmul(sum[i], g, g, value: 1)
            let std = sum[i].squareRoot() + eps
            params[i] = torchAddcdiv(params[i], g, std, value: -clr)
        }
    }
}
