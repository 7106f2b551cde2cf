import KLSBase
import Foundation

/// Whole-tensor reductions and the vector operations built on them.
extension Tensor {
    /// Σ of all elements in the one summation order of every sum and reduction
    /// (`VectorKernels.sum`; 0 when empty).
    public func sum() -> Double { VectorKernels.sum(data) }

    /// Arithmetic mean of all elements (nan for an empty tensor).
    public func mean() -> Double { sum() / Double(count) }

    /// Largest element, nan if any element is nan (as torch.max); nil when empty.
    public func max() -> Double? { extremum(>) }

    /// Smallest element, nan if any element is nan (as torch.min); nil when empty.
    public func min() -> Double? { extremum(<) }

    private func extremum(_ better: (Double, Double) -> Bool) -> Double? {
        guard var best = data.first else { return nil }
        for x in data {
            if x.isNaN { return .nan }
            if better(x, best) { best = x }
        }
        return best
    }

    /// Index of the first largest element (nan counts as largest, as torch.argmax); nil when empty.
    public func argmax() -> Int? { argExtremum(>) }

    /// Index of the first smallest element (nan counts as smallest, as torch.argmin); nil when empty.
    public func argmin() -> Int? { argExtremum(<) }

    private func argExtremum(_ better: (Double, Double) -> Bool) -> Int? {
        guard !data.isEmpty else { return nil }
        var best = 0
        for i in 1..<data.count {
            if data[best].isNaN { return best }
            if data[i].isNaN || better(data[i], data[best]) { best = i }
        }
        return best
    }

    /// Running sums along the flattened elements, same shape.
    public func cumsum() -> Tensor {
        var out = data
        var s = 0.0
        for i in 0..<out.count { s += out[i]; out[i] = s }
        return Tensor(shape: shape, data: out)
    }

    /// log Σ exp(x), computed stably by shifting by the maximum (−inf for an empty tensor).
    public func logsumexp() -> Double {
        let (m, logSum) = shiftedLogSumExp()
        return m.isFinite ? m + logSum : m
    }

    /// The maximum m and log Σ exp(x − m) (≥ 0), the two parts of logsumexp kept apart so
    /// that x − logsumexp(x) = (x − m) − log Σ exp(x − m) does not lose x's digits to the
    /// rounding of a huge m + log Σ (torch's log_softmax; ∂logsumexp/∂x = exp((x − m) − log Σ)).
    /// An empty tensor gives (−inf, 0); a nan or infinite maximum gives (m, 0).
    public func shiftedLogSumExp() -> (max: Double, logSum: Double) {
        guard let m = max() else { return (-.infinity, 0) }
        guard m.isFinite else { return (m, 0) }
        return (m, Foundation.log(VectorKernels.sum(data.map { Foundation.exp($0 - m) })))
    }

    /// exp(x − max x) / Σ exp(x − max x) elementwise (as torch): probabilities summing to 1.
    public func softmax() -> Tensor {
        guard let m = max(), m.isFinite else { return Tensor(shape: shape, data: data.map { _ in .nan }) }
        let e = data.map { Foundation.exp($0 - m) }
        let s = VectorKernels.sum(e)
        return Tensor(shape: shape, data: e.map { $0 / s })
    }

    /// Σ aᵢbᵢ of two tensors with the same number of elements.
    public static func dot(_ a: Tensor, _ b: Tensor) throws -> Double {
        guard a.count == b.count else { throw NumericError.shapeMismatch(operation: "dot", a.shape, b.shape) }
        return VectorKernels.dot(a.data, b.data)
    }

    /// The transpose of a matrix (a vector is returned unchanged).
    public func transposed() -> Tensor {
        guard rank == 2 else { return self }
        let (r, c) = (shape[0], shape[1])
        var out = [Double](repeating: 0, count: count)
        for i in 0..<r { for j in 0..<c { out[j * r + i] = data[i * c + j] } }
        return Tensor(shape: [c, r], data: out)
    }
}
