/// A hyper-parameter value as written in a kls call: `0.01`, `true`, `[0.9, 0.999]`.
public enum OptimizerArgument: Sendable, Equatable, CustomStringConvertible {
    /// A number, for rates, decays and factors.
    case number(Double)
    /// `true` or `false`, for switches such as `amsgrad`.
    case boolean(Bool)
    /// A vector, for `betas`.
    case vector([Double])

    /// The value as kls prints it, for error messages.
    public var description: String {
        switch self {
        case .number(let value): formatNumber(value)
        case .boolean(let value): value ? "true" : "false"
        case .vector(let values): "[" + values.map(formatNumber).joined(separator: ", ") + "]"
        }
    }
}

extension OptimizerSpec {
    /// The optimiser names `init(name:positional:keywords:)` accepts.
    public static let names = ["SGD", "Adagrad", "RMSprop", "Adam", "AdamW", "AdaBound", "AdaBoundW", "NaturalGradient"]

    /// The hyper-parameters of optimiser `name` in positional order, kls spelling
    /// (`weight_decay`, `betas`, …), or nil for an unknown name. `maximize` is accepted
    /// too, by keyword only.
    public static func parameterNames(of name: String) -> [String]? {
        switch name {
        case "SGD": ["lr", "momentum", "dampening", "nesterov", "weight_decay"]
        case "Adagrad": ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps"]
        case "RMSprop": ["lr", "alpha", "eps", "weight_decay", "momentum", "centered"]
        case "Adam", "AdamW": ["lr", "betas", "eps", "weight_decay", "amsgrad"]
        case "AdaBound", "AdaBoundW": ["lr", "betas", "final_lr", "gamma", "eps", "weight_decay", "amsbound"]
        case "NaturalGradient": ["lr"]
        default: nil
        }
    }

    /// Builds and validates the spec of a kls call `name(positional…, key=value…)`.
    /// Omitted hyper-parameters take torch's defaults (the reference's for AdaBound);
    /// NaturalGradient requires `lr`. Throws on an unknown name or argument, a repeated
    /// or ill-typed argument, or an invalid value (see `validate`).
    public init(
        name: String, positional: [OptimizerArgument] = [], keywords: [(name: String, value: OptimizerArgument)] = []
    ) throws(OptimizerError) {
        guard let parameters = Self.parameterNames(of: name) else {
            throw OptimizerError("unknown optimiser '\(name)' (expected one of \(Self.names.joined(separator: ", ")))")
        }
        let arguments = try BoundArguments(
            optimizer: name, parameters: parameters, positional: positional, keywords: keywords)
        let maximize = try arguments.flag("maximize", false)
        switch name {
        case "SGD":
            self = .sgd(SGDOptions(
                lr: try arguments.number("lr", 1e-3), momentum: try arguments.number("momentum", 0),
                dampening: try arguments.number("dampening", 0), nesterov: try arguments.flag("nesterov", false),
                weightDecay: try arguments.number("weight_decay", 0), maximize: maximize))
        case "Adagrad":
            self = .adagrad(AdagradOptions(
                lr: try arguments.number("lr", 1e-2), lrDecay: try arguments.number("lr_decay", 0),
                weightDecay: try arguments.number("weight_decay", 0),
                initialAccumulatorValue: try arguments.number("initial_accumulator_value", 0),
                eps: try arguments.number("eps", 1e-10), maximize: maximize))
        case "RMSprop":
            self = .rmsprop(RMSpropOptions(
                lr: try arguments.number("lr", 1e-2), alpha: try arguments.number("alpha", 0.99),
                eps: try arguments.number("eps", 1e-8), weightDecay: try arguments.number("weight_decay", 0),
                momentum: try arguments.number("momentum", 0), centered: try arguments.flag("centered", false),
                maximize: maximize))
        case "Adam", "AdamW":
            let decoupled = name == "AdamW"
            self = .adam(AdamOptions(
                lr: try arguments.number("lr", 1e-3), betas: try arguments.pair("betas", (0.9, 0.999)),
                eps: try arguments.number("eps", 1e-8),
                weightDecay: try arguments.number("weight_decay", decoupled ? 1e-2 : 0),
                amsgrad: try arguments.flag("amsgrad", false), maximize: maximize,
                decoupledWeightDecay: decoupled))
        case "AdaBound", "AdaBoundW":
            self = .adaBound(AdaBoundOptions(
                lr: try arguments.number("lr", 1e-3), betas: try arguments.pair("betas", (0.9, 0.999)),
                finalLR: try arguments.number("final_lr", 0.1), gamma: try arguments.number("gamma", 1e-3),
                eps: try arguments.number("eps", 1e-8), weightDecay: try arguments.number("weight_decay", 0),
                amsbound: try arguments.flag("amsbound", false), maximize: maximize,
                decoupledWeightDecay: name == "AdaBoundW"))
        default:
            self = .naturalGradient(NaturalGradientOptions(lr: try arguments.number("lr", nil), maximize: maximize))
        }
        try validate()
    }
}

/// The arguments of one optimiser call bound to its parameter names, read with a type
/// check and a default.
private struct BoundArguments {
    let optimizer: String
    private var values: [String: OptimizerArgument] = [:]

    init(
        optimizer: String, parameters: [String], positional: [OptimizerArgument],
        keywords: [(name: String, value: OptimizerArgument)]
    ) throws(OptimizerError) {
        self.optimizer = optimizer
        guard positional.count <= parameters.count else {
            throw OptimizerError(
                "\(optimizer): takes at most \(parameters.count) positional arguments (got \(positional.count))")
        }
        for (name, value) in zip(parameters, positional) { values[name] = value }
        let accepted = parameters + ["maximize"]
        for (name, value) in keywords {
            guard accepted.contains(name) else {
                throw OptimizerError(
                    "\(optimizer): unknown argument '\(name)' (expected \(accepted.joined(separator: ", ")))")
            }
            guard values[name] == nil else { throw OptimizerError("\(optimizer): '\(name)' given twice") }
            values[name] = value
        }
    }

    /// The number given for `name`, else `fallback`; nil fallback makes it required.
    func number(_ name: String, _ fallback: Double?) throws(OptimizerError) -> Double {
        switch values[name] {
        case .number(let value): return value
        case nil:
            guard let fallback else { throw OptimizerError("\(optimizer): missing argument '\(name)'") }
            return fallback
        case let other?: throw mistyped(name, "a number", other)
        }
    }

    /// The boolean given for `name`, else `fallback`.
    func flag(_ name: String, _ fallback: Bool) throws(OptimizerError) -> Bool {
        switch values[name] {
        case .boolean(let value): return value
        case nil: return fallback
        case let other?: throw mistyped(name, "true or false", other)
        }
    }

    /// The two-number vector given for `name`, else `fallback`.
    func pair(_ name: String, _ fallback: (Double, Double)) throws(OptimizerError) -> (Double, Double) {
        switch values[name] {
        case .vector(let values) where values.count == 2: return (values[0], values[1])
        case nil: return fallback
        case let other?: throw mistyped(name, "a vector of 2 numbers", other)
        }
    }

    private func mistyped(_ name: String, _ expected: String, _ value: OptimizerArgument) -> OptimizerError {
        OptimizerError("\(optimizer): '\(name)' must be \(expected) (got \(value))")
    }
}
