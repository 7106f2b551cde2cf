import KLSBase

/// One axis of a tensor, seen as the tensor split into 1-D slices along it: `outer` blocks
/// before the axis, `length` elements along it, `inner` elements after it (row-major). An
/// operation along an axis (NumPy's `axis`, torch's `dim`) works slice by slice.
public struct AxisLayout: Sendable, Equatable {
    /// The shape of the tensor the layout belongs to.
    public let shape: [Int]
    /// The shape of a reduction along the axis: `shape` without the axis (a scalar for `flat`).
    public let reducedShape: [Int]
    /// Product of the extents before the axis.
    public let outer: Int
    /// Extent of the axis: the length of every slice.
    public let length: Int
    /// Product of the extents after the axis: the stride between two elements of a slice.
    public let inner: Int

    /// The layout of `axis` in a tensor of `shape`; a negative axis counts from the last
    /// (−1 is the last axis, as in NumPy). An axis the shape does not have is an error.
    public init(shape: [Int], axis: Int) throws(NumericError) {
        let rank = shape.count
        guard rank > 0 else { throw NumericError.invalidArgument("axis \(axis) does not exist: a number has no axes") }
        guard axis >= -rank, axis < rank else {
            let axes = rank == 1 ? "only axis 0 (or -1)" : "axes 0…\(rank - 1) (or -\(rank)…-1)"
            throw NumericError.invalidArgument("axis \(axis) does not exist: a \(Tensor.describe(shape: shape)) has \(axes)")
        }
        let a = axis < 0 ? axis + rank : axis
        var reduced = shape
        reduced.remove(at: a)
        self.init(shape: shape, reducedShape: reduced, outer: Tensor.elementCount(Array(shape[..<a])),
                  length: shape[a], inner: Tensor.elementCount(Array(shape[(a + 1)...])))
    }

    /// The axis softmax works along when none is given, torch's implicit rule
    /// (`_get_softmax_dim`): nil (all elements) for a number or a vector, 0 for a 3-D tensor,
    /// else 1 — each row of a matrix.
    public static func implicitSoftmaxAxis(rank: Int) -> Int? {
        rank <= 1 ? nil : (rank == 3 ? 0 : 1)
    }

    /// The whole tensor as one slice of its elements in order (an operation on all elements).
    public static func flat(_ shape: [Int]) -> AxisLayout {
        AxisLayout(shape: shape, reducedShape: [], outer: 1, length: Tensor.elementCount(shape), inner: 1)
    }

    private init(shape: [Int], reducedShape: [Int], outer: Int, length: Int, inner: Int) {
        self.shape = shape
        self.reducedShape = reducedShape
        self.outer = outer
        self.length = length
        self.inner = inner
    }
}

extension Tensor {
    /// `f` applied to every slice along `layout`'s axis. With `keepsAxis` each result is a
    /// slice of the same length and the shape is kept (cumsum, softmax); otherwise each result
    /// is one number and the axis is removed (sum, max, …). Ctrl-C (`Cancellation`) stops it
    /// early with a partial result, which the caller discards.
    public func alongAxis(_ layout: AxisLayout, keepsAxis: Bool,
                          _ f: ([Double]) throws -> [Double]) rethrows -> Tensor {
        let n = layout.length, inner = layout.inner
        let m = keepsAxis ? n : 1
        var out = [Double](repeating: 0, count: layout.outer * m * inner)
        var slice = [Double](repeating: 0, count: n)
        slices: for o in 0..<layout.outer {
            for i in 0..<inner {
                for k in 0..<n { slice[k] = data[(o * n + k) * inner + i] }
                let r = try f(slice)
                for k in 0..<m { out[(o * m + k) * inner + i] = r[k] }
                if Cancellation.isRequested { break slices }  // a slice costs far more than a look
            }
        }
        return Tensor(shape: keepsAxis ? layout.shape : layout.reducedShape, data: out)
    }
}
