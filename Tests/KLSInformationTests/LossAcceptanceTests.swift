import Testing
import KLSNumerics
@testable import KLSInformation

/// The figures of /work/shared/acceptance/losses_torch.kls (oracle: torch.nn.functional in
/// float64; for a 1-D input torch's 'batchmean' divides the sum by the vector's length).
@Suite struct LossAcceptanceTests {
    let input = vector([-1.2, -0.8, -1.5])
    let target = vector([0.3, 0.5, 0.2])

    func value(_ v: Var) throws -> Double { try #require(v.scalar) }

    @Test func klDivReductions() throws {
        #expect(near(try value(Loss.klDiv(input, target)), 0.010115661978475502))
        #expect(near(try value(Loss.klDiv(input, target, reduction: .mean)), 0.010115661978475502))
        #expect(near(try value(Loss.klDiv(input, target, reduction: .sum)), 0.030346985935426507))
        #expect(near(try value(Loss.klDiv(input, target, reduction: .batchmean)), 0.010115661978475502))
        let logTarget = Var.unary(.log, target)
        #expect(near(try value(Loss.klDiv(input, logTarget, logTarget: true)), 0.010115661978475491))
        #expect(near(try value(Loss.klDiv(input, vector([0, 0.6, 0.4]))), 0.1356627776635812))
    }

    @Test func otherLosses() throws {
        #expect(near(try value(Loss.mseLoss(vector([1, 2, 3]), vector([1.5, 1.5, 4]))), 0.5))
        #expect(near(try value(Loss.mseLoss(vector([1, 2, 3]), vector([1.5, 1.5, 4]), reduction: .sum)), 1.5))
        #expect(near(try value(Loss.cosineSimilarity(vector([1, 2, 3]), vector([2, -1, 0.5]))), 0.1749635530559413))
        #expect(near(try value(Loss.crossEntropy(vector([2, 0.5, -1]), scalar(0))), 0.24131129665715703))
        #expect(near(try value(Loss.crossEntropy(vector([2, 0.5, -1]), scalar(2))), 3.241311296657157))
        #expect(near(try value(Loss.nllLoss(vector([-0.5, -1.2, -2.3]), scalar(1))), 1.2))
    }
}
