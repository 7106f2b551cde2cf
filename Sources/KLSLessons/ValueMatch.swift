import KLSNumerics
import KLSRuntime

/// Whether a student's value equals the expected one: numbers within a relative tolerance
/// (|a − b| ≤ tol · max(1, |b|); nan equals nan), arrays of the same shape element by
/// element, strings, booleans and lists exactly, other values by how they print.
public enum ValueMatch {
    public static func matches(_ a: Value, _ b: Value, tolerance: Double) -> Bool {
        if let x = numbers(a), let y = numbers(b) {
            guard x.shape == y.shape else { return false }
            return zip(x.data, y.data).allSatisfy { near($0, $1, tolerance) }
        }
        if let x = a.stringValue, let y = b.stringValue { return x == y }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y
        case (.list(let xs), .list(let ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy { matches($0, $1, tolerance: tolerance) }
        case (.none, .none): return true
        case (.object, .object): return ValueFormatter.display(a) == ValueFormatter.display(b)
        default: return false
        }
    }

    /// A number, array or tracked value as a tensor (booleans are not numbers here).
    static func numbers(_ v: Value) -> Tensor? {
        switch v {
        case .number(let x): return Tensor(scalar: x)
        case .tensor(let t): return t
        case .tracked(let n): return n.value
        default: return nil
        }
    }

    static func near(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a == b { return true }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }
}
