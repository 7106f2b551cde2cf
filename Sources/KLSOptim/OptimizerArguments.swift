/// A hyper-parameter value as written in a kls call: `0.01`, `true`, `[0.9, 0.999]`.
public enum OptimizerArgument: Sendable, Equatable, CustomStringConvertible {
    /// A number, for rates, decays and factors.
    case number(Double)
    /// `true` or `false`, for switches such as `amsgrad`.
    case boolean(Bool)
    /// A vector, for `betas`.
    case vector([Double])
    /// A value of no kind a hyper-parameter takes (a function, a string…), described as the
    /// caller shows it; always refused, with the message that names what was expected.
    case other(String)

    /// The value as kls prints it, for error messages.
    public var description: String {
        switch self {
        case .number(let value): formatNumber(value)
        case .boolean(let value): value ? "true" : "false"
        case .vector(let values): "[" + values.map(formatNumber).joined(separator: ", ") + "]"
        case .other(let text): text
        }
    }
}

extension OptimizerSpec {
    /// Builds and validates the spec of a kls call `name(positional…, key=value…)`.
    /// Omitted hyper-parameters take their defaults (`parameters(of:)`);
    /// NaturalGradient requires `lr`. Throws on an unknown name or argument, a repeated
    /// or ill-typed argument, or an invalid value (see `validate`).
    public init(
        name: String, positional: [OptimizerArgument] = [], keywords: [(name: String, value: OptimizerArgument)] = []
    ) throws(OptimizerError) {
        guard let parameters = Self.parameters(of: name) else {
            throw OptimizerError("unknown optimiser '\(name)' (expected one of \(Self.names.joined(separator: ", ")))")
        }
        let arguments = try BoundArguments(
            optimizer: name, parameters: parameters, positional: positional, keywords: keywords)
        let maximize = try arguments.flag("maximize")
        switch name {
        case "SGD":
            self = .sgd(SGDOptions(
                lr: try arguments.number("lr"), momentum: try arguments.number("momentum"),
                dampening: try arguments.number("dampening"), nesterov: try arguments.flag("nesterov"),
                weightDecay: try arguments.number("weight_decay"), maximize: maximize))
        case "Adagrad":
            self = .adagrad(AdagradOptions(
                lr: try arguments.number("lr"), lrDecay: try arguments.number("lr_decay"),
                weightDecay: try arguments.number("weight_decay"),
                initialAccumulatorValue: try arguments.number("initial_accumulator_value"),
                eps: try arguments.number("eps"), maximize: maximize))
        case "RMSprop":
            self = .rmsprop(RMSpropOptions(
                lr: try arguments.number("lr"), alpha: try arguments.number("alpha"),
                eps: try arguments.number("eps"), weightDecay: try arguments.number("weight_decay"),
                momentum: try arguments.number("momentum"), centered: try arguments.flag("centered"),
                maximize: maximize))
        case "Adam", "AdamW":
            let decoupled = name == "AdamW"
            self = .adam(AdamOptions(
                lr: try arguments.number("lr"), betas: try arguments.pair("betas"),
                eps: try arguments.number("eps"),
                weightDecay: try arguments.number("weight_decay"),
                amsgrad: try arguments.flag("amsgrad"), maximize: maximize,
                decoupledWeightDecay: decoupled))
        case "AdaBound", "AdaBoundW":
            self = .adaBound(AdaBoundOptions(
                lr: try arguments.number("lr"), betas: try arguments.pair("betas"),
                finalLR: try arguments.number("final_lr"), gamma: try arguments.number("gamma"),
                eps: try arguments.number("eps"), weightDecay: try arguments.number("weight_decay"),
                amsbound: try arguments.flag("amsbound"), maximize: maximize,
                decoupledWeightDecay: name == "AdaBoundW"))
        default:
            self = .naturalGradient(NaturalGradientOptions(lr: try arguments.number("lr"), maximize: maximize))
        }
        try validate()
    }
}

/// The arguments of one optimiser call bound to its parameter names, read with a type
/// check and a default.
private struct BoundArguments {
    let optimizer: String
    private var values: [String: OptimizerArgument] = [:]

    /// Binds the arguments to `parameters`; omitted ones take their defaults, and `maximize`
    /// (keyword only) is false unless given.
    init(
        optimizer: String, parameters: [OptimizerParameter], positional: [OptimizerArgument],
        keywords: [(name: String, value: OptimizerArgument)]
    ) throws(OptimizerError) {
        self.optimizer = optimizer
        guard positional.count <= parameters.count else {
            throw OptimizerError(
                "\(optimizer): takes at most \(parameters.count) positional arguments (got \(positional.count))")
        }
        for (parameter, value) in zip(parameters, positional) { values[parameter.name] = value }
        let accepted = parameters.map(\.name) + ["maximize"]
        for (name, value) in keywords {
            guard accepted.contains(name) else {
                throw OptimizerError(
                    "\(optimizer): unknown argument '\(name)' (expected \(accepted.joined(separator: ", ")))")
            }
            guard values[name] == nil else { throw OptimizerError("\(optimizer): '\(name)' given twice") }
            values[name] = value
        }
        for parameter in parameters where values[parameter.name] == nil { values[parameter.name] = parameter.defaultValue }
        if values["maximize"] == nil { values["maximize"] = .boolean(false) }
    }

    /// The number given for `name` (or its default); an error when it has neither.
    func number(_ name: String) throws(OptimizerError) -> Double {
        switch values[name] {
        case .number(let value): return value
        case nil: throw OptimizerError("\(optimizer): missing argument '\(name)'")
        case let other?: throw mistyped(name, "a number", other)
        }
    }

    /// The boolean given for `name` (or its default).
    func flag(_ name: String) throws(OptimizerError) -> Bool {
        switch values[name] {
        case .boolean(let value): return value
        case nil: throw OptimizerError("\(optimizer): missing argument '\(name)'")
        case let other?: throw mistyped(name, "true or false", other)
        }
    }

    /// The two-number vector given for `name` (or its default).
    func pair(_ name: String) throws(OptimizerError) -> (Double, Double) {
        switch values[name] {
        case .vector(let values) where values.count == 2: return (values[0], values[1])
        case nil: throw OptimizerError("\(optimizer): missing argument '\(name)'")
        case let other?: throw mistyped(name, "a vector of 2 numbers", other)
        }
    }

    private func mistyped(_ name: String, _ expected: String, _ value: OptimizerArgument) -> OptimizerError {
        OptimizerError("\(optimizer): '\(name)' must be \(expected) (got \(value))")
    }
}
