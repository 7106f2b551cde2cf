import Testing
import KLSNumerics
@testable import KLSInformation

/// Figures from torch 2.15 `torch.nn.functional` in float64 (torch.set_default_dtype(torch.float64)).
@Suite struct LossTorchTests {
    func value(_ v: Var) throws -> Double { try #require(v.scalar) }

    // X, Y of F.kl_div(X, Y, reduction=…)
    let x = matrix([[-1.2, -0.8, -1.5], [-0.3, -2.0, -1.1]])
    let y = matrix([[0.3, 0.5, 0.2], [0.6, 0.0, 0.4]])

    @Test func klDivOnAMatrix() throws {
        #expect(near(try value(Loss.klDiv(x, y)), -0.003777446845638318))
        #expect(near(try value(Loss.klDiv(x, y, reduction: .sum)), -0.022664681073829906))
        #expect(near(try value(Loss.klDiv(x, y, reduction: .batchmean)), -0.011332340536914953))
        let none = try Loss.klDiv(x, y, reduction: .none)
        #expect(none.value.shape == [2, 3])
        #expect(near(none.value.data, [-0.0011918412977808268, 0.05342640972002738, -0.021887582486820045,
                                       -0.12649537425959445, 0.0, 0.07348370725033804]))
        // F.kl_div(X, [[-0.5,-1,-2],[-1.5,-0.2,-0.9]], reduction='sum', log_target=True)
        let logT = matrix([[-0.5, -1.0, -2.0], [-1.5, -0.2, -0.9]])
        #expect(near(try value(Loss.klDiv(x, logT, reduction: .sum, logTarget: true)), 1.5706010272566198))
    }

    @Test func klDivEdgeCases() throws {
        // F.kl_div(tensor(-1.), tensor(0.5), reduction='batchmean'): no division for a scalar
        #expect(near(try value(Loss.klDiv(scalar(-1), scalar(0.5), reduction: .batchmean)), 0.15342640972002736))
        // F.kl_div([-inf, -1], [0, 1], reduction='none') = [nan, 1]: 0·(−inf) is nan in torch
        let edge = try Loss.klDiv(vector([-.infinity, -1]), vector([0, 1]), reduction: .none)
        #expect(edge.value.data[0].isNaN && edge.value.data[1] == 1)
    }

    @Test func mseAndL1() throws {
        let a = matrix([[1, 2, 3], [-1, 0.5, 2]]), b = matrix([[1.5, 1.5, 4], [0, 0, 0]])
        #expect(near(try value(Loss.mseLoss(a, b)), 1.125))
        #expect(near(try value(Loss.mseLoss(a, b, reduction: .sum)), 6.75))
        #expect(near(try Loss.mseLoss(a, b, reduction: .none).value.data, [0.25, 0.25, 1, 1, 0.25, 4]))
        #expect(near(try value(Loss.l1Loss(a, b)), 0.9166666666666666))
        #expect(near(try value(Loss.l1Loss(a, b, reduction: .sum)), 5.5))
        #expect(near(try Loss.l1Loss(a, b, reduction: .none).value.data, [0.5, 0.5, 1, 1, 0.5, 2]))
        #expect(try Loss.l1Loss(a, b, reduction: .none).value.shape == [2, 3])
    }

    @Test func cosineSimilarityShapes() throws {
        let a = matrix([[1, 2, 3], [-1, 0.5, 2], [0, 0, 0]]), b = matrix([[2, -1, 0.5], [3, 1, -2], [1, 1, 1]])
        // F.cosine_similarity(A, B, dim=1) and F.cosine_similarity(A, [2,-1,0.5], dim=1)
        let rows = try Loss.cosineSimilarity(a, b)
        #expect(rows.value.shape == [3])
        #expect(near(rows.value.data, [0.1749635530559413, -0.7581753965757456, 0]))
        let paired = try Loss.cosineSimilarity(a, vector([2, -1, 0.5]))
        #expect(near(paired.value.data, [0.1749635530559413, -0.2857142857142857, 0]))
        #expect(near(try Loss.cosineSimilarity(vector([2, -1, 0.5]), a).value.data,
                     [0.1749635530559413, -0.2857142857142857, 0]))
        // each norm clamped to eps separately: F.cosine_similarity([1e-9,0],[1e-9,0],dim=0) = 0.01
        #expect(near(try value(Loss.cosineSimilarity(vector([1e-9, 0]), vector([1e-9, 0]))), 0.010000000000000002))
        // F.cosine_similarity([1e-3,2e-3],[3,1],dim=0,eps=0.1)
        #expect(near(try value(Loss.cosineSimilarity(vector([1e-3, 2e-3]), vector([3, 1]), eps: 0.1)), 0.015811388300841896))
    }

    // L, t of F.cross_entropy(L, t, …)
    let logits = matrix([[2, 0.5, -1], [0.1, 0.2, 0.3], [-3, 4, 1]])
    let classes = vector([0, 2, 1])
    let probabilities = matrix([[0.2, 0.5, 0.3], [1, 0, 0], [0.1, 0.1, 0.8]])

    @Test func crossEntropyWithClassIndices() throws {
        #expect(near(try value(Loss.crossEntropy(logits, classes)), 0.430903251527349))
        #expect(near(try value(Loss.crossEntropy(logits, classes, reduction: .sum)), 1.292709754582047))
        #expect(near(try Loss.crossEntropy(logits, classes, reduction: .none).value.data,
                     [0.24131129665715703, 1.001942848229244, 0.049455609695645726]))
        // label_smoothing=0.1
        #expect(near(try value(Loss.crossEntropy(logits, classes, labelSmoothing: 0.1)), 0.5953476959717935))
        #expect(near(try value(Loss.crossEntropy(logits, classes, reduction: .sum, labelSmoothing: 0.1)), 1.7860430879153804))
        #expect(near(try Loss.crossEntropy(logits, classes, reduction: .none, labelSmoothing: 0.1).value.data,
                     [0.391311296657157, 1.011942848229244, 0.3827889430289791]))
        // one sample: F.cross_entropy([2,0.5,-1], tensor(1), label_smoothing=0.2), and reduction='none'
        #expect(near(try value(Loss.crossEntropy(vector([2, 0.5, -1]), scalar(1), labelSmoothing: 0.2)), 1.7413112966571571))
        let single = try Loss.crossEntropy(vector([2, 0.5, -1]), scalar(1), reduction: .none)
        #expect(single.value.shape == [] && near(single.value.data, [1.7413112966571571]))
        // stable for huge logits: F.cross_entropy([1000, 0, -1000], tensor(1)) = 1000
        #expect(near(try value(Loss.crossEntropy(vector([1000, 0, -1000]), scalar(1))), 1000))
    }

    @Test func crossEntropyWithProbabilities() throws {
        #expect(near(try value(Loss.crossEntropy(logits, probabilities)), 2.080903251527349))
        #expect(near(try value(Loss.crossEntropy(logits, probabilities, reduction: .sum)), 6.242709754582047))
        #expect(near(try Loss.crossEntropy(logits, probabilities, reduction: .none).value.data,
                     [1.891311296657157, 1.201942848229244, 3.149455609695646]))
        #expect(near(try value(Loss.crossEntropy(logits, probabilities, labelSmoothing: 0.2)), 2.079792140416238))
        #expect(near(try value(Loss.crossEntropy(logits, probabilities, reduction: .sum, labelSmoothing: 0.2)), 6.239376421248714))
        #expect(near(try Loss.crossEntropy(logits, probabilities, reduction: .none, labelSmoothing: 0.2).value.data,
                     [1.8613112966571572, 1.181942848229244, 3.1961222763623125]))
        // one sample: F.cross_entropy([2,0.5,-1], [0.2,0.5,0.3])
        #expect(near(try value(Loss.crossEntropy(vector([2, 0.5, -1]), vector([0.2, 0.5, 0.3]))), 1.891311296657157))
        // 0·(−inf) is nan, as torch: F.cross_entropy([[1,2],[3,-inf]], [[0.5,0.5],[1,0]])
        #expect(try value(Loss.crossEntropy(matrix([[1, 2], [3, -.infinity]]), matrix([[0.5, 0.5], [1, 0]]))).isNaN)
    }

    @Test func nllLoss() throws {
        let logp = try Var.binary(.sub, logits, .constant(Tensor(shape: [3, 1], data: [
            Tensor(vector: [2, 0.5, -1]).logsumexp(), Tensor(vector: [0.1, 0.2, 0.3]).logsumexp(),
            Tensor(vector: [-3, 4, 1]).logsumexp()])))
        // F.nll_loss(F.log_softmax(L, 1), t, reduction=…)
        #expect(near(try value(Loss.nllLoss(logp, classes)), 0.430903251527349))
        #expect(near(try value(Loss.nllLoss(logp, classes, reduction: .sum)), 1.292709754582047))
        #expect(near(try Loss.nllLoss(logp, classes, reduction: .none).value.data,
                     [0.24131129665715703, 1.001942848229244, 0.049455609695645726]))
    }

    @Test func binaryCrossEntropy() throws {
        let p = vector([0.3, 0.9, 0.5, 1e-50]), t = vector([1, 0, 0.5, 0])
        #expect(near(try value(Loss.binaryCrossEntropy(p, t)), 1.0499262694699818))
        #expect(near(try value(Loss.binaryCrossEntropy(p, t, reduction: .sum)), 4.199705077879927))
        #expect(near(try Loss.binaryCrossEntropy(p, t, reduction: .none).value.data,
                     [1.2039728043259361, 2.302585092994046, 0.6931471805599453, 1e-50]))
        // logs clamped at −100: F.binary_cross_entropy([0, 1], [1, 0], reduction='none') = [100, 100]
        #expect(near(try Loss.binaryCrossEntropy(vector([0, 1]), vector([1, 0]), reduction: .none).value.data, [100, 100]))
    }
}
