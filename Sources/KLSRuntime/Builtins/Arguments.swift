import KLSBase
import KLSNumerics
import KLSSyntax

/// An error raised by a builtin; the call site adds the position of the callee's name.
public struct BuiltinError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The arguments of one builtin call, bound to its parameters (defaults filled in), with
/// typed accessors whose errors follow one template:
/// `Normal: argument 2 'sigma' must be a number (got string)`.
public struct Arguments {
    public let builtin: Builtin
    /// One value per parameter; a variadic parameter holds a `.list`.
    public var values: [Value]
    public let interpreter: Interpreter

    public subscript(i: Int) -> Value { values[i] }

    /// True when parameter `i` was given or has a non-none default.
    public func has(_ i: Int) -> Bool {
        if case .none = values[i] { return false }
        return true
    }

    /// The extra positional arguments of a variadic builtin.
    public var rest: [Value] {
        if builtin.variadic, case .list(let items) = values[builtin.variadicIndex] { return items }
        return []
    }

    public func fail(_ i: Int, _ requirement: String) -> BuiltinError {
        let v = values[i]
        return BuiltinError("\(builtin.name): argument \(i + 1) '\(builtin.parameters[i].name)' \(requirement) (got \(ValueFormatter.describeForError(v)))")
    }

    public func error(_ message: String) -> BuiltinError { BuiltinError("\(builtin.name): \(message)") }

    /// Throws when Ctrl-C stopped a polled loop early (see `Cancellation`), so its partial
    /// result goes no further; `runBuiltin` reports the interrupt.
    public func stopIfInterrupted() throws {
        if interpreter.interrupt.requested { throw error("interrupted") }
    }

    /// A plain number (tracked numbers give their value).
    public func number(_ i: Int) throws -> Double {
        switch values[i] {
        case .number(let x): return x
        case .bool(let b): return b ? 1 : 0
        case .tracked(let n) where n.value.isScalar: return n.value.data[0]
        case .tensor(let t) where t.count == 1 && t.rank == 0: return t.data[0]
        default: throw fail(i, "must be a number")
        }
    }

    /// A whole number within `range`.
    public func integer(_ i: Int, in range: ClosedRange<Int> = Int.min...Int.max) throws -> Int {
        let x = try number(i)
        guard x.isFinite, x.rounded() == x, x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            if range.lowerBound == 0 && range.upperBound == Int.max { throw fail(i, "must be a non-negative whole number") }
            throw fail(i, "must be a whole number in \(range.lowerBound)…\(range.upperBound)")
        }
        return Int(x)
    }

    /// A count for allocations: a non-negative whole number no larger than `Tensor.maxElements`,
    /// whose doubles fit in the memory budget (`MemoryBudget`).
    public func count(_ i: Int) throws -> Int {
        let x = try number(i)
        guard x.isFinite, x >= 0, x.rounded() == x else { throw fail(i, "must be a non-negative whole number") }
        guard x <= Double(Tensor.maxElements) else { throw fail(i, "is too large (at most \(Tensor.maxElements))") }
        if let problem = MemoryBudget.problem(making: Int(x) * MemoryLayout<Double>.size, "\(Int(x)) numbers") {
            throw error(problem)
        }
        return Int(x)
    }

    /// Any numeric value (number, vector, matrix, tracked) as a differentiable value.
    public func numeric(_ i: Int) throws -> Var {
        if let v = values[i].asVar { return v }
        if case .list(let items) = values[i], let v = try? Interpreter.numericList(items) { return v }
        throw fail(i, "must be a number or a vector")
    }

    /// A numeric value as a plain tensor (gradients are not needed).
    public func tensor(_ i: Int) throws -> Tensor { try numeric(i).value }

    /// A numeric value that must be a vector (a number counts as a one-element vector).
    public func vector(_ i: Int) throws -> Tensor {
        let t = try tensor(i)
        guard t.rank <= 1 else { throw fail(i, "must be a vector") }
        return t.rank == 0 ? Tensor(vector: t.data) : t
    }

    public func string(_ i: Int) throws -> String {
        if let s = values[i].stringValue { return s }
        throw fail(i, "must be a string")
    }

    /// A string naming a file: refused, naming the argument, when the system could not be
    /// given it as is (`SafePath`: empty, or holding a NUL).
    public func path(_ i: Int) throws -> String {
        let path = try string(i)
        if let problem = SafePath.problem(with: path) { throw fail(i, "cannot name a file: \(problem)") }
        return path
    }

    public func bool(_ i: Int) throws -> Bool {
        switch values[i] {
        case .bool(let b): return b
        case .number(let x) where x == 0 || x == 1: return x == 1
        default: throw fail(i, "must be true or false")
        }
    }

    /// A string among `choices`.
    public func choice(_ i: Int, _ choices: [String]) throws -> String {
        let s = try string(i)
        guard choices.contains(s) else {
            throw fail(i, "must be one of " + choices.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return s
    }

    /// A callable value (a kls function or a builtin).
    public func function(_ i: Int) throws -> Value {
        switch values[i] {
        case .closure, .builtin: return values[i]
        default: throw fail(i, "must be a function")
        }
    }

    /// A list of values (a vector gives its elements as numbers).
    public func list(_ i: Int) throws -> [Value] {
        switch values[i] {
        case .list(let items): return items
        case .tensor(let t) where t.rank == 1: return t.data.map { .number($0) }
        default: throw fail(i, "must be a list")
        }
    }

    /// A list of strings (e.g. codewords).
    public func strings(_ i: Int) throws -> [String] {
        guard case .list(let items) = values[i] else {
            if case .tensor(let t) = values[i], t.count == 0 { return [] }
            throw fail(i, "must be a list of strings")
        }
        return try items.map {
            guard let s = $0.stringValue else { throw fail(i, "must be a list of strings") }
            return s
        }
    }
}
