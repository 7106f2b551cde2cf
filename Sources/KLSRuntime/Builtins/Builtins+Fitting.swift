import Foundation
import KLSNumerics
import KLSOptim

/// `minimize` and `maximize`: the usual PyTorch loop (evaluate the loss at the current
/// parameters, backpropagate, step) over a kls function.
extension BuiltinRegistry {
    static func installFitting(_ r: BuiltinRegistry) {
        for maximizing in [false, true] {
            let name = maximizing ? "maximize" : "minimize"
            r.function(name, [p("f"), p("init"), p("optimizer", Value.none, shown: "Adam()"), p("steps", .number(1000)),
                              p("tol", Value.none), p("positive", .bool(false))],
                       category: "optimisers",
                       summary: "\(maximizing ? "Maximises" : "Minimises") f(θ₁, …, θₖ) from init (numbers, vectors or matrices) with an optimiser; returns a fit.",
                       help: """
                       f takes one argument per element of init; an element may be a number, a vector or a matrix:
                       minimize((μ, σ) -> …, [0, 1]) fits two numbers, minimize((w, b) -> …, [zeros(3), 0]) a vector and
                       a number. When f takes one argument and init is a vector or matrix, the whole array is that
                       argument: minimize(W -> …, zeros(3, 2)). Step i evaluates f at the current parameters, records
                       them flattened as fit.trace[i] and the value as fit.losses[i] (as f gives it\(maximizing ? ", not negated" : "")),
                       computes the exact gradient and lets the optimiser update the parameters — the usual PyTorch loop.
                       fit.params holds the final parameters in the shape of init (a list when init is a list), fit.loss
                       the value of f there.
                       tol=ε stops early once |f(θᵢ) − f(θᵢ₋₁)| < ε·max(1, |f(θᵢ)|).
                       positive=true (or one true/false per argument of f, or per element) keeps parameters positive by
                       optimising their logarithm, element by element; the trace and params are still the parameters.
                       A nan loss stops the fit with an error naming the step and the parameters. Ctrl-C stops it too:
                       at the prompt the fit so far (the steps taken) is kept in ans.
                       Each call starts from fresh optimiser state.
                       """,
                       example: "\(name)(x -> \(maximizing ? "-" : "")(x - 3)^2, [0], Adam(lr=0.1), steps=200).params") { a in
                try fit(a, maximizing: maximizing)
            }
        }
    }

    static func fit(_ a: Arguments, maximizing: Bool) throws -> Value {
        let interp = a.interpreter
        let f = try a.function(0)
        let layout = try FitParameters(a, index: 1, function: f)
        let initial = layout.initial
        guard !initial.isEmpty else { throw a.fail(1, "must hold at least one parameter") }
        let objective = try FitObjective(f, layout: layout, interpreter: interp, name: a.builtin.name)
        defer { objective.close() }
        let optimizer: OptimizerValue
        switch a[2] {
        case .none: optimizer = OptimizerValue(spec: try OptimizerSpec(name: "Adam"), model: nil, text: "Adam()")
        case .object(let o as OptimizerValue): optimizer = o
        default: throw a.fail(2, "must be an optimiser such as Adam(lr=0.01)")
        }
        let steps = try a.count(3)
        let (traceSize, overflow) = steps.multipliedReportingOverflow(by: initial.count)
        guard !overflow, traceSize <= Tensor.maxElements else {
            throw a.fail(3, "is too large for a trace of \(initial.count) parameters (steps × parameters at most \(Tensor.maxElements))")
        }
        var tolerance: Double?
        if a.has(4) {
            let tol = try a.number(4)
            guard tol > 0, tol.isFinite else { throw a.fail(4, "must be a positive number") }
            tolerance = tol
        }
        let argumentNames = parameterNames(of: f, count: layout.shapes.count)
        let names = layout.elementNames(argumentNames)
        let positive = try positivityMask(a, index: 5, layout: layout)
        for (i, isPositive) in positive.enumerated() where isPositive && !(initial[i] > 0) {
            let which = layout.allNumbers ? "\(i)" : names[i]
            throw a.error("parameter \(which) must start > 0 to be kept positive (got \(ValueFormatter.number(initial[i])))")
        }
        var spec = optimizer.spec
        spec.maximize = maximizing
        let state: OptimizerState
        do { state = try OptimizerState(spec: spec, parameterCount: initial.count) } catch { throw BuiltinError(error.description) }
        if let model = optimizer.model {
            try FitObjective.requireArity(model, layout: layout, role: "\(spec.name)'s model", name: a.builtin.name)
        }
        let k = initial.count

        // The optimiser works on u, where θ = exp(u) for positive parameters and θ = u otherwise.
        var u = zip(initial, positive).map { $1 ? log($0) : $0 }
        var params = initial
        func updateParams() { for i in 0..<k { params[i] = positive[i] ? exp(u[i]) : u[i] } }
        var gradient = [Double](repeating: 0, count: k)
        var losses: [Double] = []
        losses.reserveCapacity(min(steps, 1 << 20))
        var trace: [Double] = []
        trace.reserveCapacity(min(steps, 1 << 20) * k)
        var stoppedEarly: String?
        let progress = FitProgress(total: steps, display: interp.display)
        defer { progress.finish() }
        let start = Date()
        func result(finalLoss: Double) -> Value {
            .object(FitValue(layout: layout, argumentNames: argumentNames, names: names, params: params, losses: losses,
                             trace: trace, finalLoss: finalLoss, optimizer: optimizer.text, maximizing: maximizing,
                             stoppedEarly: stoppedEarly, seconds: Date().timeIntervalSince(start)))
        }
        // Ctrl-C stops the fit as an interrupt that carries the steps taken so far (the
        // prompt keeps them in `ans`; a script just stops): the parameters of the last loss
        // computed, with that loss.
        func interrupted(_ e: RuntimeError, at step: Int) -> RuntimeError {
            var e = e
            if !losses.isEmpty { params = Array(trace.suffix(k)) }
            stoppedEarly = "interrupted at step \(step)"
            e.message = "interrupted at step \(step) of \(steps): the fit so far is in ans"
            interp.interruptedResult = result(finalLoss: losses.last ?? .nan)
            return e
        }
        for step in 0..<steps {
            if interp.interrupt.requested { throw interrupted(RuntimeError.interrupted(at: nil, in: nil), at: step) }
            let loss: Double
            do { loss = try objective.valueAndGradient(at: params, gradient: &gradient) } catch var e as RuntimeError {
                if e.isInterrupt { throw interrupted(e, at: step) }
                e.traceback.append("in \(a.builtin.name) at step \(step), with \(layout.describe(argumentNames, params))")
                throw e
            }
            guard !loss.isNaN else {
                throw a.error("the loss is nan at step \(step), with \(layout.describe(argumentNames, params))")
            }
            losses.append(loss)
            trace.append(contentsOf: params)
            // Chain rule for θ = exp(u): ∂f/∂u = θ·∂f/∂θ.
            for i in 0..<k where positive[i] { gradient[i] *= params[i] }
            var fisher: [Double]?
            if spec.needsFisher {
                guard let model = optimizer.model else { throw a.error("NaturalGradient needs a model") }
                fisher = try naturalMetric(model: model, layout: layout, params: params, positive: positive, interpreter: interp)
            }
            do { try state.step(params: &u, grad: gradient, fisher: fisher) } catch {
                throw a.error("step \(step) failed: \(error.description) (at \(layout.describe(argumentNames, params)))")
            }
            updateParams()
            if let tolerance, losses.count > 1, abs(loss - losses[losses.count - 2]) < tolerance * max(1, abs(loss)) {
                stoppedEarly = "|Δloss| < \(ValueFormatter.number(tolerance)) at step \(step)"
                break
            }
            progress.update(step: step + 1, loss: loss)
        }
        return result(finalLoss: try objective.value(at: params))
    }

    /// The Fisher information of model(θ…) in the coordinates the optimiser moves: for a
    /// parameter kept positive (θᵢ = exp(uᵢ)), F_u = J·F_θ·J with J = diag(∂θ/∂u) = diag(θᵢ or 1).
    /// The model takes the fit's arguments (numbers or arrays); its distribution must have as
    /// many parameters as the fit has elements.
    static func naturalMetric(model: Value, layout: FitParameters, params: [Double], positive: [Bool],
                              interpreter: Interpreter) throws -> [Double] {
        var fisher = try fisherMatrix(model: model, arguments: layout.arguments(params), count: params.count,
                                      interpreter: interpreter)
        let k = params.count
        guard positive.contains(true), fisher.count == k * k else { return fisher }
        for i in 0..<k {
            for j in 0..<k {
                fisher[i * k + j] *= (positive[i] ? params[i] : 1) * (positive[j] ? params[j] : 1)
            }
        }
        return fisher
    }

    /// `positive=` as one true/false per element of the parameters: true/false for all of
    /// them, or a list of true/false values (or a 0/1 vector) with one per element or one per
    /// argument of f (applying to each element of that argument).
    static func positivityMask(_ a: Arguments, index: Int, layout: FitParameters) throws -> [Bool] {
        let count = layout.initial.count, arguments = layout.shapes.count
        let requirement = count == arguments
            ? "must be true/false or a list of \(count) true/false values (one per parameter)"
            : "must be true/false or a list of \(arguments) (one per argument) or \(count) (one per element) true/false values"
        let mask: [Bool]
        switch a[index] {
        case .bool(let b): return [Bool](repeating: b, count: count)
        case .list(let items):
            mask = items.compactMap { item -> Bool? in if case .bool(let b) = item { return b } else { return nil } }
            guard mask.count == items.count else { throw a.fail(index, requirement) }
        case .tensor(let t) where t.rank == 1 && t.data.allSatisfy({ $0 == 0 || $0 == 1 }):
            mask = t.data.map { $0 == 1 }
        default: throw a.fail(index, requirement)
        }
        if mask.count == count { return mask }
        guard mask.count == arguments else { throw a.fail(index, requirement) }
        return zip(mask, layout.shapes).flatMap { [Bool](repeating: $0, count: Tensor.elementCount($1)) }
    }

    /// The names of f's parameters (θ1, θ2, … for builtins and mismatches).
    static func parameterNames(of f: Value, count: Int) -> [String] {
        if case .closure(let c) = f, c.decl.parameters.count == count { return c.decl.parameters.map(\.name.name) }
        return (1...count).map { "θ\($0)" }
    }
}
