import KLSOptim

/// Optimiser constructors, with PyTorch's defaults and update rules (AdaBound as its
/// authors' reference implementation).
extension BuiltinRegistry {
    static func installOptimizers(_ r: BuiltinRegistry) {
        let summaries: [(String, String)] = [
            ("SGD", "Stochastic gradient descent with optional (Nesterov) momentum, as torch.optim.SGD."),
            ("Adagrad", "Adagrad: steps scaled by the root of the summed squared gradients, as torch.optim.Adagrad."),
            ("RMSprop", "RMSprop: steps scaled by a running RMS of the gradients, as torch.optim.RMSprop."),
            ("Adam", "Adam: bias-corrected first and second moments, as torch.optim.Adam (amsgrad keeps the max second moment)."),
            ("AdamW", "AdamW: Adam with decoupled weight decay, as torch.optim.AdamW."),
            ("AdaBound", "AdaBound: Adam whose step sizes are clipped to bounds converging to final_lr (Luo et al., reference code)."),
            ("AdaBoundW", "AdaBound with decoupled weight decay (the reference's AdaBoundW)."),
        ]
        for (name, summary) in summaries {
            // The defaults shown are the optimiser's own (KLSOptim, `OptimizerSpec.parameters(of:)`).
            let names = (OptimizerSpec.parameterNames(of: name) ?? []) + ["maximize"]
            r.function(name, names.map { p($0, Value.none, shown: "default") }, category: "optimisers",
                       summary: summary, help: "\(OptimizerSpec.usage(of: name) ?? name)\nmaximize=true ascends instead (torch's maximize flag); minimize/maximize set it for you.",
                       example: "minimize((x, y) -> (1 - x)^2 + 5 * (y - x^2)^2, [-1, 1.5], \(name)(lr=0.01), steps=50).params") { a in
                try optimizer(a, name: name, model: nil)
            }
        }
        r.function("NaturalGradient", [p("lr"), p("model")], category: "optimisers",
                   summary: "Natural gradient descent: θ ← θ − lr·F(θ)⁻¹∇L, F the Fisher information of model(θ…).",
                   help: """
                   model maps the parameters to the distribution whose Fisher information preconditions each step,
                   e.g. NaturalGradient(0.1, (m, s) -> Normal(m, s)). fisher(D) gives that matrix.
                   """,
                   example: "minimize((m, s) -> KL(Normal(1, 2) || Normal(m, s)), [0, 1], NaturalGradient(0.1, (m, s) -> Normal(m, s)), steps=20).params") { a in
            try optimizer(a, name: "NaturalGradient", model: try a.function(1))
        }
    }

    /// Builds the optimiser value from the arguments that were given (omitted ones take the
    /// defaults that KLSOptim declares).
    static func optimizer(_ a: Arguments, name: String, model: Value?) throws -> Value {
        var keywords: [(name: String, value: OptimizerArgument)] = []
        var shown: [String] = []
        for (i, parameter) in a.builtin.parameters.enumerated() where parameter.name != "model" {
            let v = a[i]
            let argument: OptimizerArgument
            switch v {
            case .none: continue
            case .number(let x): argument = .number(x)
            case .bool(let b): argument = .boolean(b)
            default:
                // What else was given is refused by OptimizerSpec, whose message says what the
                // parameter takes (one message for one mistake, whatever was given).
                if let t = v.asVar?.value ?? (try? a.tensor(i)), t.rank == 1 {
                    argument = .vector(t.data)
                } else {
                    argument = .other(ValueFormatter.describeForError(v))
                }
            }
            keywords.append((parameter.name, argument))
            shown.append("\(parameter.name)=\(argument)")
        }
        do {
            let spec = try OptimizerSpec(name: name, keywords: keywords)
            return .object(OptimizerValue(spec: spec, model: model, text: "\(name)(\(shown.joined(separator: ", ")))"))
        } catch {
            throw BuiltinError(error.description)
        }
    }
}
