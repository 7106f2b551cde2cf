/// The tensor constructors of the language: linspace, range, zeros, ones.
extension Tensor {
    /// `n` evenly spaced points from `a` to `b` inclusive, as `torch.linspace`: both endpoints
    /// exact, the first half stepping up from `a`, the second half stepping down from `b`.
    public static func linspace(_ a: Double, _ b: Double, _ n: Int) -> Tensor {
        guard n > 1 else { return Tensor(vector: n == 1 ? [a] : []) }
        let step = (b - a) / Double(n - 1)
        let half = n / 2
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            out[i] = i < half ? a + step * Double(i) : b - step * Double(n - 1 - i)
        }
        return Tensor(vector: out)
    }

    /// The numbers start, start+step, … up to but excluding stop (Python's range, real steps allowed).
    public static func range(_ start: Double, _ stop: Double, _ step: Double) throws -> Tensor {
        guard step != 0, step.isFinite, start.isFinite, stop.isFinite else {
            throw NumericError.invalidArgument("range: step must be finite and non-zero, bounds finite")
        }
        let n = Swift.max(0, ((stop - start) / step).rounded(.up))
        let count = try Tensor.checkedCount(n, what: "range length")
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count { out[i] = start + Double(i) * step }
        return Tensor(vector: out)
    }
}
