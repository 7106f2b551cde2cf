import Testing
@testable import KLSNumerics

/// Matrix products against the definition written out in Swift: entry (i, j) is
/// `VectorKernelTests.laneOrderSum` of its products a[i, p]·b[p, j], bit for bit, for every
/// product (`matmul` of matrices, matrix·vector, vector·matrix; aᵀ·b; a·bᵀ) and both CKernels
/// loops (`kls_matmul_dots`, `kls_matmul_rows` and its transposed use), at extents around the
/// 4-wide column blocks and the 8-long blocks of the sum.
struct MatrixKernelTests {
    static let extents = [1, 3, 4, 5, 8, 9, 17]

    static func matrix(_ rows: Int, _ cols: Int, seed: UInt64) -> Tensor {
        Tensor(shape: [rows, cols], data: VectorKernelTests.values(rows * cols, seed: seed))
    }

    /// L·R by the definition: entry (i, j) is laneOrderSum over p of L[i, p]·R[p, j].
    static func reference(_ l: Tensor, _ r: Tensor) -> [Double] {
        let (rows, inner, cols) = (l.shape[0], l.shape[1], r.shape[1])
        var out: [Double] = []
        for i in 0..<rows {
            for j in 0..<cols {
                out.append(VectorKernelTests.laneOrderSum(inner) { l.data[i * inner + $0] * r.data[$0 * cols + j] })
            }
        }
        return out
    }

    /// Equal bit for bit (signed zeros and nan payloads included).
    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    static let shapes: [(Int, Int, Int)] = extents.flatMap { n in extents.flatMap { k in [1, 2, 4, 7, 9].map { (n, k, $0) } } }
        + [(3, 40, 2), (2, 33, 13), (1000, 10, 1), (10, 1000, 1)]

    @Test(arguments: shapes)
    func matmulIsTheLaneOrderSum(_ shape: (Int, Int, Int)) throws {
        let (n, k, m) = shape
        let a = Self.matrix(n, k, seed: 11), b = Self.matrix(k, m, seed: 12)
        let want = Self.reference(a, b)
        #expect(Self.same(try Tensor.matmul(a, b).data, want))
        // The same matrices with a vector on one side: the entries do not change.
        if m == 1 { #expect(Self.same(try Tensor.matmul(a, Tensor(vector: b.data)).data, want)) }
        if n == 1 { #expect(Self.same(try Tensor.matmul(Tensor(vector: a.data), b).data, want)) }
    }

    /// aᵀ·b (a: n×k, b: n×m) and c·dᵀ (c: n×k, d: m×k), each equal to the definition and to
    /// matmul of the transposed matrix.
    @Test(arguments: shapes)
    func transposedProductsAreTheLaneOrderSum(_ shape: (Int, Int, Int)) throws {
        let (n, k, m) = shape
        let a = Self.matrix(n, k, seed: 13), b = Self.matrix(n, m, seed: 14)
        let left = Tensor.matmulTransposedLeft(a, b), leftWant = Self.reference(a.transposed(), b)
        #expect(left.shape == [k, m] && Self.same(left.data, leftWant))
        #expect(Self.same(try Tensor.matmul(a.transposed(), b).data, leftWant))
        let c = Self.matrix(n, k, seed: 15), d = Self.matrix(m, k, seed: 16)
        let right = Tensor.matmulTransposedRight(c, d), rightWant = Self.reference(c, d.transposed())
        #expect(right.shape == [n, m] && Self.same(right.data, rightWant))
        #expect(Self.same(try Tensor.matmul(c, d.transposed()).data, rightWant))
    }

    /// Two vectors: a 1×1 product equal to `dot`; an empty inner extent gives zeros.
    @Test func vectorTimesVectorIsTheDotAndEmptySumsAreZero() throws {
        let u = VectorKernelTests.values(21, seed: 17), v = VectorKernelTests.values(21, seed: 18)
        #expect(try Tensor.matmul(Tensor(vector: u), Tensor(shape: [21, 1], data: v)).data == [VectorKernels.dot(u, v)])
        // torch: a 1-D tensor @ a 1-D tensor is their dot product, a 0-D tensor.
        let uv = try Tensor.matmul(Tensor(vector: u), Tensor(vector: v))
        #expect(uv.shape == [] && uv.data == [VectorKernels.dot(u, v)])
        let empty = try Tensor.matmul(Tensor(shape: [2, 0], data: []), Tensor(shape: [0, 3], data: []))
        #expect(empty.shape == [2, 3] && Self.same(empty.data, [0, 0, 0, 0, 0, 0]))
    }

    /// No product is skipped, so 0·inf = nan reaches the entry. torch 2.13 (float64):
    ///   torch.tensor([[0., 1.], [2., 3.]]) @ torch.tensor([inf, 1.])          → [nan, inf]
    ///   torch.tensor([0., 1.]) @ torch.tensor([[inf, 1.], [2., 3.]])          → [nan, 3.]
    ///   torch.tensor([[0., 1.], [2., 3.]]) @ torch.tensor([[inf, 1.], [2., 3.]]) → [[nan, 3.], [inf, 11.]]
    @Test func zeroTimesInfinityIsNaNAsTorch() throws {
        let inf = Double.infinity
        let x = Tensor(shape: [2, 2], data: [0, 1, 2, 3])
        let mv = try Tensor.matmul(x, Tensor(vector: [inf, 1])).data
        #expect(mv[0].isNaN && mv[1] == inf)
        let vm = try Tensor.matmul(Tensor(vector: [0, 1]), Tensor(shape: [2, 2], data: [inf, 1, 2, 3])).data
        #expect(vm[0].isNaN && vm[1] == 3)
        let mm = try Tensor.matmul(x, Tensor(shape: [2, 2], data: [inf, 1, 2, 3])).data
        #expect(mm[0].isNaN && mm[1...] == [3, inf, 11])
    }
}
