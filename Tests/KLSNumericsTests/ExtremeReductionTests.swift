import Foundation
import Testing
@testable import KLSNumerics

/// Issue 14's reductions at extreme inputs; the figures are torch 2.13 (float64) unless said.
struct ExtremeReductionTests {
    /// The reverse-mode gradient of a scalar function of one tensor.
    func gradient(_ x: Tensor, _ f: (Var) throws -> Var) throws -> [Double] {
        let tape = Tape()
        defer { tape.close() }
        let leaf = tape.leaf(x)
        let out = try f(.tracked(leaf))
        return tape.gradients(of: try #require(out.node))[leaf.index]?.data ?? []
    }

    @Test func logsumexpGradientAtHugeEqualEntries() throws {
        // ∂/∂xᵢ log Σ exp x = softmax(x)ᵢ = ½ for two equal entries (exact). torch.logsumexp's
        // backward, exp(x − lse), gives [1, 1] here because 1e300 + log 2 rounds to 1e300; so did
        // kls (issue 14). Shifting by the maximum first keeps the ½.
        #expect(try gradient(Tensor(vector: [1e300, 1e300])) { Var.logsumexp($0) } == [0.5, 0.5])
        #expect(Tensor(vector: [1e300, 1e300]).logsumexp() == 1e300)
    }

    @Test func logsumexpAlongAnAxisAtHugeEqualEntries() throws {
        // The same along axis 1 of [[1e300, 1e300], [0, 0]]: every gradient entry ½.
        let x = Tensor(shape: [2, 2], data: [1e300, 1e300, 0, 0])
        let layout = try AxisLayout(shape: [2, 2], axis: 1)
        #expect(try gradient(x) { Var.sum(try Var.along($0, .logsumexp, layout)) } == [0.5, 0.5, 0.5, 0.5])
    }

    @Test func softmaxImplicitAxisIsTorchs() throws {
        // torch.nn.functional._get_softmax_dim: 0 for ndim 0, 1 or 3, else 1 (issue 14: kls
        // normalised a matrix over all its elements). kls takes all elements of a vector.
        #expect(AxisLayout.implicitSoftmaxAxis(rank: 0) == nil)
        #expect(AxisLayout.implicitSoftmaxAxis(rank: 1) == nil)
        #expect(AxisLayout.implicitSoftmaxAxis(rank: 2) == 1)
        #expect(AxisLayout.implicitSoftmaxAxis(rank: 3) == 0)
        #expect(AxisLayout.implicitSoftmaxAxis(rank: 4) == 1)
        // torch.softmax(torch.tensor([[1., 2], [3, 5]], dtype=float64)) (implicit dim 1):
        // [[0.26894142136999516, 0.7310585786300049], [0.11920292202211755, 0.8807970779778823]]
        let layout = try AxisLayout(shape: [2, 2], axis: try #require(AxisLayout.implicitSoftmaxAxis(rank: 2)))
        let s = try Var.along(.constant(Tensor(shape: [2, 2], data: [1, 2, 3, 5])), .softmax, layout).value
        let torch = [0.26894142136999516, 0.7310585786300049, 0.11920292202211755, 0.8807970779778823]
        #expect(zip(s.data, torch).allSatisfy { abs($0 - $1) <= 2e-16 })
    }

    @Test func linspaceNeedsFiniteEnds() throws {
        // Issue 14: linspace(0, inf, 5) was [nan, inf, nan, nan, nan].
        #expect(throws: NumericError.self) { try Tensor.linspace(0, .infinity, 5) }
        #expect(throws: NumericError.self) { try Tensor.linspace(-.infinity, 0, 5) }
        #expect(throws: NumericError.self) { try Tensor.linspace(.nan, 0, 5) }
        // Ends whose difference overflows still give evenly spaced points (the step was inf).
        #expect(try Tensor.linspace(-1e308, 1e308, 5).data == [-1e308, -5e307, 0, 5e307, 1e308])
    }
}
