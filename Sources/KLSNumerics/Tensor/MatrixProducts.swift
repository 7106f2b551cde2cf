import CKernels
import KLSBase

/// Matrix products: `matmul` and the two products its gradients need.
///
/// Every entry of every product is the sum of its k products aᵢₚ·bₚⱼ (p = 0, 1, …, k − 1)
/// in `VectorKernels.dot`'s order — two 4-lane accumulators over blocks of 8, combined
/// (l₀ + l₂) + (l₁ + l₃), then the tail one by one — whichever loop computes it (CKernels'
/// `kls_matmul_dots` or `kls_matmul_rows`; MatrixKernelTests check both bit for bit against
/// that sum written out). So `matmul(transpose(a), b)` is `matmulTransposedLeft(a, b)` and
/// `matmul(u, v)` of two vectors is `dot(u, v)`, bit for bit. No product is skipped: a zero
/// times an infinity is nan and makes the entry nan, as IEEE and torch (`torch.tensor([[0.,
/// 1.]]) @ torch.tensor([inf, 1.])` is `[nan]`).
extension Tensor {
    /// Matrix product of (n×k)·(k×m), also matrix·vector and vector·matrix (a vector on the
    /// left is a row, on the right a column; the result drops that axis): of two vectors, their
    /// dot product as a number (as torch).
    public static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let (n, k1) = a.rank == 1 ? (1, a.shape[0]) : (a.rank == 2 ? (a.shape[0], a.shape[1]) : (-1, -1))
        let (k2, m) = b.rank == 1 ? (b.shape[0], 1) : (b.rank == 2 ? (b.shape[0], b.shape[1]) : (-1, -1))
        guard n >= 0, m >= 0, k1 == k2 else { throw NumericError.shapeMismatch(operation: "matmul", a.shape, b.shape) }
        // A column on the right: one dot product per row; else four entries of a row at a time.
        let out = m == 1 ? MatrixKernels.dots(rows: n, inner: k1, cols: 1, a.data, row: k1, b.data, col: k1)
            : MatrixKernels.rows(rows: n, inner: k1, cols: m, a.data, row: k1, inner: 1, b.data, inner: m)
        let shape: [Int] = a.rank == 1 ? (b.rank == 1 ? [] : [m]) : (b.rank == 1 ? [n] : [n, m])
        return Tensor(shape: shape, data: out)
    }

    /// aᵀ·b for matrices a (n×k) and b (n×m), without forming aᵀ: the gradient of a matrix
    /// product with respect to its right factor.
    public static func matmulTransposedLeft(_ a: Tensor, _ b: Tensor) -> Tensor {
        let n = a.shape[0], k = a.shape[1], m = b.shape[1]
        // Four neighbouring entries at a time along the longer side: along a row of aᵀ·b, or
        // along a row of its transpose bᵀ·a (the same sums: x·y = y·x exactly) written back
        // transposed (a matrix times a vector's gradient Xᵀg: k entries, m = 1).
        let out = m >= k ? MatrixKernels.rows(rows: k, inner: n, cols: m, a.data, row: 1, inner: k, b.data, inner: m)
            : MatrixKernels.rows(rows: m, inner: n, cols: k, b.data, row: 1, inner: m, a.data, inner: k, transposed: true)
        return Tensor(shape: [k, m], data: out)
    }

    /// a·bᵀ for matrices a (n×m) and b (k×m), without forming bᵀ: the gradient of a matrix
    /// product with respect to its left factor.
    public static func matmulTransposedRight(_ a: Tensor, _ b: Tensor) -> Tensor {
        let n = a.shape[0], m = a.shape[1], k = b.shape[0]
        let out = MatrixKernels.dots(rows: n, inner: m, cols: k, a.data, row: m, b.data, col: m)
        return Tensor(shape: [n, k], data: out)
    }
}

/// The Swift side of CKernels' matrix loops: the result as a row-major array, Ctrl-C polled
/// between blocks of rows of about 2²⁰ multiply-adds (when it is raised the result is
/// partial; the caller discards it).
enum MatrixKernels {
    /// out[i, j] = Σₜ a[i·row + t]·b[j·col + t] (rows × cols; `kls_matmul_dots`).
    static func dots(rows: Int, inner: Int, cols: Int, _ a: [Double], row: Int, _ b: [Double], col: Int) -> [Double] {
        product(rows: rows, inner: inner, cols: cols, a, b, transposed: false) { o, oRow, oCol, pa, pb, first, count in
            kls_matmul_dots(o + first * oRow, oRow, oCol, pa + first * row, row, pb, col, count, inner, cols)
        }
    }

    /// out[i, j] = Σₜ a[i·row + t·inner]·b[t·bInner + j] (rows × cols; `kls_matmul_rows`), or
    /// its transpose (cols × rows) when `transposed`.
    static func rows(rows: Int, inner: Int, cols: Int, _ a: [Double], row: Int, inner aInner: Int,
                     _ b: [Double], inner bInner: Int, transposed: Bool = false) -> [Double] {
        product(rows: rows, inner: inner, cols: cols, a, b, transposed: transposed) { o, oRow, oCol, pa, pb, first, count in
            kls_matmul_rows(o + first * oRow, oRow, oCol, pa + first * row, row, aInner, pb, bInner, count, inner, cols)
        }
    }

    /// The result array, and `kernel(out, outRow, outCol, a, b, firstRow, rowCount)` run over
    /// blocks of rows.
    private static func product(
        rows: Int, inner: Int, cols: Int, _ a: [Double], _ b: [Double], transposed: Bool,
        _ kernel: (UnsafeMutablePointer<Double>, Int, Int, UnsafePointer<Double>, UnsafePointer<Double>, Int, Int) -> Void
    ) -> [Double] {
        var out = [Double](repeating: 0, count: rows * cols)
        guard rows > 0, inner > 0, cols > 0 else { return out }  // a sum of no products is 0
        let (outRow, outCol) = transposed ? (1, rows) : (cols, 1)
        let block = Swift.max(1, (1 << 20) / (inner * cols))
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    guard let a = pa.baseAddress, let b = pb.baseAddress, let o = po.baseAddress else { return }
                    var first = 0
                    while first < rows, !Cancellation.isRequested {
                        let count = Swift.min(block, rows - first)
                        kernel(o, outRow, outCol, a, b, first, count)
                        first += count
                    }
                }
            }
        }
        return out
    }
}
