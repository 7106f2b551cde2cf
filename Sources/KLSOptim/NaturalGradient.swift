/// Hyper-parameters of natural-gradient descent: p ← p − γ·F⁻¹·g, with F the Fisher
/// information of the model at the current parameters (supplied with each step).
public struct NaturalGradientOptions: Sendable, Equatable {
    /// Learning rate γ.
    public var lr: Double
    /// Ascend instead of descend (the gradient is negated first).
    public var maximize: Bool

    /// Creates the options.
    public init(lr: Double, maximize: Bool = false) {
        self.lr = lr
        self.maximize = maximize
    }

    /// Throws when lr is negative or NaN.
    func validate() throws(OptimizerError) {
        try HyperParameterCheck(optimizer: "NaturalGradient").nonNegative("lr", lr)
    }
}

/// Natural-gradient step: solve F·d = ±g (partial-pivoting LU on a copy of F), then
/// p ← p − γ·d. Scratch space for F and d is allocated once with the state.
final class NaturalGradientRule {
    private let options: NaturalGradientOptions
    private let count: Int
    private let factors: StateVector
    private let direction: StateVector

    /// Creates the rule for `count` parameters; `matrixSize` = count², checked by the caller.
    init(options: NaturalGradientOptions, count: Int, matrixSize: Int) {
        self.options = options
        self.count = count
        factors = StateVector(count: matrixSize)
        direction = StateVector(count: count)
    }

    /// Applies one step given the Fisher matrix (row-major, count × count); returns the
    /// error, leaving `params` unchanged, when F has the wrong size, is not finite, or is
    /// singular.
    func apply(
        params: UnsafeMutableBufferPointer<Double>, grad: UnsafeBufferPointer<Double>,
        fisher: UnsafeBufferPointer<Double>
    ) -> OptimizerError? {
        guard fisher.count == factors.values.count else {
            return OptimizerError(
                "NaturalGradient: expected a \(count)×\(count) Fisher information matrix, got \(fisher.count) values")
        }
        guard fisher.allSatisfy(\.isFinite) else {
            return OptimizerError("NaturalGradient: the Fisher information matrix is not finite at the current parameters")
        }
        let sign: Double = options.maximize ? -1 : 1
        let a = factors.values, d = direction.values
        for k in fisher.indices { a[k] = fisher[k] }
        for i in grad.indices { d[i] = sign * grad[i] }
        guard solveInPlace(matrix: a, rhs: d, n: count) else {
            return OptimizerError("NaturalGradient: the Fisher information matrix is singular at the current parameters")
        }
        for i in params.indices { params[i] = torchAdd(params[i], d[i], alpha: -options.lr) }
        return nil
    }
}
