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
                       positive=true (or a vector of true/false per parameter) keeps parameters positive by optimising
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
        let f = try a.function(0)
        let initial = try a.vector(1).data
        guard !initial.isEmpty else { throw a.fail(1, "must hold at least one parameter") }
        let optimizer: OptimizerValue
        switch a[2] {
        case .none: optimizer = OptimizerValue(spec: try OptimizerSpec(name: "Adam"), model: nil, text: "Adam()")
        case .object(let o as OptimizerValue): optimizer = o
        default: throw a.fail(2, "must be an optimiser such as Adam(lr=0.01)")
        }
        let steps = try a.count(3)
        let tolerance: Double? = a.has(4) ? try a.number(4) : nil
        let positive = try positivityMask(a, index: 5, count: initial.count)
        for (i, isPositive) in positive.enumerated() where isPositive && !(initial[i] > 0) {
            throw a.error("parameter \(i + 1) must start > 0 to be kept positive (got \(ValueFormatter.number(initial[i])))")
        }
        var spec = optimizer.spec
        spec.maximize = maximizing
        let state: OptimizerState
        do { state = try OptimizerState(spec: spec, parameterCount: initial.count) } catch { throw BuiltinError(error.description) }
        let names = parameterNames(of: f, count: initial.count)

        // The optimiser works on u, where θ = exp(u) for positive parameters and θ = u otherwise.
        var u = zip(initial, positive).map { $1 ? log($0) : $0 }
        func theta(_ u: [Double]) -> [Double] { zip(u, positive).map { $1 ? exp($0) : $0 } }
        var losses: [Double] = []
        losses.reserveCapacity(steps)
        var trace: [Double] = []
        trace.reserveCapacity(steps * initial.count)
        var stoppedEarly: String?
        let progress = FitProgress(total: steps)
        let start = Date()
        for step in 0..<steps {
            if Interrupts.requested { progress.finish(); throw BuiltinError("interrupted at step \(step)") }
            let params = theta(u)
            let (loss, gradient) = try evaluate(f, at: params, interpreter: interp, name: a.builtin.name)
            guard !loss.isNaN else {
                progress.finish()
                throw a.error("the loss is \(ValueFormatter.number(loss)) at step \(step), with \(describe(names, params))")
            }
            losses.append(loss)
            trace += params
            var gu = gradient
            for i in 0..<gu.count where positive[i] { gu[i] *= params[i] }
            var fisher: [Double]?
            if spec.needsFisher {
                guard let model = optimizer.model else { throw a.error("NaturalGradient needs a model") }
                fisher = try fisherMatrix(model: model, params: params, interpreter: interp)
            }
            do { try state.step(params: &u, grad: gu, fisher: fisher) } catch {
                progress.finish()
                throw a.error("step \(step) failed: \(error.description) (at \(describe(names, params)))")
            }
            if let tolerance, losses.count > 1, abs(loss - losses[losses.count - 2]) < tolerance * max(1, abs(loss)) {
                stoppedEarly = "|Δloss| < \(ValueFormatter.number(tolerance)) at step \(step)"
                break
            }
            progress.update(step: step + 1, loss: loss)
        }
        progress.finish()
        let params = theta(u)
        let finalLoss = try evaluate(f, at: params, interpreter: interp, name: a.builtin.name, needGradient: false).0
        return .object(FitValue(names: names, params: params, losses: losses, trace: trace, finalLoss: finalLoss,
                                optimizer: optimizer.text, maximizing: maximizing, stoppedEarly: stoppedEarly,
                                seconds: Date().timeIntervalSince(start)))
    }

    /// f and ∇f at `params` (one tape per evaluation).
    static func evaluate(_ f: Value, at params: [Double], interpreter: Interpreter, name: String,
                         needGradient: Bool = true) throws -> (Double, [Double]) {
        let tape = Tape()
        defer { tape.close() }
        let leaves = params.map { needGradient ? Value.tracked(tape.leaf(Tensor(scalar: $0))) : Value.number($0) }
        let result = try interpreter.call(f, leaves)
        guard let out = result.asVar, out.value.count == 1 else {
            throw BuiltinError("\(name): the function must return a single number (got \(result.typeName))")
        }
        let loss = out.value.data[0]
        guard needGradient, let node = out.node else { return (loss, [Double](repeating: 0, count: params.count)) }
        let grads = tape.gradients(of: node)
        return (loss, leaves.map { leaf in
            if case .tracked(let n) = leaf { return grads[n.index]?.data[0] ?? 0 }
            return 0
        })
    }

    static func positivityMask(_ a: Arguments, index: Int, count: Int) throws -> [Bool] {
        switch a[index] {
        case .bool(let b): return [Bool](repeating: b, count: count)
        default:
            let t = try a.vector(index)
            guard t.count == count, t.data.allSatisfy({ $0 == 0 || $0 == 1 }) else {
                throw a.fail(index, "must be true/false or one true/false per parameter")
            }
            return t.data.map { $0 == 1 }
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
