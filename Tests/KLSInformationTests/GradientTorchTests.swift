import Testing
import KLSNumerics
@testable import KLSInformation

/// Gradients compared with torch 2.15 autograd in float64 (`.sum().backward()` on the output).
/// For the measures the torch expression is given in each comment (xl = torch.xlogy); nan
/// marks where torch's xlogy rule gives 0/0, at probabilities that are exactly 0.
@Suite struct GradientTorchTests {
    let pz = vectorTensor([0.5, 0.5, 0])
    let qz = vectorTensor([0.25, 0.25, 0.5])
    let nan = Double.nan, inf = Double.infinity

    @Test func entropyAndCrossEntropy() throws {
        // -xl(p, p).sum()
        try expectGradients([pz], { try Information.entropy($0[0]) },
                            equal: [[-0.3068528194400547, -0.3068528194400547, nan]])
        // -xl(p, p).sum() / log(2) at [0.1, 0.2, 0.3, 0.4]
        try expectGradients([vectorTensor([0.1, 0.2, 0.3, 0.4])], { try Information.entropy($0[0], base: 2) },
                            equal: [[1.8792330539983988, 0.8792330539983988, 0.29427055327724294, -0.1207669460016012]])
        // -xl(p, q).sum()
        try expectGradients([pz, qz], { try Information.crossEntropy($0[0], $0[1]) },
                            equal: [[1.3862943611198906, 1.3862943611198906, 0.6931471805599453], [-2, -2, -0.0]])
        // -xl(p, q).sum() with q = 0 < p: value inf
        try expectGradients([pz, vectorTensor([0.5, 0, 0.5])], { try Information.crossEntropy($0[0], $0[1]) },
                            equal: [[0.6931471805599453, inf, 0.6931471805599453], [-1, -inf, -0.0]])
    }

    @Test func klAndJS() throws {
        // (xl(p, p) - xl(p, q)).sum()
        try expectGradients([pz, qz], { try Information.kl($0[0], $0[1]) },
                            equal: [[1.6931471805599454, 1.6931471805599454, nan], [-2, -2, -0.0]])
        try expectGradients([pz, pz], { try Information.kl($0[0], $0[1]) },
                            equal: [[1, 1, nan], [-1, -1, nan]])
        // m = (p+q)/2; (0.5*(xl(p,p)-xl(p,m)) + 0.5*(xl(q,q)-xl(q,m))).sum()
        try expectGradients([pz, qz], { try Information.js($0[0], $0[1]) },
                            equal: [[0.1438410362258904, 0.1438410362258904, nan],
                                    [-0.2027325540540822, -0.2027325540540822, 0.3465735902799727]])
        try expectGradients([vectorTensor([0.1, 0.2, 0.3, 0.4]), vectorTensor([0.25, 0.25, 0.25, 0.25])],
                            { try Information.js($0[0], $0[1]) },
                            equal: [[-0.2798078939677112, -0.058891517828191686, 0.04350568849481473, 0.1038196823891222],
                                    [0.17833747196936622, 0.05268025782891317, -0.047655089902162495, -0.13118213223374553]])
    }

    @Test func distances() throws {
        // torch.sqrt(0.5*((torch.sqrt(p)-torch.sqrt(q))**2).sum())
        try expectGradients([pz, qz], { try Information.hellinger($0[0], $0[1]) },
                            equal: [[0.13529902503654923, 0.13529902503654923, -inf],
                                    [-0.19134171618254484, -0.19134171618254484, 0.4619397662556434]])
        // 0.5*(p-q).abs().sum()
        try expectGradients([vectorTensor([0.5, 0.25, 0.25]), vectorTensor([0.25, 0.5, 0.25])],
                            { try Information.totalVariation($0[0], $0[1]) },
                            equal: [[0.5, -0.5, 0], [-0.5, 0.5, 0]])
        // ((p-q)**2/q).sum()
        let p = vectorTensor([0.1, 0.2, 0.3, 0.4]), q = vectorTensor([0.25, 0.25, 0.25, 0.25])
        try expectGradients([p, q], { try Information.chi2($0[0], $0[1]) },
                            equal: [[-1.2, -0.3999999999999999, 0.3999999999999999, 1.2000000000000002],
                                    [0.84, 0.35999999999999993, -0.4399999999999999, -1.5600000000000003]])
        // (torch.cumsum(p,0)-torch.cumsum(q,0))[:-1].abs().sum()
        try expectGradients([p, q], { try Information.w1($0[0], $0[1]) },
                            equal: [[-3, -2, -1, 0], [3, 2, 1, 0]])
    }

    @Test func mutualInformation() throws {
        // a, b = J.sum(1), J.sum(0); (xl(J, J) - xl(J, torch.outer(a, b))).sum()
        try expectGradients([matrixTensor([[0.3, 0.2], [0.1, 0.4]])], { try Information.mutualInformation($0[0]) },
                            equal: [[-0.5945348918918357, -1.4054651081081644, -1.693147180559945, -0.7123179275482192]])
        try expectGradients([matrixTensor([[0.5, 0], [0, 0.5]])], { try Information.mutualInformation($0[0]) },
                            equal: [[-0.3068528194400546, nan, nan, -0.3068528194400546]])
        // a row without mass makes torch's whole gradient nan (0/0 in the product's rule)
        try expectGradients([matrixTensor([[0.5, 0.5], [0, 0]])], { try Information.mutualInformation($0[0]) },
                            equal: [[nan, nan, nan, nan]])
    }

    @Test func klDiv() throws {
        let x = matrixTensor([[-1.2, -0.8, -1.5], [-0.3, -2.0, -1.1]])
        let y = matrixTensor([[0.3, 0.5, 0.2], [0.6, 0.0, 0.4]])
        // F.kl_div(X, Y, reduction=…); target 0 gives a nan target gradient in torch
        let sumTargetGrad = [0.9960271956740638, 1.1068528194400549, 0.8905620875658997, 0.7891743762340093, nan, 1.183709268125845]
        try expectGradients([x, y], { try Loss.klDiv($0[0], $0[1]) },
                            equal: [[-0.049999999999999996, -0.08333333333333333, -0.03333333333333333,
                                     -0.09999999999999999, -0.0, -0.06666666666666667],
                                    [0.16600453261234396, 0.1844754699066758, 0.14842701459431665,
                                     0.1315290627056682, nan, 0.1972848780209742]])
        try expectGradients([x, y], { try Loss.klDiv($0[0], $0[1], reduction: .sum) },
                            equal: [[-0.3, -0.5, -0.2, -0.6, -0.0, -0.4], sumTargetGrad])
        try expectGradients([x, y], { try Loss.klDiv($0[0], $0[1], reduction: .none) },
                            equal: [[-0.3, -0.5, -0.2, -0.6, -0.0, -0.4], sumTargetGrad])
        try expectGradients([x, y], { try Loss.klDiv($0[0], $0[1], reduction: .batchmean) },
                            equal: [[-0.15, -0.25, -0.1, -0.3, -0.0, -0.2], sumTargetGrad.map { $0 / 2 }])
        // F.kl_div(X, T, reduction='mean', log_target=True)
        try expectGradients([x, matrixTensor([[-0.5, -1.0, -2.0], [-1.5, -0.2, -0.9]])],
                            { try Loss.klDiv($0[0], $0[1], logTarget: true) },
                            equal: [[-0.1010884432854389, -0.061313240195240384, -0.022555880539435448,
                                     -0.0371883600247383, -0.13645512551299696, -0.06776160995676651],
                                    [0.17185035358524614, 0.04905059215619231, 0.011277940269717724,
                                     -0.00743767200494766, 0.38207435143639146, 0.08131393194811982]])
    }

    @Test func cosineSimilarity() throws {
        let a = matrixTensor([[1, 2, 3], [-1, 0.5, 2], [0, 0, 0]]), b = matrixTensor([[2, -1, 0.5], [3, 1, -2], [1, 1, 1]])
        // F.cosine_similarity(A, B, dim=1): the zero row's gradient is b/(eps·‖b‖)
        try expectGradients([a, b], { try Loss.cosineSimilarity($0[0], $0[1]) },
                            equal: [[0.2207873407610688, -0.14163716199766677, 0.02082899441142158,
                                     0.2055127448593596, 0.18884954933022235, 0.05554398509712424,
                                     57735026.91896258, 57735026.91896258, 57735026.91896258],
                                    [0.04998958658741179, 0.2666111284661963, 0.33326391058274535,
                                     0.0458237877051275, 0.11247656982167656, 0.1249739664685295, 0, 0, 0]], tol: 1e-11)
        // F.cosine_similarity(A, v, dim=1): the vector's gradient sums over rows
        try expectGradients([a, vectorTensor([2, -1, 0.5])], { try Loss.cosineSimilarity($0[0], $0[1]) },
                            equal: [[0.2207873407610688, -0.14163716199766677, 0.02082899441142158,
                                     0.326530612244898, -0.163265306122449, 0.20408163265306123,
                                     87287156.09439695, -43643578.047198474, 21821789.023599237],
                                    [-0.03164306647381271, 0.3074274549968085, 0.7414271758888678]], tol: 1e-11)
        // a clamped norm: the gradient still flows through ‖a‖ (clamp under no_grad)
        try expectGradients([vectorTensor([1e-9, 2e-9]), vectorTensor([3, 1])], { try Loss.cosineSimilarity($0[0], $0[1]) },
                            equal: [[87797261.9931859, 17480640.977952838], [-0.015811388300841903, 0.04743416490252568]],
                            tol: 1e-11)
    }

    @Test func classificationLosses() throws {
        let logits = matrixTensor([[2, 0.5, -1], [0.1, 0.2, 0.3], [-3, 4, 1]])
        let probabilities = matrixTensor([[0.2, 0.5, 0.3], [1, 0, 0], [0.1, 0.1, 0.8]])
        // F.cross_entropy(L, tensor([0,2,1]), label_smoothing=0.1)
        try expectGradients([logits], { try Loss.crossEntropy($0[0], vector([0, 2, 1]), labelSmoothing: 0.1) },
                            equal: [[-0.04924543291468579, 0.04731901960223446, 0.001926413312451373,
                                     0.08909209067413133, 0.09963055340000466, -0.18872264407413597,
                                     -0.01082181734614791, 0.006138024074145023, 0.00468379327200295]])
        // F.cross_entropy(L, P, label_smoothing=0.2)
        try expectGradients([logits, probabilities], { try Loss.crossEntropy($0[0], $0[1], labelSmoothing: 0.2) },
                            equal: [[0.1863101226408697, -0.09712542484221, -0.08918469779865973,
                                     -0.18868568710364644, 0.08851944228889354, 0.10016624481475292,
                                     -0.048599595123925685, 0.26836024629636723, -0.2197606511724415],
                                    [0.06434967910857521, 0.4643496791085753, 0.8643496791085753,
                                     0.32051809286113175, 0.2938514261944651, 0.2671847595277984,
                                     1.8798548292521724, 0.013188162585505526, 0.8131881625855055]])
        // F.cross_entropy(L, P, reduction='none')
        try expectGradients([logits, probabilities], { try Loss.crossEntropy($0[0], $0[1], reduction: .none) },
                            equal: [[0.5855970345892758, -0.3247096078599633, -0.26088742672931253,
                                     -0.6993903946442727, 0.33222499353334733, 0.3671654011109255,
                                     -0.0991321187051104, 0.8517474055557683, -0.7526152868506578],
                                    [0.24131129665715703, 1.7413112966571571, 3.241311296657157,
                                     1.201942848229244, 1.101942848229244, 1.001942848229244,
                                     7.049455609695646, 0.049455609695645726, 3.0494556096956456]])
        // F.nll_loss(L, tensor([0,2,1]), reduction='sum')
        try expectGradients([logits], { try Loss.nllLoss($0[0], vector([0, 2, 1]), reduction: .sum) },
                            equal: [[-1, 0, 0, 0, 0, -1, 0, -1, 0]])
    }

    @Test func pointwiseLosses() throws {
        // F.binary_cross_entropy([0.3,0.9,0.5], [1,0,0.5])
        try expectGradients([vectorTensor([0.3, 0.9, 0.5]), vectorTensor([1, 0, 0.5])],
                            { try Loss.binaryCrossEntropy($0[0], $0[1]) },
                            equal: [[-1.111111111111111, 3.333333333333334, 0],
                                    [0.28243262012906784, -0.7324081924454066, -0.0]])
        // F.binary_cross_entropy(p, y, reduction='sum') at p = [0.3, 0.999999, 1e-50, 0], y = [1, 0, 0.5, 1]:
        // torch's clamp is float32(1e-12) = 9.999999960041972e-13
        try expectGradients([vectorTensor([0.3, 0.999999, 1e-50, 0]), vectorTensor([1, 0, 0.5, 1])],
                            { try Loss.binaryCrossEntropy($0[0], $0[1], reduction: .sum) },
                            equal: [[-3.333333333333333, 999999.9999712443, -500000001997.9014, -1000000003995.8029],
                                    [0.8472978603872036, -13.815509557935018, 115.12925464970229, inf]], tol: 1e-12)
        // F.mse_loss([1,2,3], [1.5,1.5,4]); F.l1_loss([1,2,3], [1.5,2,4], reduction='sum')
        try expectGradients([vectorTensor([1, 2, 3]), vectorTensor([1.5, 1.5, 4])], { try Loss.mseLoss($0[0], $0[1]) },
                            equal: [[-0.3333333333333333, 0.3333333333333333, -0.6666666666666666],
                                    [0.3333333333333333, -0.3333333333333333, 0.6666666666666666]])
        try expectGradients([vectorTensor([1, 2, 3]), vectorTensor([1.5, 2, 4])],
                            { try Loss.l1Loss($0[0], $0[1], reduction: .sum) },
                            equal: [[-1, 0, -1], [1, 0, 1]])
    }
}
