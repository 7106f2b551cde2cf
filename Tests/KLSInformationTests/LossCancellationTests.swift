import Testing
import KLSNumerics
@testable import KLSInformation

/// cross_entropy with huge logits, against torch 2.13 `F.cross_entropy` in float64: log-softmax
/// is taken as (x − max) − log Σ exp(x − max), so equal logits of 1e15 give log 2 (issue 14:
/// 0.75 at 1e15, 0 at 1e16, from the rounded lse − x).
@Suite struct LossCancellationTests {
    func value(_ v: Var) throws -> Double { try #require(v.scalar) }

    @Test func hugeEqualLogits() throws {
        // F.cross_entropy(tensor([1e15, 1e15]), tensor(0)) = 0.6931471805599453
        #expect(try value(Loss.crossEntropy(vector([1e15, 1e15]), scalar(0))) == 0.6931471805599453)
        #expect(try value(Loss.crossEntropy(vector([1e16, 1e16]), scalar(0))) == 0.6931471805599453)
        // … with label_smoothing=0.1: 0.6931471805599453
        #expect(try value(Loss.crossEntropy(vector([1e15, 1e15]), scalar(0), labelSmoothing: 0.1)) == 0.6931471805599453)
        // probability target [0.25, 0.75]: 0.6931471805599453
        #expect(try value(Loss.crossEntropy(vector([1e16, 1e16]), vector([0.25, 0.75]))) == 0.6931471805599453)
    }

    @Test func hugeLogitsGradient() throws {
        // F.cross_entropy([[1e16, 1e16], [3e16, -1e16]], [0, 1]) = 2e16, grad [[-0.25, 0.25], [0.5, -0.5]]
        let tape = Tape()
        defer { tape.close() }
        let leaf = tape.leaf(Tensor(shape: [2, 2], data: [1e16, 1e16, 3e16, -1e16]))
        let loss = try Loss.crossEntropy(.tracked(leaf), vector([0, 1]))
        #expect(try value(loss) == 2e16)
        #expect(tape.gradients(of: try #require(loss.node))[leaf.index]?.data == [-0.25, 0.25, 0.5, -0.5])
    }
}
