import Testing
@testable import KLSNumerics

/// A fit's tape across steps: `reset(leaves:values:)` and `flatGradients`.
struct TapeReuseTests {
    /// f(a, b) = a²·b + 3a, ∂f/∂a = 2ab + 3, ∂f/∂b = a².
    func f(_ a: Var, _ b: Var) throws -> Var {
        try Var.binary(.add, try Var.binary(.mul, try Var.binary(.mul, a, a), b),
                       try Var.binary(.mul, Var(3), a))
    }

    @Test func leavesAreReusedWhenNothingElseHoldsThem() throws {
        let tape = Tape()
        defer { tape.close() }
        var leaves: [Node] = []
        var gradient = [0.0, 0.0]
        tape.reset(leaves: &leaves, values: [2, 5])
        let first = leaves.map(ObjectIdentifier.init)
        var out = try f(.tracked(leaves[0]), .tracked(leaves[1]))
        tape.flatGradients(of: try #require(out.node), withRespectTo: leaves, into: &gradient)
        let expected0: [Double] = [23, 4]   // (2ab + 3, a²) at a = 2, b = 5
        #expect(gradient == expected0)

        out = Var(0)   // the step's values are gone: the next step reuses both leaf nodes
        tape.reset(leaves: &leaves, values: [-1, 0.5])
        #expect(leaves.map(ObjectIdentifier.init) == first)
        #expect(leaves.map { $0.value } == [Tensor(scalar: -1), Tensor(scalar: 0.5)])
        #expect(leaves.map(\.index) == [0, 1])
        out = try f(.tracked(leaves[0]), .tracked(leaves[1]))
        tape.flatGradients(of: try #require(out.node), withRespectTo: leaves, into: &gradient)
        let expected: [Double] = [2, 1]   // (2ab + 3, a²) at a = −1, b = 0.5
        #expect(gradient == expected)
        #expect(out.value.data[0] == -2.5)
    }

    /// A value kept from an earlier step (say, stored by the function) keeps its value and is
    /// a constant from then on; its leaf is not reused.
    @Test func aKeptValueIsNeitherChangedNorTracked() throws {
        let tape = Tape()
        defer { tape.close() }
        var leaves: [Node] = []
        tape.reset(leaves: &leaves, values: [2, 5])
        let kept = Var.tracked(leaves[0])
        let keptNode = ObjectIdentifier(leaves[0])
        tape.reset(leaves: &leaves, values: [7, 8])
        #expect(ObjectIdentifier(leaves[0]) != keptNode)
        #expect(kept.value == Tensor(scalar: 2))
        #expect(!kept.isTracked)
        #expect(leaves[0].value == Tensor(scalar: 7) && leaves[0].isLive)
    }

    @Test func flatGradientsAgreeWithTheGeneralOnes() throws {
        let tape = Tape()
        defer { tape.close() }
        var leaves: [Node] = []
        tape.reset(leaves: &leaves, values: [0.3, -1.7, 4])
        let x = leaves.map { Var.tracked($0) }
        // Σ (x0·x1, x1, x0) · (1, 2, 3) through dot (a scaled rule) and sum.
        let v = try Var.stack([try x[0] * x[1], x[1], x[0]])
        let out = try Var.binary(.add, try Var.dot(v, Var.constant(Tensor(vector: [1, 2, 3]))), Var.sum(v))
        let node = try #require(out.node)
        let general = tape.gradients(of: node, withRespectTo: leaves).map { $0?.data.first ?? 0 }
        var scalar = [Double](repeating: .nan, count: 3)
        tape.flatGradients(of: node, withRespectTo: leaves, into: &scalar)
        #expect(scalar == general)
        // ∂/∂x0 = 2·x1 + 4, ∂/∂x1 = 2·x0 + 3, ∂/∂x2 = 0.
        let want: [Double] = [2 * -1.7 + 4, 2 * 0.3 + 3, 0]
        for i in 0..<3 { #expect(abs(scalar[i] - want[i]) <= 1e-14) }
    }

    /// Array leaves (a fit's vector and matrix parameters): each takes its elements of the
    /// values in order, is reused in place when its shape is unchanged, and its gradient comes
    /// out flattened in the same order.
    @Test func arrayLeavesTakeConsecutiveValues() throws {
        let tape = Tape()
        defer { tape.close() }
        var leaves: [Node] = []
        var gradient = [Double](repeating: .nan, count: 4)
        tape.reset(leaves: &leaves, values: [1, 2, 3, 10], shapes: [[3], []])
        #expect(leaves.map(\.value) == [Tensor(vector: [1, 2, 3]), Tensor(scalar: 10)])
        let first = leaves.map(ObjectIdentifier.init)
        // f(w, b) = b·Σ wᵢ²: ∂f/∂w = 2b·w, ∂f/∂b = Σ wᵢ².
        var out = try Var.binary(.mul, .tracked(leaves[1]), Var.sum(try Var.binary(.mul, .tracked(leaves[0]), .tracked(leaves[0]))))
        tape.flatGradients(of: try #require(out.node), withRespectTo: leaves, into: &gradient)
        #expect(gradient == [20, 40, 60, 14])
        out = Var(0)
        tape.reset(leaves: &leaves, values: [0.5, -1, 0, 2], shapes: [[3], []])
        #expect(leaves.map(ObjectIdentifier.init) == first)
        #expect(leaves[0].value == Tensor(vector: [0.5, -1, 0]) && leaves[1].value == Tensor(scalar: 2))
        tape.reset(leaves: &leaves, values: [1, 2, 3, 4], shapes: [[2, 2]])
        #expect(leaves.count == 1 && leaves[0].value == Tensor(shape: [2, 2], data: [1, 2, 3, 4]))
    }
}
