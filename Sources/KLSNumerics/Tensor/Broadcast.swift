/// NumPy/PyTorch broadcasting: shapes are aligned at their trailing axes; an axis of extent 1
/// (or a missing axis) stretches to match the other.
public enum Broadcast {
    /// The broadcast shape of `a` and `b`, or nil when they are incompatible.
    public static func shape(_ a: [Int], _ b: [Int]) -> [Int]? {
        if a == b { return a }
        let rank = max(a.count, b.count)
        var out = [Int](repeating: 1, count: rank)
        for k in 0..<rank {
            let da = k < rank - a.count ? 1 : a[k - (rank - a.count)]
            let db = k < rank - b.count ? 1 : b[k - (rank - b.count)]
            if da == db || db == 1 { out[k] = da } else if da == 1 { out[k] = db } else { return nil }
        }
        return out
    }

    /// For each element of a tensor of `outShape`, the index of the element of a tensor of
    /// `shape` that broadcasting maps onto it.
    static func sourceIndices(of shape: [Int], in outShape: [Int]) -> [Int] {
        let rank = outShape.count
        let padded = [Int](repeating: 1, count: rank - shape.count) + shape
        var strides = [Int](repeating: 0, count: rank)
        var s = 1
        for k in stride(from: rank - 1, through: 0, by: -1) {
            strides[k] = padded[k] == 1 ? 0 : s
            s *= padded[k]
        }
        let total = Tensor.elementCount(outShape)
        var result = [Int](repeating: 0, count: total)
        var counter = [Int](repeating: 0, count: rank)
        var src = 0
        for i in 0..<total {
            result[i] = src
            var k = rank - 1
            while k >= 0 {
                counter[k] += 1
                src += strides[k]
                if counter[k] < outShape[k] { break }
                src -= strides[k] * counter[k]
                counter[k] = 0
                k -= 1
            }
        }
        return result
    }

    /// Applies `f` elementwise to `a` and `b` under broadcasting, with fast paths for equal
    /// shapes and scalar operands.
    @inline(__always)
    public static func map(_ a: Tensor, _ b: Tensor, operation: String,
                           _ f: (Double, Double) -> Double) throws -> Tensor {
        if a.shape == b.shape {
            var out = [Double](repeating: 0, count: a.count)
            a.data.withUnsafeBufferPointer { pa in
                b.data.withUnsafeBufferPointer { pb in
                    out.withUnsafeMutableBufferPointer { po in
                        for i in 0..<po.count { po[i] = f(pa[i], pb[i]) }
                    }
                }
            }
            return Tensor(shape: a.shape, data: out)
        }
        if b.count == 1 && b.rank <= a.rank {
            let y = b.data[0]
            return a.mapped { f($0, y) }
        }
        if a.count == 1 && a.rank <= b.rank {
            let x = a.data[0]
            return b.mapped { f(x, $0) }
        }
        guard let outShape = shape(a.shape, b.shape) else {
            throw NumericError.shapeMismatch(operation: operation, a.shape, b.shape)
        }
        let ia = sourceIndices(of: a.shape, in: outShape)
        let ib = sourceIndices(of: b.shape, in: outShape)
        var out = [Double](repeating: 0, count: ia.count)
        for i in 0..<out.count { out[i] = f(a.data[ia[i]], b.data[ib[i]]) }
        return Tensor(shape: outShape, data: out)
    }

    /// Sums `grad` (of the broadcast shape) back down to `shape`: the adjoint of broadcasting.
    public static func reduce(_ grad: Tensor, to shape: [Int]) -> Tensor {
        if grad.shape == shape { return grad }
        var out = [Double](repeating: 0, count: Tensor.elementCount(shape))
        if out.count == 1 {
            out[0] = grad.sum()
        } else {
            let idx = sourceIndices(of: shape, in: grad.shape)
            for i in 0..<idx.count { out[idx[i]] += grad.data[i] }
        }
        return Tensor(shape: shape, data: out)
    }
}
