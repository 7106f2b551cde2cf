import Foundation
import Testing
@testable import KLSSpecial

@Suite struct ElementaryTests {
    @Test func libmWrappersMatchMpmath() {
        // mpmath.erf(0.5), mpmath.erfc(10), mpmath.log1p(1e-20), mpmath.expm1(1e-10)
        #expect(relativeError(Special.erf(0.5), 0.5204998778130465) <= 2 * eps)
        #expect(relativeError(Special.erfc(10), 2.088487583762545e-45) <= 4 * eps)
        #expect(Special.log1p(1e-20) == 1e-20)
        #expect(relativeError(Special.expm1(1e-10), 1.00000000005e-10) <= 2 * eps)
    }

    @Test func log1pexpIsStableAtBothEnds() {
        // mpmath.log1p(mpmath.exp(x)) for x = -800, -40, 0, 20, 30, 800
        let cases: [(Double, Double)] = [
            (-800, 0), (-40, 4.248354255291589e-18), (0, 0.6931471805599453),
            (20, 20.000000002061153), (30, 30.000000000000092), (800, 800),
        ]
        for (x, expected) in cases {
            #expect(relativeError(Special.log1pexp(x), expected) <= 2 * eps, "log1pexp(\(x))")
        }
    }

    @Test func logAddExpHandlesInfinitiesAndLargeArguments() {
        // mpmath.log(mpmath.exp(1000) + mpmath.exp(999)) = 1000.3132616875182
        #expect(relativeError(Special.logAddExp(1000, 999), 1000.3132616875182) <= eps)
        #expect(Special.logAddExp(-.infinity, -.infinity) == -.infinity)
        #expect(Special.logAddExp(-.infinity, 2) == 2)
        #expect(Special.logAddExp(.infinity, 2) == .infinity)
        #expect(Special.logAddExp(.nan, 2).isNaN)
    }

    @Test func xlogyIsZeroWhenXIsZero() {
        #expect(Special.xlogy(0, 0) == 0)       // scipy.special.xlogy(0, 0) = 0
        #expect(Special.xlogy(0, .nan).isNaN)   // scipy.special.xlogy(0, nan) = nan
        #expect(Special.xlogy(2, 0) == -.infinity)
        #expect(relativeError(Special.xlogy(3, 5), 3 * log(5.0)) <= eps)
    }

    @Test func logitAndExpitAreInverseAndAccurate() {
        // mpmath.log(p/(1-p)) for p = 1e-300, 0.25, 0.5, 0.999999
        let cases: [(Double, Double)] = [
            (1e-300, -690.7755278982137), (0.25, -1.0986122886681098), (0.5, 0),
            (0.999999, 13.815509557935018),
        ]
        for (p, expected) in cases {
            #expect(abs(Special.logit(p) - expected) <= 4 * eps * max(1, abs(expected)), "logit(\(p))")
        }
        #expect(Special.logit(0) == -.infinity)
        #expect(Special.logit(1) == .infinity)
        #expect(Special.logit(1.5).isNaN)
        // scipy.special.expit(-800) = 0 (underflow), expit(800) = 1, expit(-30) = 9.357622968839299e-14
        #expect(Special.expit(800) == 1)
        #expect(relativeError(Special.expit(-30), 9.357622968839299e-14) <= 2 * eps)
        // For large x, 1 − expit(x) keeps few digits, so the round trip is checked below 3.
        for x in [-20.0, -1, 0, 0.5, 3] {
            #expect(abs(Special.logit(Special.expit(x)) - x) <= 1e-12 * max(1, abs(x)))
        }
    }
}
