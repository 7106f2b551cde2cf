/// How data values map onto an axis.
public enum AxisScale: Sendable, Equatable {
    /// Evenly: equal differences take equal lengths.
    case linear
    /// Logarithmically (base 10): equal ratios take equal lengths; ticks at decades. Values that
    /// are not positive cannot be shown and are left out.
    case log

    /// The scale named "linear" or "log"; nil otherwise.
    public init?(name: String) {
        switch name {
        case "linear": self = .linear
        case "log": self = .log
        default: return nil
        }
    }
}
