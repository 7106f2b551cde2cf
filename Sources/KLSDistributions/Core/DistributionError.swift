
/// Failures of distribution construction and of measures between distributions, with
/// messages that name the family, the parameter and the offending value.
public enum DistributionError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A parameter outside its domain: `Normal: 'sigma' must be > 0 (got -1)`.
    case invalidParameter(family: String, message: String)
    /// A request that the pair or the arguments do not support.
    case unsupported(String)

    public var description: String {
        switch self {
        case let .invalidParameter(family, message): return "\(family): \(message)"
        case let .unsupported(message): return message
        }
    }
}
