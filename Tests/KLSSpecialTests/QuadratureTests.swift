import Foundation
import Testing
@testable import KLSSpecial

/// Densities used by the integrands below.
private func normalPdf(_ x: Double, mean: Double = 0, std: Double = 1) -> Double {
    let z = (x - mean) / std
    return exp(-0.5 * z * z) / (std * (2 * Double.pi).squareRoot())
}

private func laplacePdf(_ x: Double) -> Double { 0.5 * exp(-abs(x)) }

/// ½N(−5, 1) + ½N(10, 1).
private func mixturePdf(_ x: Double) -> Double {
    0.5 * normalPdf(x, mean: -5) + 0.5 * normalPdf(x, mean: 10)
}

@Suite struct QuadratureTests {
    @Test func klOfNormalFromLaplaceOverTheWholeLine() {
        // KL(N(0,1) ‖ Laplace(0,1)) = −½log(2πe) + log 2 + √(2/π) (closed form, mpmath:
        // -0.5*log(2*pi*e) + log(2) + sqrt(2/pi) = 0.07209320815813792).
        let result = Quadrature.integrate({ x in
            let p = normalPdf(x)
            return Special.xlogy(p, p) - Special.xlogy(p, laplacePdf(x))
        }, from: -.infinity, to: .infinity)
        #expect(result.converged)
        #expect(relativeError(result.value, 0.07209320815813792) <= 1e-9)
        #expect(result.errorEstimate <= 1e-10)
    }

    @Test func klOfFarApartMixtureFromAWideNormal() {
        // p = ½N(−5,1) + ½N(10,1), q = N(2.5, 8²): ∫ p·log(p/q) = 1.3335599861199888
        // (mpmath.quad(f, [-inf, -15, -5, 2.5, 10, 20, inf]) at 40 digits).
        let result = Quadrature.integrate({ x in
            let p = mixturePdf(x)
            return Special.xlogy(p, p) - Special.xlogy(p, normalPdf(x, mean: 2.5, std: 8))
        }, from: -.infinity, to: .infinity)
        #expect(result.converged)
        #expect(relativeError(result.value, 1.3335599861199888) <= 1e-9)
    }

    @Test func klOfFarApartMixtureFromLaplace() {
        // Same p against Laplace(0, 1): 6.0810615202570808 (mpmath.quad, breakpoints
        // [-inf, -15, -5, 0, 2.5, 10, 20, inf], 40 digits).
        let result = Quadrature.integrate({ x in
            let p = mixturePdf(x)
            return Special.xlogy(p, p) - Special.xlogy(p, laplacePdf(x))
        }, from: -.infinity, to: .infinity)
        #expect(result.converged)
        #expect(relativeError(result.value, 6.081061520257081) <= 1e-9)
    }

    @Test func wassersteinDistancesFromCdfDifferences() {
        // ∫|Φ(x) − Φ(x − 1)| dx = 1 (a shift); ∫|Φ(x) − Φ(x/2)| dx = |1 − 2|·√(2/π) (the cdfs
        // of N(0,1) and N(0,4) cross at 0, where the integrand has a kink).
        let shift = Quadrature.integrate({ abs(Special.ndtr($0) - Special.ndtr($0 - 1)) },
                                         from: -.infinity, to: .infinity)
        #expect(shift.converged)
        #expect(relativeError(shift.value, 1) <= 1e-9)
        let scale = Quadrature.integrate({ abs(Special.ndtr($0) - Special.ndtr($0 / 2)) },
                                         breakpoints: [-.infinity, 0, .infinity])
        #expect(scale.converged)
        #expect(relativeError(scale.value, 0.7978845608028654) <= 1e-9)
    }

    @Test func breakpointsFindNarrowPeaksThatTheRuleWouldMiss() {
        // ½N(−5, 0.01²) + ½N(10, 0.01²) integrates to 1; splitting at the modes makes the
        // peaks visible to the first rule evaluations.
        let narrow = { (x: Double) in 0.5 * normalPdf(x, mean: -5, std: 0.01) + 0.5 * normalPdf(x, mean: 10, std: 0.01) }
        let result = Quadrature.integrate(narrow, breakpoints: [-.infinity, -5, 10, .infinity])
        #expect(result.converged)
        #expect(relativeError(result.value, 1) <= 1e-10)
    }

    @Test func finiteAndSemiInfiniteRanges() {
        let sine = Quadrature.integrate(sin, from: 0, to: .pi)
        #expect(relativeError(sine.value, 2) <= 1e-13)
        #expect(sine.evaluations == 21)  // one rule application suffices
        let exponential = Quadrature.integrate({ exp(-$0) }, from: 0, to: .infinity)
        #expect(relativeError(exponential.value, 1) <= 1e-12)
        let leftTail = Quadrature.integrate({ normalPdf($0) }, from: -.infinity, to: -3)
        // scipy.stats.norm.cdf(-3) = 0.0013498980316300946
        #expect(relativeError(leftTail.value, 0.0013498980316300946) <= 1e-10)
        let gaussian = Quadrature.integrate({ exp(-$0 * $0) }, from: -.infinity, to: .infinity)
        #expect(relativeError(gaussian.value, Double.pi.squareRoot()) <= 1e-12)
    }

    @Test func endPointSingularityConverges() {
        // ∫₀¹ log x dx = −1 and ∫₀¹ x^(−½) dx = 2: nodes never touch the singular end.
        let logarithm = Quadrature.integrate(log, from: 0, to: 1, relTol: 1e-9)
        #expect(logarithm.converged)
        #expect(relativeError(logarithm.value, -1) <= 1e-9)
        let inverseRoot = Quadrature.integrate({ 1 / $0.squareRoot() }, from: 0, to: 1, relTol: 1e-8)
        #expect(relativeError(inverseRoot.value, 2) <= 1e-8)
    }

    @Test func orientationAndDegenerateInputs() {
        let forward = Quadrature.integrate({ $0 * $0 }, from: 1, to: 2)
        let backward = Quadrature.integrate({ $0 * $0 }, from: 2, to: 1)
        #expect(relativeError(forward.value, 7.0 / 3) <= 1e-14)
        #expect(backward.value == -forward.value)
        #expect(Quadrature.integrate({ _ in 1 }, from: 3, to: 3).value == 0)
        #expect(Quadrature.integrate({ _ in 1 }, from: .nan, to: 3).value.isNaN)
        #expect(Quadrature.integrate({ _ in 1 }, breakpoints: [1]).value.isNaN)
        let nonFinite = Quadrature.integrate({ _ in .nan }, from: 0, to: 1)
        #expect(nonFinite.value.isNaN)
        #expect(!nonFinite.converged)
    }

    @Test func budgetExhaustionIsReported() {
        // sin(1/x) oscillates infinitely often near 0; four intervals cannot reach 1e-12.
        let result = Quadrature.integrate({ sin(1 / $0) }, from: 0, to: 1, relTol: 1e-12, maxIntervals: 4)
        #expect(!result.converged)
        // One rule on the whole range, then two per split: 21·(2·4 − 1) points at most.
        #expect(result.evaluations <= 21 * 7)
    }

    @Test func batchIntegrandGivesTheSameResultAsScalar() {
        let integrand = { (x: Double) -> Double in
            let p = mixturePdf(x)
            return Special.xlogy(p, p) - Special.xlogy(p, laplacePdf(x))
        }
        var calls = 0
        let batch = Quadrature.integrate(batch: { (xs: [Double]) -> [Double] in
            calls += 1
            #expect(xs.count % 21 == 0)
            return xs.map(integrand)
        }, from: -.infinity, to: .infinity)
        let scalar = Quadrature.integrate(integrand, from: -.infinity, to: .infinity)
        #expect(batch == scalar)
        #expect(calls < batch.evaluations / 21)  // several intervals per call
        let wrongLength = Quadrature.integrate(batch: { _ in [1] }, from: 0, to: 1)
        #expect(wrongLength.value.isNaN)
    }
}
