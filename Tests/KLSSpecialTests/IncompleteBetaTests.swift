import Foundation
import Testing
@testable import KLSSpecial

@Suite struct IncompleteBetaTests {
    /// Relative condition number of I_x(a, b) in x: x·pdf(x)/I (and the same for 1 − I).
    private func condition(_ a: Double, _ b: Double, _ x: Double, _ value: Double) -> Double {
        guard value > 0 else { return 0 }
        let logPdf = (a - 1) * log(x) + (b - 1) * Special.log1p(-x) - Special.lbeta(a, b)
        return x * exp(logPdf) / value
    }

    @Test func betaIncMatchesMpmathNearTheEndsAndForLargeShapes() {
        for row in Reference.incompleteBeta {
            let lower = Special.betaInc(row.a, row.b, row.x)
            let upper = Special.betaIncComplement(row.a, row.b, row.x)
            // Beyond 2e-14, allow what the rounding of x itself costs (its condition number).
            let lowerTolerance = 2e-14 + 4 * eps * condition(row.a, row.b, row.x, row.lower)
            let upperTolerance = 2e-14 + 4 * eps * condition(row.a, row.b, row.x, row.upper)
            #expect(relativeError(lower, row.lower) <= lowerTolerance, "I_\(row.x)(\(row.a), \(row.b)) = \(lower)")
            #expect(relativeError(upper, row.upper) <= upperTolerance, "1 − I_\(row.x)(\(row.a), \(row.b)) = \(upper)")
        }
    }

    @Test func betaIncSymmetry() {
        // I_x(a, b) = 1 − I_(1−x)(b, a), exactly the same computation mirrored.
        for (a, b, x) in [(2.0, 5.0, 0.125), (0.3, 40.0, 0.5), (1e3, 2e3, 0.25)] {
            #expect(Special.betaInc(a, b, x) == Special.betaIncComplement(b, a, 1 - x))
        }
    }

    @Test func betaIncClosedForms() {
        // I_x(1, 1) = x; I_x(a, 1) = xᵃ; I_x(1, b) = 1 − (1 − x)ᵇ.
        for x in [1e-300, 1e-9, 0.2, 0.5, 0.875] {
            #expect(relativeError(Special.betaInc(1, 1, x), x) <= 4 * eps)
            #expect(relativeError(Special.betaInc(3.5, 1, x), pow(x, 3.5)) <= 8 * eps)
            #expect(relativeError(Special.betaIncComplement(1, 7, x), pow(1 - x, 7)) <= 16 * eps)
        }
    }

    @Test func betaIncEdgeCases() {
        #expect(Special.betaInc(2, 3, 0) == 0)
        #expect(Special.betaInc(2, 3, 1) == 1)
        #expect(Special.betaInc(2, 3, -0.1).isNaN)
        #expect(Special.betaInc(2, 3, 1.5).isNaN)
        #expect(Special.betaInc(-1, 3, 0.5).isNaN)
        #expect(Special.betaInc(0, 3, 0.5) == 1)  // scipy.special.betainc(0, 3, 0.5) = 1
        #expect(Special.betaInc(3, 0, 0.5) == 0)  // scipy.special.betainc(3, 0, 0.5) = 0
        #expect(Special.betaInc(2, .infinity, 0.5) == 1)
        #expect(Special.betaInc(0, 0, 0.5).isNaN)
        #expect(Special.betaInc(2, 3, .nan).isNaN)
    }
}
