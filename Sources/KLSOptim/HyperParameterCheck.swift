/// Range checks on hyper-parameters that throw torch's conditions as kls messages,
/// e.g. `Adam: 'lr' must be >= 0 (got -1)`. NaN fails every check.
struct HyperParameterCheck {
    /// The optimiser's name, the first word of every message.
    let optimizer: String

    /// Requires `value >= 0` (torch: `if not 0.0 <= value: raise ValueError`).
    func nonNegative(_ name: String, _ value: Double) throws(OptimizerError) {
        guard value >= 0 else { throw failure(name, "must be >= 0", value) }
    }

    /// Requires `value > 0`.
    func positive(_ name: String, _ value: Double) throws(OptimizerError) {
        guard value > 0 else { throw failure(name, "must be > 0", value) }
    }

    /// Requires `0 <= value < 1` (torch's check on each of Adam's betas).
    func unitInterval(_ name: String, _ value: Double) throws(OptimizerError) {
        guard value >= 0, value < 1 else { throw failure(name, "must be in [0, 1)", value) }
    }

    private func failure(_ name: String, _ condition: String, _ value: Double) -> OptimizerError {
        OptimizerError("\(optimizer): '\(name)' \(condition) (got \(formatNumber(value)))")
    }
}
