import KLSBase

/// Failures of tensor operations, with messages written for kls users.
public enum NumericError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Two shapes that cannot be broadcast together.
    case shapeMismatch(operation: String, [Int], [Int])
    /// An argument outside its domain (e.g. a negative length).
    case invalidArgument(String)
    /// A result too large to allocate.
    case tooLarge(String)

    public var description: String {
        switch self {
        case let .shapeMismatch(op, a, b):
            return "\(op): shapes \(Tensor.describe(shape: a)) and \(Tensor.describe(shape: b)) do not match"
        case let .invalidArgument(message), let .tooLarge(message):
            return message
        }
    }
}

extension Tensor {
    /// A shape as users read it: `scalar`, `vector(3)`, `matrix(2×3)`, `tensor(2×3×4)`.
    public static func describe(shape: [Int]) -> String {
        switch shape.count {
        case 0: return "scalar"
        case 1: return "vector(\(shape[0]))"
        case 2: return "matrix(\(shape[0])×\(shape[1]))"
        default: return "tensor(" + shape.map(String.init).joined(separator: "×") + ")"
        }
    }

    /// Largest number of elements kls will allocate in one tensor: 2^27 (134,217,728 doubles,
    /// 1 GiB), so an absurd size is an error message rather than a machine pushed into swap.
    public static let maxElements = 1 << 27

    /// Most axes a tensor may have (NumPy's classic limit): nesting brackets deeper makes
    /// lists of tensors, so a shape is never so long that handling it costs more than its data.
    public static let maxRank = 32

    /// Validates a requested element count before allocation (at most `maxElements`, and
    /// within the memory budget, `MemoryBudget`).
    public static func checkedCount(_ n: Double, what: String) throws -> Int {
        guard n.isFinite, n >= 0, n.rounded() == n else {
            throw NumericError.invalidArgument("\(what) must be a non-negative whole number (got \(n))")
        }
        guard n <= Double(maxElements) else {
            let shown = n < 1e18 ? String(Int64(n)) : "\(n)"
            throw NumericError.tooLarge("\(what) \(shown) is too large (at most \(maxElements) elements)")
        }
        if let problem = MemoryBudget.problem(making: Int(n) * MemoryLayout<Double>.size, "\(what) \(Int(n))") {
            throw NumericError.tooLarge(problem)
        }
        return Int(n)
    }
}
