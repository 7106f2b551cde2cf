import Testing
@testable import KLSNumerics

/// Broadcasting, reductions and constructors.
struct TensorTests {
    @Test func broadcastShapes() {
        #expect(Broadcast.shape([3], []) == [3])
        #expect(Broadcast.shape([2, 3], [3]) == [2, 3])
        #expect(Broadcast.shape([2, 1], [1, 3]) == [2, 3])
        #expect(Broadcast.shape([2, 3], [2]) == nil)
    }

    @Test func broadcastArithmetic() throws {
        let m = Tensor(shape: [2, 2], data: [1, 2, 3, 4])
        let row = Tensor(vector: [10, 20])
        #expect(try BinaryOp.add.apply(m, row).data == [11, 22, 13, 24])
        let col = Tensor(shape: [2, 1], data: [100, 200])
        #expect(try BinaryOp.mul.apply(m, col).data == [100, 200, 600, 800])
        #expect(throws: NumericError.self) { try BinaryOp.add.apply(Tensor(vector: [1, 2, 3]), row) }
    }

    @Test func linspaceMatchesTorch() throws {
        // torch.linspace(-15, 15, 7, dtype=float64) = [-15, -10, -5, 0, 5, 10, 15]
        #expect(try Tensor.linspace(-15, 15, 7).data == [-15, -10, -5, 0, 5, 10, 15])
        // torch.linspace(0, 1, 5) = [0, 0.25, 0.5, 0.75, 1]
        #expect(try Tensor.linspace(0, 1, 5).data == [0, 0.25, 0.5, 0.75, 1])
        let x = try Tensor.linspace(-15, 15, 1000)
        #expect(x.data.first == -15 && x.data.last == 15)
        // torch.linspace(-15, 15, 1000, dtype=torch.float64)[1] = -14.96996996996997
        #expect(x.data[1] == -14.96996996996997)
    }

    @Test func stableReductions() {
        // math.log(math.exp(1) + math.exp(2) + math.exp(3)) = 3.4076059644443806
        #expect(abs(Tensor(vector: [1, 2, 3]).logsumexp() - 3.4076059644443806) < 1e-15)
        #expect(Tensor(vector: [1000, 1000]).logsumexp() == 1000 + 0.6931471805599453)
        #expect(Tensor(vector: [-1000, 0]).softmax().data == [0, 1])
        // scipy.special.softmax([1, 2, 3])
        let s = Tensor(vector: [1, 2, 3]).softmax().data
        #expect(zip(s, [0.09003057317038046, 0.24472847105479764, 0.6652409557748218]).allSatisfy { abs($0 - $1) < 1e-16 })
    }

    @Test func argExtremaAndNaN() {
        let t = Tensor(vector: [3, -1, 2, -1])
        #expect(t.argmin() == 1 && t.argmax() == 0)
        #expect(Tensor(vector: [1, .nan, 3]).max()?.isNaN == true)
        #expect(Tensor(vector: []).max() == nil)
    }

    @Test func rangeAndCounts() throws {
        #expect(try Tensor.range(2, 6, 1).data == [2, 3, 4, 5])
        #expect(try Tensor.range(3, 0, -1).data == [3, 2, 1])
        #expect(throws: NumericError.self) { try Tensor.range(0, 1e300, 1) }
        #expect(throws: NumericError.self) { try Tensor.checkedCount(-1, what: "n") }
        #expect(throws: NumericError.self) { try Tensor.checkedCount(.nan, what: "n") }
    }

    @Test func matmul() throws {
        let a = Tensor(shape: [2, 2], data: [1, 2, 3, 4])
        #expect(try Tensor.matmul(a, Tensor(vector: [1, 1])).data == [3, 7])
        #expect(try Tensor.matmul(a, a).data == [7, 10, 15, 22])
    }
}
