import Testing
import KLSNumerics
@testable import KLSInformation

/// Every function's reverse-mode gradient with respect to every input, against central finite
/// differences (relative 1e-6). The measures are checked through their unvalidated kernels,
/// since perturbing one probability moves the sum off 1; the public functions call the same
/// kernels (see the torch-figure tests for gradients through the validated entry points).
@Suite struct GradientFiniteDifferenceTests {
    let p = vectorTensor([0.1, 0.2, 0.3, 0.4])
    let q = vectorTensor([0.35, 0.15, 0.25, 0.25])
    let pm = matrixTensor([[0.5, 0.25, 0.25], [0.1, 0.6, 0.3]])
    let qm = matrixTensor([[0.25, 0.5, 0.25], [0.2, 0.2, 0.6]])

    @Test func entropyCrossEntropyKL() throws {
        for (a, b) in [(p, q), (pm, qm)] {
            try expectGradientsMatchFiniteDifferences([a]) { Information.entropyKernel($0[0], unit: .nats) }
            try expectGradientsMatchFiniteDifferences([a, b]) { Information.crossEntropyKernel($0[0], $0[1], unit: .bits) }
            try expectGradientsMatchFiniteDifferences([a, b]) { Information.klKernel($0[0], $0[1], unit: .nats) }
            try expectGradientsMatchFiniteDifferences([b, a]) { Information.klKernel($0[0], $0[1], unit: .bits) }
        }
    }

    @Test func jsChi2TV() throws {
        for (a, b) in [(p, q), (pm, qm)] {
            try expectGradientsMatchFiniteDifferences([a, b]) { Information.jsKernel($0[0], $0[1], unit: .nats) }
            try expectGradientsMatchFiniteDifferences([a, b]) { Information.chi2Kernel($0[0], $0[1]) }
            try expectGradientsMatchFiniteDifferences([a, b]) { Information.totalVariationKernel($0[0], $0[1]) }
        }
    }

    @Test func w1AndHellinger() throws {
        for (a, b) in [(p, q), (pm, qm)] {
            try expectGradientsMatchFiniteDifferences([a, b]) { Information.w1Kernel($0[0], $0[1]) }
            try expectGradientsMatchFiniteDifferences([a, b]) { Information.hellingerKernel($0[0], $0[1]) }
        }
    }

    @Test func mutualInformationAndSelfInformation() throws {
        let joint = matrixTensor([[0.1, 0.2], [0.05, 0.15], [0.3, 0.2]])
        try expectGradientsMatchFiniteDifferences([joint]) { Information.mutualInformationKernel($0[0], unit: .nats) }
        try expectGradientsMatchFiniteDifferences([joint]) { Information.mutualInformationKernel($0[0], unit: .bits) }
        try expectGradientsMatchFiniteDifferences([p]) { Information.informationKernel($0[0], unit: .bits) }
        try expectGradientsMatchFiniteDifferences([Tensor(scalar: 0.3)]) { Information.informationKernel($0[0], unit: .nats) }
    }

    @Test func klDivEveryReduction() throws {
        let input = matrixTensor([[-1.2, -0.8, -1.5], [-0.3, -2.0, -1.1]])
        let target = matrixTensor([[0.3, 0.5, 0.2], [0.6, 0.1, 0.4]])
        for reduction in LossReduction.allCases {
            try expectGradientsMatchFiniteDifferences([input, target]) {
                try Loss.klDiv($0[0], $0[1], reduction: reduction)
            }
            try expectGradientsMatchFiniteDifferences([input, input]) {
                try Loss.klDiv($0[0], $0[1], reduction: reduction, logTarget: true)
            }
        }
    }

    @Test func pointwiseLosses() throws {
        let a = matrixTensor([[1, 2, 3], [-1, 0.5, 2]]), b = matrixTensor([[1.5, 1.5, 4], [0.2, 0.1, 0.3]])
        for reduction in [LossReduction.none, .mean, .sum] {
            try expectGradientsMatchFiniteDifferences([a, b]) { try Loss.mseLoss($0[0], $0[1], reduction: reduction) }
            try expectGradientsMatchFiniteDifferences([a, b]) { try Loss.l1Loss($0[0], $0[1], reduction: reduction) }
            try expectGradientsMatchFiniteDifferences([vectorTensor([0.3, 0.9, 0.5]), vectorTensor([0.9, 0.2, 0.5])]) {
                try Loss.binaryCrossEntropy($0[0], $0[1], reduction: reduction)
            }
        }
    }

    @Test func cosineSimilarity() throws {
        let a = matrixTensor([[1, 2, 3], [-1, 0.5, 2]]), b = matrixTensor([[2, -1, 0.5], [3, 1, -2]])
        try expectGradientsMatchFiniteDifferences([a, b]) { try Loss.cosineSimilarity($0[0], $0[1]) }
        try expectGradientsMatchFiniteDifferences([a, vectorTensor([2, -1, 0.5])]) { try Loss.cosineSimilarity($0[0], $0[1]) }
        try expectGradientsMatchFiniteDifferences([vectorTensor([1, 2, 3]), vectorTensor([2, -1, 0.5])]) {
            try Loss.cosineSimilarity($0[0], $0[1])
        }
    }

    @Test func classificationLosses() throws {
        let logits = matrixTensor([[2, 0.5, -1], [0.1, 0.2, 0.3], [-3, 4, 1]])
        let classes = vector([0, 2, 1])
        let probabilities = matrixTensor([[0.2, 0.5, 0.3], [1, 0, 0], [0.1, 0.1, 0.8]])
        for reduction in [LossReduction.none, .mean, .sum] {
            for smoothing in [0, 0.15] {
                try expectGradientsMatchFiniteDifferences([logits]) {
                    try Loss.crossEntropy($0[0], classes, reduction: reduction, labelSmoothing: smoothing)
                }
                try expectGradientsMatchFiniteDifferences([logits, probabilities]) {
                    try Loss.crossEntropy($0[0], $0[1], reduction: reduction, labelSmoothing: smoothing)
                }
            }
            try expectGradientsMatchFiniteDifferences([logits]) { try Loss.nllLoss($0[0], classes, reduction: reduction) }
        }
        try expectGradientsMatchFiniteDifferences([vectorTensor([2, 0.5, -1])]) {
            try Loss.crossEntropy($0[0], scalar(1), labelSmoothing: 0.2)
        }
        try expectGradientsMatchFiniteDifferences([vectorTensor([2, 0.5, -1]), vectorTensor([0.2, 0.5, 0.3])]) {
            try Loss.crossEntropy($0[0], $0[1])
        }
    }
}
