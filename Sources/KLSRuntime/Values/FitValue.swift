import KLSNumerics

/// The result of `minimize`/`maximize`: final parameters, the loss before each step, and the
/// parameters before each step.
public final class FitValue: Object {
    /// One name per element of the parameters (`μ`, `w[0]`, `W[1, 2]`), for plots.
    public let names: [String]
    /// The final parameters, flattened (the elements of f's arguments one after another).
    public let params: [Double]
    /// How the flat parameters make f's arguments and `fit.params`.
    let layout: FitParameters
    /// The names of f's arguments, for display.
    let argumentNames: [String]
    /// losses[i] = f(trace[i]), as given (not negated for maximize).
    public let losses: [Double]
    /// Row i: the parameters before step i (flattened steps × k).
    public let trace: [Double]
    /// f at the final parameters.
    public let finalLoss: Double
    public let optimizer: String
    public let maximizing: Bool
    /// Why the fit stopped early (a tolerance, an interrupt), or nil when it ran every step.
    public let stoppedEarly: String?
    public let seconds: Double

    init(layout: FitParameters, argumentNames: [String], names: [String], params: [Double], losses: [Double],
         trace: [Double], finalLoss: Double, optimizer: String, maximizing: Bool, stoppedEarly: String?, seconds: Double) {
        self.layout = layout
        self.argumentNames = argumentNames
        self.names = names
        self.params = params
        self.losses = losses
        self.trace = trace
        self.finalLoss = finalLoss
        self.optimizer = optimizer
        self.maximizing = maximizing
        self.stoppedEarly = stoppedEarly
        self.seconds = seconds
    }

    public override var typeName: String { "Fit" }
    public override var fieldNames: [String] { ["params", "losses", "trace", "loss", "steps", "optimizer"] }

    public override func field(_ name: String) -> Value? {
        switch name {
        case "params": return layout.value(params)
        case "losses": return .tensor(Tensor(vector: losses))
        case "trace": return .tensor(Tensor(shape: [losses.count, params.count], data: trace))
        case "loss": return .number(finalLoss)
        case "steps": return .number(Double(losses.count))
        case "optimizer": return .string(optimizer)
        default: return nil
        }
    }

    /// A short summary: optimiser and steps, the loss from first to final, the parameters.
    public override func display() -> String {
        let f = ValueFormatter.number
        var out = "Fit: \(maximizing ? "maximize" : "minimize") with \(optimizer), \(losses.count) steps"
        if let stoppedEarly { out += " (stopped early: \(stoppedEarly))" }
        out += ", \(ValueFormatter.number((seconds * 1000).rounded() / 1000)) s"
        if let first = losses.first { out += "\n  loss    \(f(first)) → \(f(finalLoss))" }
        out += "\n  params  " + layout.describe(argumentNames, params)
        out += "\n  fields  .params .losses .trace .loss .steps"
        return out
    }
}
