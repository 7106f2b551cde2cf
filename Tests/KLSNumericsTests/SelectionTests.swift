import Testing
@testable import KLSNumerics

/// Subscripts as tensor operations: what NumPy's basic indexing selects, and gradients that
/// reach exactly the selected elements.
struct SelectionTests {
    /// Python's `range(10)[slice]` gives the same positions: `[8:2:-3]` → 8, 5;
    /// `[-3:]` → 7, 8, 9; `[:100:4]` → 0, 4, 8; `[5:5]` → none; `[::-1]` → 9 … 0.
    @Test func slicesResolveAsPython() {
        func positions(_ s: AxisSelection) -> [Int] {
            guard case .range(let start, let count, let step) = s else { return [] }
            return (0..<count).map { start + $0 * step }
        }
        #expect(positions(.slice(start: 8, stop: 2, step: -3, length: 10)) == [8, 5])
        #expect(positions(.slice(start: -3, stop: nil, step: 1, length: 10)) == [7, 8, 9])
        #expect(positions(.slice(start: nil, stop: 100, step: 4, length: 10)) == [0, 4, 8])
        #expect(positions(.slice(start: 5, stop: 5, step: 1, length: 10)) == [])
        #expect(positions(.slice(start: nil, stop: nil, step: -1, length: 10)) == Array((0..<10).reversed()))
        #expect(positions(.slice(start: -100, stop: -20, step: 1, length: 10)) == [])
        #expect(positions(.slice(start: nil, stop: nil, step: 1, length: 0)) == [])
    }

    @Test func columnOfAMatrixVisitsOnlyItsElements() {
        let m = Tensor(shape: [3, 4], data: (0..<12).map(Double.init))
        let column: [AxisSelection] = [.range(start: 0, count: 3, step: 1), .at(2)]
        #expect(m.selectedOffsets(column) == [2, 6, 10])
        #expect(m.selecting(column) == Tensor(vector: [2, 6, 10]))
        let block: [AxisSelection] = [.range(start: 1, count: 2, step: 1), .range(start: 3, count: 2, step: -2)]
        #expect(m.selecting(block) == Tensor(shape: [2, 2], data: [7, 5, 11, 9]))
        #expect(m.selecting([.at(1)]) == Tensor(vector: [4, 5, 6, 7]))
    }

    @Test func assignmentBroadcastsOrRefuses() throws {
        var m = Tensor(repeating: 0, shape: [2, 3])
        try m.assign(Tensor(vector: [1, 2]), at: [.range(start: 0, count: 2, step: 1), .range(start: 1, count: 2, step: 1)])
        #expect(m.data == [0, 1, 2, 0, 1, 2])
        try m.assign(Tensor(scalar: 9), at: [.at(1)])
        #expect(m.data == [0, 1, 2, 9, 9, 9])
        #expect(throws: NumericError.self) { try m.assign(Tensor(vector: [1, 2]), at: [.at(0)]) }
    }

    /// ∂/∂x Σ(x[1:3] · [2, 3]) = [0, 2, 3, 0]; ∂/∂x Σ(x with x[0:2] := y) = [0, 0, 1, 1] and
    /// ∂/∂y = [1, 1]; a broadcast scalar y receives the sum, 2.
    @Test func gradientsReachTheSelectedElements() throws {
        let tape = Tape()
        let x = Var.tracked(tape.leaf(Tensor(vector: [1, 1, 1, 1])))
        let part = Var.select(x, [.range(start: 1, count: 2, step: 1)])
        let loss = Var.sum(try Var.binary(.mul, part, .constant(Tensor(vector: [2, 3]))))
        #expect(tape.gradients(of: loss.node!, withRespectTo: [x.node!])[0]?.data == [0, 2, 3, 0])

        let tape2 = Tape()
        let a = Var.tracked(tape2.leaf(Tensor(vector: [1, 2, 3, 4])))
        let y = Var.tracked(tape2.leaf(Tensor(vector: [5, 6])))
        let s = Var.tracked(tape2.leaf(Tensor(scalar: 7)))
        let replaced = try Var.replacing(a, [.range(start: 0, count: 2, step: 1)], with: y)
        #expect(replaced.value.data == [5, 6, 3, 4])
        let g = tape2.gradients(of: Var.sum(replaced).node!, withRespectTo: [a.node!, y.node!])
        #expect(g[0]?.data == [0, 0, 1, 1])
        #expect(g[1]?.data == [1, 1])
        let broadcast = try Var.replacing(a, [.range(start: 2, count: 2, step: 1)], with: s)
        #expect(tape2.gradients(of: Var.sum(broadcast).node!, withRespectTo: [s.node!])[0]?.data == [2])
    }
}
