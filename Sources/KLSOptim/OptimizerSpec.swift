/// An optimiser's configuration: which update rule, with which hyper-parameters. A value
/// only; each fit starts fresh state from it with `OptimizerState`.
public enum OptimizerSpec: Sendable, Equatable {
    /// `torch.optim.SGD`.
    case sgd(SGDOptions)
    /// `torch.optim.Adagrad`.
    case adagrad(AdagradOptions)
    /// `torch.optim.RMSprop`.
    case rmsprop(RMSpropOptions)
    /// `torch.optim.Adam`, or `torch.optim.AdamW` when `decoupledWeightDecay` is set.
    case adam(AdamOptions)
    /// AdaBound, or AdaBoundW when `decoupledWeightDecay` is set (the authors' reference).
    case adaBound(AdaBoundOptions)
    /// Natural-gradient descent preconditioned by a Fisher information matrix.
    case naturalGradient(NaturalGradientOptions)

    /// The name users write: "SGD", "Adagrad", "RMSprop", "Adam", "AdamW", "AdaBound",
    /// "AdaBoundW" or "NaturalGradient".
    public var name: String {
        switch self {
        case .sgd: "SGD"
        case .adagrad: "Adagrad"
        case .rmsprop: "RMSprop"
        case .adam(let options): options.name
        case .adaBound(let options): options.name
        case .naturalGradient: "NaturalGradient"
        }
    }

    /// Whether the rule ascends (torch's `maximize`: the gradient is negated first).
    public var maximize: Bool {
        get {
            switch self {
            case .sgd(let options): options.maximize
            case .adagrad(let options): options.maximize
            case .rmsprop(let options): options.maximize
            case .adam(let options): options.maximize
            case .adaBound(let options): options.maximize
            case .naturalGradient(let options): options.maximize
            }
        }
        set {
            switch self {
            case .sgd(var options): options.maximize = newValue; self = .sgd(options)
            case .adagrad(var options): options.maximize = newValue; self = .adagrad(options)
            case .rmsprop(var options): options.maximize = newValue; self = .rmsprop(options)
            case .adam(var options): options.maximize = newValue; self = .adam(options)
            case .adaBound(var options): options.maximize = newValue; self = .adaBound(options)
            case .naturalGradient(var options): options.maximize = newValue; self = .naturalGradient(options)
            }
        }
    }

    /// Whether each step needs the Fisher information matrix (`step(params:grad:fisher:)`).
    public var needsFisher: Bool {
        if case .naturalGradient = self { return true }
        return false
    }

    /// Throws the first invalid hyper-parameter, with torch's conditions, as a message
    /// naming the optimiser, the parameter and its value: `Adam: 'lr' must be >= 0 (got -1)`.
    public func validate() throws(OptimizerError) {
        switch self {
        case .sgd(let options): try options.validate()
        case .adagrad(let options): try options.validate()
        case .rmsprop(let options): try options.validate()
        case .adam(let options): try options.validate()
        case .adaBound(let options): try options.validate()
        case .naturalGradient(let options): try options.validate()
        }
    }
}
