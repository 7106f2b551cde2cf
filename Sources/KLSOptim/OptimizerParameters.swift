/// One hyper-parameter of an optimiser as kls calls it: its name and default (nil: required).
public struct OptimizerParameter: Sendable, Equatable {
    public let name: String
    public let defaultValue: OptimizerArgument?

    init(_ name: String, _ defaultValue: OptimizerArgument?) {
        self.name = name
        self.defaultValue = defaultValue
    }

    init(_ name: String, _ value: Double) { self.init(name, .number(value)) }
    init(_ name: String, _ value: Bool) { self.init(name, .boolean(value)) }
    init(_ name: String, _ value: (Double, Double)) { self.init(name, .vector([value.0, value.1])) }
}

extension OptimizerSpec {
    /// The optimiser names `init(name:positional:keywords:)` accepts.
    public static let names = ["SGD", "Adagrad", "RMSprop", "Adam", "AdamW", "AdaBound", "AdaBoundW", "NaturalGradient"]

    /// The hyper-parameters of optimiser `name` in positional order, kls spelling
    /// (`weight_decay`, `betas`, …), with their defaults, or nil for an unknown name.
    /// `maximize` is accepted too, by keyword only. Each default is written once, in its
    /// options' initialiser (torch's; the reference's for AdaBound): this table reads it
    /// from there, and argument binding and `:help` read this table.
    public static func parameters(of name: String) -> [OptimizerParameter]? {
        typealias P = OptimizerParameter
        switch name {
        case "SGD":
            let d = SGDOptions()
            return [P("lr", d.lr), P("momentum", d.momentum), P("dampening", d.dampening), P("nesterov", d.nesterov),
                    P("weight_decay", d.weightDecay)]
        case "Adagrad":
            let d = AdagradOptions()
            return [P("lr", d.lr), P("lr_decay", d.lrDecay), P("weight_decay", d.weightDecay),
                    P("initial_accumulator_value", d.initialAccumulatorValue), P("eps", d.eps)]
        case "RMSprop":
            let d = RMSpropOptions()
            return [P("lr", d.lr), P("alpha", d.alpha), P("eps", d.eps), P("weight_decay", d.weightDecay),
                    P("momentum", d.momentum), P("centered", d.centered)]
        case "Adam", "AdamW":
            let d = name == "AdamW" ? AdamOptions.adamW() : AdamOptions()
            return [P("lr", d.lr), P("betas", (d.beta1, d.beta2)), P("eps", d.eps), P("weight_decay", d.weightDecay),
                    P("amsgrad", d.amsgrad)]
        case "AdaBound", "AdaBoundW":
            let d = name == "AdaBoundW" ? AdaBoundOptions.adaBoundW() : AdaBoundOptions()
            return [P("lr", d.lr), P("betas", (d.beta1, d.beta2)), P("final_lr", d.finalLR), P("gamma", d.gamma),
                    P("eps", d.eps), P("weight_decay", d.weightDecay), P("amsbound", d.amsbound)]
        case "NaturalGradient":
            return [P("lr", nil)]
        default:
            return nil
        }
    }

    /// The hyper-parameter names of optimiser `name` in positional order, or nil.
    public static func parameterNames(of name: String) -> [String]? { parameters(of: name)?.map(\.name) }

    /// `Adam(lr=0.001, betas=[0.9, 0.999], eps=1e-8, weight_decay=0, amsgrad=false)`: the call
    /// with every default spelled out (a required parameter by its name alone), or nil.
    public static func usage(of name: String) -> String? {
        parameters(of: name).map { parameters in
            name + "(" + parameters.map { p in
                guard let value = p.defaultValue else { return p.name }
                return p.name + "=" + Self.usageText(value)
            }.joined(separator: ", ") + ")"
        }
    }

    /// A default as the usage line shows it: `1e-8` rather than Swift's `1e-08`.
    private static func usageText(_ value: OptimizerArgument) -> String {
        var text = value.description
        while let range = text.firstRange(of: "e-0") { text.replaceSubrange(range, with: "e-") }
        return text
    }
}
