/// A dense float64 array with a shape, stored contiguously in row-major order.
///
/// Rank 0 is a scalar (one element), rank 1 a vector, rank 2 a matrix. Tensors are values:
/// copying one shares storage until either copy is written (Swift's copy-on-write arrays).
public struct Tensor: Sendable, Equatable {
    /// Extent of each axis; empty for a scalar.
    public var shape: [Int]
    /// The elements in row-major order; `data.count` is the product of `shape`.
    public var data: [Double]

    /// Wraps `data` with `shape`; the caller guarantees `data.count == shape.product`.
    public init(shape: [Int], data: [Double]) {
        self.shape = shape
        self.data = data
    }

    /// A rank-0 tensor holding `value`.
    public init(scalar value: Double) {
        self.shape = []
        self.data = [value]
    }

    /// A rank-1 tensor holding `values`.
    public init(vector values: [Double]) {
        self.shape = [values.count]
        self.data = values
    }

    /// A tensor of `shape` filled with `value`.
    public init(repeating value: Double, shape: [Int]) {
        self.shape = shape
        self.data = [Double](repeating: value, count: Tensor.elementCount(shape))
    }

    /// Number of elements.
    @inlinable public var count: Int { data.count }
    /// Number of axes.
    @inlinable public var rank: Int { shape.count }
    /// True for a rank-0 tensor.
    @inlinable public var isScalar: Bool { shape.isEmpty }
    /// The single element of a one-element tensor.
    @inlinable public var scalar: Double? { data.count == 1 ? data[0] : nil }

    /// Number of elements of a tensor of `shape` (1 for a scalar).
    public static func elementCount(_ shape: [Int]) -> Int {
        var n = 1
        for d in shape { n = n &* d }
        return n
    }

    /// f(x) for every element x, same shape (one loop writing straight into the new storage).
    @inline(__always)
    public func mapped(_ f: (Double) -> Double) -> Tensor {
        let out = [Double](unsafeUninitializedCapacity: count) { out, initialized in
            data.withUnsafeBufferPointer { px in
                for i in 0..<px.count { out[i] = f(px[i]) }
            }
            initialized = count
        }
        return Tensor(shape: shape, data: out)
    }

    /// Same data viewed with another shape of equal element count.
    public func reshaped(_ newShape: [Int]) -> Tensor? {
        Tensor.elementCount(newShape) == count ? Tensor(shape: newShape, data: data) : nil
    }

    /// Row `i` of a matrix (a vector), element `i` of a vector (a scalar): indexing along axis 0.
    public func slice(at i: Int) -> Tensor? {
        guard let n = shape.first, i >= 0, i < n else { return nil }
        let inner = Array(shape.dropFirst())
        let size = Tensor.elementCount(inner)
        return Tensor(shape: inner, data: Array(data[i * size ..< (i + 1) * size]))
    }
}
