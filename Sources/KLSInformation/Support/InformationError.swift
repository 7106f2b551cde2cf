/// A user-facing failure of an information measure or loss: bad shape, value or option.
public enum InformationError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The message names the function, the offending argument and its value.
    case invalid(String)

    /// The message as users read it.
    public var description: String {
        switch self {
        case .invalid(let message): return message
        }
    }
}
