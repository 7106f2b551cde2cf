import KLSBase
import KLSNumerics

extension Interpreter {
    /// The fewest elements of a tensor the memory budget checks (`MemoryBudget.largeBytes`).
    static let largeTensorElements = MemoryBudget.largeBytes / MemoryLayout<Double>.size

    /// `v`, the result of a builtin or an operation, checked against the memory budget
    /// (`MemoryBudget`) when it is a tensor of 8 MiB or more: an error when the process holding
    /// it is over the budget, so that slices, elementwise operations, reductions and files read
    /// cannot grow past it one value at a time. Smaller values cost one comparison.
    @inline(__always)
    static func withinBudget(_ v: Value) throws -> Value {
        switch v {
        case .tensor(let t) where t.count >= largeTensorElements: try checkHeld(t)
        case .tracked(let x) where x.value.count >= largeTensorElements: try checkHeld(x.value)
        default: break
        }
        return v
    }

    @inline(never)
    private static func checkHeld(_ t: Tensor) throws {
        if let problem = MemoryBudget.problem(holding: t.count * MemoryLayout<Double>.size, "a \(Tensor.describe(shape: t.shape))") {
            throw BuiltinError(problem)
        }
    }
}
