/// The state one fit keeps for its optimiser (moment estimates, momentum buffers, the
/// step counter), allocated once for a fixed parameter count so that steps allocate
/// nothing. Create a fresh one for every fit.
public final class OptimizerState {
    /// The configuration this state was created from.
    public let spec: OptimizerSpec
    /// The number of parameters every step updates.
    public let parameterCount: Int
    /// The number of steps applied so far (torch's `state["step"]`).
    public private(set) var stepCount = 0

    private enum Rule {
        case elementwise(any UpdateRule)
        case natural(NaturalGradientRule)
    }

    private let rule: Rule

    /// Creates fresh state for `parameterCount` parameters; throws when the spec is
    /// invalid (see `OptimizerSpec.validate`) or the count is negative or too large.
    public init(spec: OptimizerSpec, parameterCount: Int) throws(OptimizerError) {
        try spec.validate()
        guard parameterCount >= 0 else {
            throw OptimizerError("\(spec.name): the parameter count must be >= 0 (got \(parameterCount))")
        }
        self.spec = spec
        self.parameterCount = parameterCount
        let n = parameterCount
        switch spec {
        case .sgd(let options): rule = .elementwise(SGDRule(options: options, count: n))
        case .adagrad(let options): rule = .elementwise(AdagradRule(options: options, count: n))
        case .rmsprop(let options): rule = .elementwise(RMSpropRule(options: options, count: n))
        case .adam(let options): rule = .elementwise(AdamRule(options: options, count: n))
        case .adaBound(let options): rule = .elementwise(AdaBoundRule(options: options, count: n))
        case .naturalGradient(let options):
            let (matrixSize, overflow) = n.multipliedReportingOverflow(by: n)
            guard !overflow else {
                throw OptimizerError("NaturalGradient: too many parameters (\(n)) for a Fisher matrix")
            }
            rule = .natural(NaturalGradientRule(options: options, count: n, matrixSize: matrixSize))
        }
    }

    /// Applies exactly one optimiser step to `params` in place, given the gradient of the
    /// loss at `params` (evaluate, then step, as torch's loop does). `fisher` is the Fisher
    /// information at `params`, row-major `parameterCount × parameterCount`: required by
    /// NaturalGradient, refused by the others. On error nothing changes.
    public func step(params: inout [Double], grad: [Double], fisher: [Double]? = nil) throws(OptimizerError) {
        guard params.count == parameterCount, grad.count == parameterCount else {
            throw OptimizerError(
                "\(spec.name): expected \(parameterCount) parameters and gradient values, "
                    + "got \(params.count) and \(grad.count)")
        }
        let next = stepCount + 1
        switch rule {
        case .elementwise(let rule):
            guard fisher == nil else {
                throw OptimizerError("\(spec.name): takes no Fisher information matrix")
            }
            params.withUnsafeMutableBufferPointer { params in
                grad.withUnsafeBufferPointer { grad in rule.apply(params: params, grad: grad, step: next) }
            }
        case .natural(let rule):
            guard let fisher else {
                throw OptimizerError("NaturalGradient: needs the Fisher information matrix at each step")
            }
            let failure = params.withUnsafeMutableBufferPointer { params in
                grad.withUnsafeBufferPointer { grad in
                    fisher.withUnsafeBufferPointer { fisher in rule.apply(params: params, grad: grad, fisher: fisher) }
                }
            }
            if let failure { throw failure }
        }
        stepCount = next
    }
}
