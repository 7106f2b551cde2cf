import Foundation
import Testing
import KLSNumerics
@testable import KLSInformation

/// `BinaryCrossEntropy.terms` takes one logarithm where the target is exactly 1 or 0; these
/// shortcuts must give torch's full formula `term(p, t)` bit for bit, signed zeros included.
struct BinaryCrossEntropyTests {
    /// Probabilities at and near every edge of [0, 1]: both zeros, the least subnormal, values
    /// whose log is clamped at −100 (e^−100 ≈ 3.7e-44), the neighbours of 1, 1 itself.
    static let edges: [Double] = [0, -0.0, .leastNonzeroMagnitude, Double.leastNormalMagnitude / 3, 1e-300, 1e-44, 3.7e-44, 1e-17,
                                  0.25, 0.5, 0.7310585786300049, 1 - 1e-12, (1.0).nextDown, 1]

    static var probabilities: [Double] {
        var state: UInt64 = 7
        let random = (0..<2000).map { _ -> Double in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        return edges + random
    }

    @Test(arguments: [0.0, 1.0])
    func oneLogarithmForALabelIsTheFullFormula(_ t: Double) {
        let p = Self.probabilities
        let got = BinaryCrossEntropy.terms(p, [Double](repeating: t, count: p.count))
        for (pi, gi) in zip(p, got) {
            let want = BinaryCrossEntropy.term(pi, t)
            #expect(gi.bitPattern == want.bitPattern, "p = \(pi), t = \(t): \(gi) vs \(want)")
        }
    }

    /// Other targets take the full formula; −0 as a target is the label 0.
    @Test func otherTargetsAndNegativeZero() {
        let p = [0.3, 0.999999, 1e-50, 0, 0.5]
        let t = [0.25, 0.5, 0.5, 0.75, -0.0]
        let got = BinaryCrossEntropy.terms(p, t)
        for i in p.indices { #expect(got[i].bitPattern == BinaryCrossEntropy.term(p[i], t[i]).bitPattern) }
        // torch: F.binary_cross_entropy(torch.tensor([0.]), torch.tensor([1.]), reduction="none") → [100.]
        #expect(BinaryCrossEntropy.terms([0, 1], [1, 0]) == [100, 100])
    }
}
