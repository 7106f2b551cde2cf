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
                       summary: "\(maximizing ? "Maximises" : "Minimises") f(θ₁, …, θₖ) from init with an optimiser; returns a fit.",
                       help: """
                       f takes as many arguments as init has elements. Step i evaluates f at the current parameters
                       (fit.trace[i]), records the value (fit.losses[i], as f gives it\(maximizing ? ", not negated" : "")),
                       computes the exact gradient and lets the optimiser update the parameters — the usual PyTorch loop.
                       fit.params holds the final parameters, fit.loss the value of f there.
                       tol=ε stops early once |f(θᵢ) − f(θᵢ₋₁)| < ε·max(1, |f(θᵢ)|).
                       positive=true (or one true/false per parameter) keeps parameters positive by optimising
                       their logarithm; the trace and params are still reported as the parameters themselves.
                       A nan loss stops the fit with an error naming the step and the parameters.
                       Each call starts from fresh optimiser state.
                       """,
                       example: "\(name)(x -> \(maximizing ? "-" : "")(x - 3)^2, [0], Adam(lr=0.1), steps=200).params") { a in
                try fit(a, maximizing: maximizing)
            }
        }
    }

    static func fit(_ a: Arguments, maximizing: Bool) throws -> Value {
        let interp = a.interpreter
        let initial = try a.vector(1).data
        guard !initial.isEmpty else { throw a.fail(1, "must hold at least one parameter") }
        let objective = try FitObjective(a.function(0), parameterCount: initial.count, interpreter: interp, name: a.builtin.name)
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
        let positive = try positivityMask(a, index: 5, count: initial.count)
        for (i, isPositive) in positive.enumerated() where isPositive && !(initial[i] > 0) {
            throw a.error("parameter \(i + 1) must start > 0 to be kept positive (got \(ValueFormatter.number(initial[i])))")
        }
        var spec = optimizer.spec
        spec.maximize = maximizing
        let state: OptimizerState
        do { state = try OptimizerState(spec: spec, parameterCount: initial.count) } catch { throw BuiltinError(error.description) }
        if let model = optimizer.model {
            try FitObjective.requireArity(model, count: initial.count, role: "\(spec.name)'s model", name: a.builtin.name)
        }
        let names = parameterNames(of: objective.f, count: initial.count)
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
        let progress = FitProgress(total: steps)
        let start = Date()
        for step in 0..<steps {
            if a.interpreter.interrupt.requested { progress.finish(); throw BuiltinError("interrupted at step \(step)") }
            let loss: Double
            do { loss = try objective.valueAndGradient(at: params, gradient: &gradient) } catch var e as RuntimeError {
                progress.finish()
                if !e.isInterrupt { e.traceback.append("in \(a.builtin.name) at step \(step), with \(describe(names, params))") }
                throw e
            } catch {
                progress.finish()
                throw error
            }
            guard !loss.isNaN else {
                progress.finish()
                throw a.error("the loss is nan at step \(step), with \(describe(names, params))")
            }
            losses.append(loss)
            trace.append(contentsOf: params)
            // Chain rule for θ = exp(u): ∂f/∂u = θ·∂f/∂θ.
            for i in 0..<k where positive[i] { gradient[i] *= params[i] }
            var fisher: [Double]?
            if spec.needsFisher {
                guard let model = optimizer.model else { throw a.error("NaturalGradient needs a model") }
                fisher = try naturalMetric(model: model, params: params, positive: positive, interpreter: interp)
            }
            do { try state.step(params: &u, grad: gradient, fisher: fisher) } catch {
                progress.finish()
                throw a.error("step \(step) failed: \(error.description) (at \(describe(names, params)))")
            }
            updateParams()
            if let tolerance, losses.count > 1, abs(loss - losses[losses.count - 2]) < tolerance * max(1, abs(loss)) {
                stoppedEarly = "|Δloss| < \(ValueFormatter.number(tolerance)) at step \(step)"
                break
            }
            progress.update(step: step + 1, loss: loss)
        }
        progress.finish()
        let finalLoss = try objective.value(at: params)
        return .object(FitValue(names: names, params: params, losses: losses, trace: trace, finalLoss: finalLoss,
                                optimizer: optimizer.text, maximizing: maximizing, stoppedEarly: stoppedEarly,
                                seconds: Date().timeIntervalSince(start)))
    }

    /// The Fisher information of model(θ…) in the coordinates the optimiser moves: for a
    /// parameter kept positive (θᵢ = exp(uᵢ)), F_u = J·F_θ·J with J = diag(∂θ/∂u) = diag(θᵢ or 1).
    static func naturalMetric(model: Value, params: [Double], positive: [Bool], interpreter: Interpreter) throws -> [Double] {
        var fisher = try fisherMatrix(model: model, params: params, interpreter: interpreter)
        let k = params.count
        guard positive.contains(true), fisher.count == k * k else { return fisher }
        for i in 0..<k {
            for j in 0..<k {
                fisher[i * k + j] *= (positive[i] ? params[i] : 1) * (positive[j] ? params[j] : 1)
            }
        }
        return fisher
    }

    /// `positive=`: true/false for every parameter, or one true/false per parameter (a list
    /// of booleans or a 0/1 vector).
    static func positivityMask(_ a: Arguments, index: Int, count: Int) throws -> [Bool] {
        let requirement = "must be true/false or a list of \(count) true/false values (one per parameter)"
        switch a[index] {
        case .bool(let b): return [Bool](repeating: b, count: count)
        case .list(let items):
            let mask = items.compactMap { item -> Bool? in if case .bool(let b) = item { return b } else { return nil } }
            guard mask.count == items.count, mask.count == count else { throw a.fail(index, requirement) }
            return mask
        case .tensor(let t) where t.rank == 1:
            guard t.count == count, t.data.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw a.fail(index, requirement) }
            return t.data.map { $0 == 1 }
        default: throw a.fail(index, requirement)
        }
    }

    /// The names of f's parameters (θ1, θ2, … for builtins and mismatches).
    static func parameterNames(of f: Value, count: Int) -> [String] {
        if case .closure(let c) = f, c.decl.parameters.count == count { return c.decl.parameters.map(\.name.name) }
        return (1...count).map { "θ\($0)" }
    }

    static func describe(_ names: [String], _ params: [Double]) -> String {
        zip(names, params).map { "\($0) = \(ValueFormatter.number($1))" }.joined(separator: ", ")
    }
}

/// The function a fit optimises: f(θ₁, …, θₖ) and its exact gradient, one fresh tape per
/// evaluation. A kls function of exactly k parameters is called straight into a (reused)
/// frame; anything else goes through the interpreter's general call.
struct FitObjective {
    let f: Value
    let interpreter: Interpreter
    /// The builtin's name, for messages.
    let name: String
    private let direct: Closure?

    /// Checks that f can be called with `parameterCount` arguments.
    init(_ f: Value, parameterCount: Int, interpreter: Interpreter, name: String) throws {
        try FitObjective.requireArity(f, count: parameterCount, role: "f", name: name)
        self.f = f
        self.interpreter = interpreter
        self.name = name
        if case .closure(let c) = f, c.parameterCount == parameterCount { direct = c } else { direct = nil }
    }

    /// Throws "NAME: ROLE takes … but init has k values" when a kls function cannot take k
    /// positional arguments.
    static func requireArity(_ f: Value, count: Int, role: String, name: String) throws {
        guard case .closure(let c) = f, c.compiled.signature.mismatch(positional: count, labels: []) != nil else { return }
        let takes = c.compiled.signature.describeCount()
        throw BuiltinError("\(name): \(role) takes \(takes) but init has \(count) value\(count == 1 ? "" : "s")")
    }

    /// f(argument(0), …, argument(count − 1)).
    private func call(count: Int, _ argument: (Int) -> Value) throws -> Value {
        guard let c = direct else { return try interpreter.call(f, (0..<count).map(argument)) }
        let frame = c.acquireFrame()
        for i in 0..<count { frame.slots[i] = argument(i) }
        return try interpreter.invokeAndRelease(c, frame: frame, span: nil, file: nil)
    }

    /// The loss as a single number.
    private func loss(of result: Value) throws -> (Double, Node?) {
        guard let out = result.asVar, out.value.count == 1 else {
            throw BuiltinError("\(name): the function must return a single number (got \(result.typeName))")
        }
        return (out.value.data[0], out.node)
    }

    /// The tape of every step and its leaves (the parameters), reset before each step: the
    /// node list and, unless a value of f keeps them, the leaf nodes are allocated once.
    private let recording = Recording()

    private final class Recording {
        let tape = Tape()
        var leaves: [Node] = []
    }

    /// Ends the fit's recording (releases the last step's nodes).
    func close() {
        recording.tape.close()
        recording.leaves = []
    }

    /// f(params), writing ∂f/∂θᵢ into `gradient` (zeros where f does not depend on θᵢ).
    func valueAndGradient(at params: [Double], gradient: inout [Double]) throws -> Double {
        let tape = recording.tape
        tape.reset(leaves: &recording.leaves, values: params)
        let leaves = recording.leaves
        let (value, node) = try loss(of: call(count: leaves.count) { .tracked(leaves[$0]) })
        guard let node else {
            for i in gradient.indices { gradient[i] = 0 }
            return value
        }
        tape.scalarGradients(of: node, withRespectTo: leaves, into: &gradient)
        return value
    }

    /// f(params) without recording gradients.
    func value(at params: [Double]) throws -> Double {
        try loss(of: call(count: params.count) { .number(params[$0]) }).0
    }
}

/// The progress line of a long fit: shown on a terminal only, after half a second, and
/// erased when the fit ends.
final class FitProgress {
    let total: Int
    let start = Date()
    var lastDraw = Date.distantPast
    var shown = false
    let enabled = Console.err.isTerminal

    init(total: Int) { self.total = total }

    func update(step: Int, loss: Double) {
        guard enabled, step % 64 == 0 else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > 0.5, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        shown = true
        let rate = Int(Double(step) / elapsed)
        Console.err.write("\r\u{1B}[K  step \(step)/\(total)  loss \(ValueFormatter.number(loss))  \(rate) steps/s")
    }

    func finish() {
        if shown { Console.err.write("\r\u{1B}[K") }
        shown = false
    }
}
