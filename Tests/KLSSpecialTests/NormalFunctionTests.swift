import Testing
@testable import KLSSpecial

@Suite struct NormalFunctionTests {
    @Test func ndtrMatchesMpmathIncludingBothTails() {
        for (x, expected) in Reference.ndtr {
            // Subnormal results (x ≤ −37.5) carry fewer significant bits.
            let tolerance = expected < 1e-300 ? 1e-8 : 4 * eps
            #expect(relativeError(Special.ndtr(x), expected) <= tolerance, "ndtr(\(x))")
        }
    }

    @Test func ndtrAtMinusTenFromTheBrief() {
        // mpmath.ncdf(-10) = 7.6198530241605260659…e-24
        #expect(relativeError(Special.ndtr(-10), 7.619853024160526e-24) <= 2 * eps)
    }

    @Test func ndtrLimits() {
        #expect(Special.ndtr(-.infinity) == 0)
        #expect(Special.ndtr(.infinity) == 1)
        #expect(Special.ndtr(.nan).isNaN)
    }

    @Test func logNdtrMatchesMpmathFromDeepLeftTailToRightTail() {
        for (x, expected) in Reference.logNdtr {
            #expect(relativeError(Special.logNdtr(x), expected) <= 4 * eps, "logNdtr(\(x))")
        }
    }

    @Test func logNdtrLimits() {
        #expect(Special.logNdtr(-.infinity) == -.infinity)
        #expect(Special.logNdtr(.infinity) == 0)
        #expect(Special.logNdtr(40) == 0)  // −Φ(−40) underflows
        #expect(Special.logNdtr(.nan).isNaN)
    }

    @Test func ndtriMatchesMpmathInBothTails() {
        for (p, expected) in Reference.ndtri {
            #expect(relativeError(Special.ndtri(p), expected) <= 4 * eps, "ndtri(\(p))")
        }
    }

    @Test func ndtriInvertsNdtr() {
        // Left half only: for x > 0, Φ(x) is only absolutely accurate near 1.
        for x in stride(from: -37.0, through: 0.0, by: 0.37) {
            let roundTrip = Special.ndtri(Special.ndtr(x))
            #expect(abs(roundTrip - x) <= 1e-13 * max(1, abs(x)), "x = \(x)")
        }
    }

    @Test func ndtriDomain() {
        #expect(Special.ndtri(0) == -.infinity)
        #expect(Special.ndtri(1) == .infinity)
        #expect(Special.ndtri(0.5) == 0)
        #expect(Special.ndtri(-0.1).isNaN)
        #expect(Special.ndtri(1.1).isNaN)
        #expect(Special.ndtri(.nan).isNaN)
    }
}
