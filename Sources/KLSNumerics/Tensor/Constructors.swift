/// The tensor constructors of the language: linspace, range, zeros, ones.
extension Tensor {
    /// `n` evenly spaced points from `a` to `b` inclusive, as `torch.linspace`: both endpoints
    /// exact, the first half stepping up from `a`, the second half stepping down from `b`.
    /// Both ends must be finite (an infinite end has no evenly spaced points).
    public static func linspace(_ a: Double, _ b: Double, _ n: Int) throws -> Tensor {
        guard a.isFinite, b.isFinite else {
            throw NumericError.invalidArgument("linspace: both ends must be finite numbers")
        }
        guard n > 1 else { return Tensor(vector: n == 1 ? [a] : []) }
        let span = b - a
        // Ends of opposite sign near the largest double: the span overflows, its parts do not.
        let step = span.isFinite ? span / Double(n - 1) : b / Double(n - 1) - a / Double(n - 1)
        let half = n / 2
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            out[i] = i < half ? a + step * Double(i) : b - step * Double(n - 1 - i)
        }
        return Tensor(vector: out)
    }

    /// The numbers start, start+step, … up to but excluding stop (Python's range, real steps
    /// allowed): `rangeCount` elements, element i being `rangeElement(start, step, i)`.
    public static func range(_ start: Double, _ stop: Double, _ step: Double) throws -> Tensor {
        let count = try rangeCount(start, stop, step)
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count { out[i] = rangeElement(start, step, i) }
        return Tensor(vector: out)
    }

    /// How many elements `range(start, stop, step)` has — NumPy's `arange` rule,
    /// ⌈(stop − start) / step⌉ (at least 0), so `range(1, 1.3, 0.1)` has 4 — or its error.
    /// The one rule of the `range` builtin and the counting `for i in range(…)` loop.
    public static func rangeCount(_ start: Double, _ stop: Double, _ step: Double) throws -> Int {
        guard step != 0, step.isFinite, start.isFinite, stop.isFinite else {
            throw NumericError.invalidArgument("range: step must be finite and non-zero, bounds finite")
        }
        return try Tensor.checkedCount(Swift.max(0, ((stop - start) / step).rounded(.up)), what: "range length")
    }

    /// Element i of `range(start, …, step)`: start + i·step (as NumPy's `arange`; with large
    /// bounds it can round to the stop itself: `range(2^53, 2^53 + 4)` ends in 2^53 + 4).
    @inline(__always)
    public static func rangeElement(_ start: Double, _ step: Double, _ i: Int) -> Double {
        start + Double(i) * step
    }
}
