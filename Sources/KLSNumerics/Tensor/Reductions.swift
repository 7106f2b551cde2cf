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
        var s = 0.0
        for x in data { s += Foundation.exp(x - m) }
        return (m, Foundation.log(s))
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

    /// Matrix product of (n×k)·(k×m), also matrix·vector and vector·matrix.
    public static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let (n, k1) = a.rank == 1 ? (1, a.shape[0]) : (a.rank == 2 ? (a.shape[0], a.shape[1]) : (-1, -1))
        let (k2, m) = b.rank == 1 ? (b.shape[0], 1) : (b.rank == 2 ? (b.shape[0], b.shape[1]) : (-1, -1))
        guard n >= 0, m >= 0, k1 == k2 else { throw NumericError.shapeMismatch(operation: "matmul", a.shape, b.shape) }
        var out = [Double](repeating: 0, count: n * m)
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    for i in 0..<n {
                        if i % 16 == 0, Cancellation.isRequested { return }  // Ctrl-C: the caller discards `out`
                        if m == 1 {
                            // matrix·vector: one running sum per row, in the same order.
                            var s = 0.0
                            for p in 0..<k1 where pa[i * k1 + p] != 0 { s += pa[i * k1 + p] * pb[p] }
                            po[i] = s
                            continue
                        }
                        for p in 0..<k1 {
                            if p % 256 == 0, Cancellation.isRequested { return }
                            let x = pa[i * k1 + p]
                            if x == 0 { continue }
                            for j in 0..<m { po[i * m + j] += x * pb[p * m + j] }
                        }
                    }
                }
            }
        }
        let shape: [Int] = a.rank == 1 ? [m] : (b.rank == 1 ? [n] : [n, m])
        return Tensor(shape: shape, data: out)
    }

    /// aᵀ·b for matrices a (n×k) and b (n×m), without forming aᵀ: the gradient of a matrix
    /// product with respect to its right factor.
    public static func matmulTransposedLeft(_ a: Tensor, _ b: Tensor) -> Tensor {
        let n = a.shape[0], k = a.shape[1], m = b.shape[1]
        var out = [Double](repeating: 0, count: k * m)
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    for i in 0..<n {
                        for p in 0..<k {
                            let x = pa[i * k + p]
                            if x == 0 { continue }
                            for j in 0..<m { po[p * m + j] += x * pb[i * m + j] }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [k, m], data: out)
    }

    /// a·bᵀ for matrices a (n×m) and b (k×m), without forming bᵀ: the gradient of a matrix
    /// product with respect to its left factor.
    public static func matmulTransposedRight(_ a: Tensor, _ b: Tensor) -> Tensor {
        let n = a.shape[0], m = a.shape[1], k = b.shape[0]
        var out = [Double](repeating: 0, count: n * k)
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    for i in 0..<n {
                        for p in 0..<k {
                            var s = 0.0
                            for j in 0..<m { s += pa[i * m + j] * pb[p * m + j] }
                            po[i * k + p] = s
                        }
                    }
                }
            }
        }
        return Tensor(shape: [n, k], data: out)
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
