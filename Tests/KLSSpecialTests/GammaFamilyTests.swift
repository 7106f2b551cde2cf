import Foundation
import Testing
@testable import KLSSpecial

@Suite struct GammaFamilyTests {
    @Test func digammaMatchesMpmathAroundRootsAndOnTheNegativeAxis() {
        for (x, expected) in Reference.digamma {
            // Away from the first negative root, ψ near its other zeros is only
            // absolutely accurate; the table's negative points are not near those zeros.
            #expect(relativeError(Special.digamma(x), expected) <= 8 * eps, "digamma(\(x))")
        }
    }

    @Test func digammaKeepsRelativeAccuracyAtTheDoublesNearestItsRoots() {
        // mpmath.digamma(mpf(1.4616321449683622)) = -9.2412655217294275e-17
        #expect(relativeError(Special.digamma(1.4616321449683622), -9.241265521729428e-17) <= 1e-13)
        // mpmath.digamma(mpf(-0.5040830082644554)) = 7.2897639029768949e-17
        #expect(relativeError(Special.digamma(-0.5040830082644554), 7.289763902976895e-17) <= 1e-13)
    }

    @Test func digammaPolesAndLimits() {
        #expect(Special.digamma(0) == -.infinity)
        #expect(Special.digamma(-0.0) == .infinity)
        #expect(Special.digamma(-3).isNaN)
        #expect(Special.digamma(.infinity) == .infinity)
        #expect(Special.digamma(-.infinity).isNaN)
        #expect(Special.digamma(.nan).isNaN)
    }

    @Test func trigammaMatchesMpmath() {
        for (x, expected) in Reference.trigamma {
            #expect(relativeError(Special.trigamma(x), expected) <= 8 * eps, "trigamma(\(x))")
        }
    }

    @Test func trigammaPolesAndLimits() {
        #expect(Special.trigamma(0) == .infinity)
        #expect(Special.trigamma(-2) == .infinity)
        #expect(Special.trigamma(.infinity) == 0)
        #expect(Special.trigamma(-.infinity).isNaN)
    }

    @Test func lgammaAndGammaMatchMpmath() {
        for (x, expected) in Reference.lgamma {
            #expect(abs(Special.lgamma(x) - expected) <= 4 * eps * max(1, abs(expected)), "lgamma(\(x))")
        }
        // mpmath.gamma(4.5) = 11.631728396567448929…
        #expect(relativeError(Special.gamma(4.5), 11.631728396567449) <= 2 * eps)
        #expect(Special.lgamma(0) == .infinity)
        #expect(Special.gamma(-1).isNaN)
    }

    @Test func lbetaMatchesMpmathForSmallAndHugeShapes() {
        for (a, b, expected) in Reference.lbeta {
            let tolerance = 8 * eps * max(1, abs(expected))
            #expect(abs(Special.lbeta(a, b) - expected) <= tolerance, "lbeta(\(a), \(b))")
            #expect(Special.lbeta(a, b) == Special.lbeta(b, a))
        }
        #expect(Special.lbeta(0, 2) == .infinity)
        #expect(Special.lbeta(-1, 2).isNaN)
    }

    @Test func incompleteGammaMatchesMpmathForSmallAndLargeShapes() {
        for row in Reference.incompleteGamma {
            let p = Special.gammaP(row.a, row.x)
            let q = Special.gammaQ(row.a, row.x)
            // Tails of size e^(−m) are conditioned like m·ε; allow for it.
            let tolerance = 1e-14 + 4 * eps * abs(row.x - row.a)
            #expect(relativeError(p, row.p) <= tolerance, "P(\(row.a), \(row.x)) = \(p)")
            #expect(relativeError(q, row.q) <= tolerance, "Q(\(row.a), \(row.x)) = \(q)")
        }
    }

    @Test func incompleteGammaEdgeCases() {
        #expect(Special.gammaP(2, 0) == 0)
        #expect(Special.gammaQ(2, 0) == 1)
        #expect(Special.gammaP(2, .infinity) == 1)
        #expect(Special.gammaP(0, 1) == 1)  // scipy.special.gammainc(0, 1) = 1
        #expect(Special.gammaP(0, 0).isNaN)
        #expect(Special.gammaP(-1, 1).isNaN)
        #expect(Special.gammaP(1, -1).isNaN)
        #expect(Special.gammaQ(.infinity, 5) == 1)
    }

    @Test func incompleteGammaMatchesClosedFormForExponential() {
        // P(1, x) = 1 − e^(−x); Q(1, x) = e^(−x), whose condition number is x.
        for x in [1e-12, 1e-3, 0.5, 3.0, 40.0, 700.0] {
            let tolerance = 8 * eps * max(1, x)
            #expect(relativeError(Special.gammaQ(1, x), exp(-x)) <= tolerance, "Q(1, \(x))")
            #expect(relativeError(Special.gammaP(1, x), -Special.expm1(-x)) <= tolerance, "P(1, \(x))")
        }
    }
}
