/// A user-facing optimiser error: an invalid hyper-parameter, mismatched sizes, or a
/// singular Fisher information matrix. `message` is ready to show, e.g.
/// `Adam: 'lr' must be >= 0 (got -1)`.
public struct OptimizerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The complete message, starting with the optimiser's name.
    public let message: String

    /// Wraps a complete message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message, so that `"\(error)"` shows it.
    public var description: String { message }
}

/// Formats a number as kls prints it: whole numbers below 1e16 in magnitude without a
/// decimal point (`-1`, `5`), others in Swift's shortest round-trip form (`0.5`, `1e-05`),
/// and `nan`, `inf`, `-inf`.
func formatNumber(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    if value == value.rounded(), abs(value) < 1e16 {
        return String(Int64(value))
    }
    return "\(value)"
}
