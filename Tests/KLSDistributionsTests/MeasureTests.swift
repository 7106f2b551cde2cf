import Foundation
import Testing
import KLSNumerics
@testable import KLSDistributions

// Reference figures: mpmath.quad at 30 digits with break points at the means and kinks, e.g.
//     P = lambda x: mp.npdf(x, .5, 1.2); Q = lambda x: mp.exp(-abs(x))/2; pts = [-mp.inf, 0, .5, mp.inf]
//     chi2 = mp.quad(lambda x: (P(x)-Q(x))**2/Q(x), pts)
//     hellinger = mp.sqrt(mp.quad(lambda x: (mp.sqrt(P(x))-mp.sqrt(Q(x)))**2, pts)/2)
//     TV = mp.quad(lambda x: abs(P(x)-Q(x)), pts)/2;  W1 = mp.quad(lambda x: abs(mp.ncdf(x,.5,1.2)-FQ(x)), pts)
//     JS = (∫ P log(P/M) + ∫ Q log(Q/M))/2, M = (P+Q)/2;  H(P,Q) = −∫ P log Q
// For TV and W1 the points where P = Q (F_P = F_Q) are break points too (mp.findroot on a
// sign-change scan of [−20, 20]): without them mpmath's quadrature is off by ~5e-6 at the kinks.

@Test("continuous measures between Normal(0.5, 1.2) and Laplace(0, 1)")
func normalLaplaceMeasures() throws {
    let p = try normal(0.5, 1.2), q = try laplace(0, 1)
    #expect(near(number(try DistributionMeasures.js(p, q)), 0.033349026837484363, 1e-8))
    #expect(near(number(try DistributionMeasures.chi2(p, q)), 0.27363065444953044, 1e-8))
    #expect(near(number(try DistributionMeasures.hellinger(p, q)), 0.18750761037880512, 1e-8))
    #expect(near(number(try DistributionMeasures.totalVariation(p, q)), 0.20696436546653035, 1e-10))
    #expect(near(number(try DistributionMeasures.crossEntropy(p, q)), 1.7325397404428613, 1e-8))
    #expect(near(number(try DistributionMeasures.w1(p, q)), 0.5357171506141338, 1e-10))
    // JS is symmetric and in bits at most 1.
    #expect(near(number(try DistributionMeasures.js(q, p)), 0.033349026837484363, 1e-8))
    #expect(near(number(try DistributionMeasures.js(p, q, base: 2)), 0.033349026837484363 / M_LN2, 1e-8))
}

@Test("continuous measures between Gamma(2.5, 1.5) and Exponential(0.7)")
func gammaExponentialMeasures() throws {
    let p = try gamma(2.5, 1.5), q = try exponential(0.7)
    #expect(near(number(try DistributionMeasures.w1(p, q)), 0.40457447687996545, 1e-10))
    #expect(near(number(try DistributionMeasures.chi2(p, q)), 0.3162117457968246, 1e-8))
    #expect(near(number(try DistributionMeasures.hellinger(p, q)), 0.25094099809458265, 1e-8))
    #expect(near(number(try DistributionMeasures.totalVariation(p, q)), 0.24861405049323157, 1e-10))
}

@Test("measures over the union of supports: Uniform(-1, 1) against Normal(0, 1)")
func unionSupport() throws {
    let u = try uniform(-1, 1), n = try normal(0, 1)
    #expect(near(number(try DistributionMeasures.totalVariation(u, n)), 0.3173105078629141, 1e-8))
    #expect(near(number(try DistributionMeasures.hellinger(u, n)), 0.41943672159472445, 1e-8))
    #expect(near(number(try DistributionMeasures.chi2(u, n)), 0.49765733116556415, 1e-8))
    #expect(number(try DistributionMeasures.chi2(n, u)) == .infinity)
    // TV and Hellinger are symmetric.
    #expect(near(number(try DistributionMeasures.totalVariation(n, u)), 0.3173105078629141, 1e-8))
}

@Test("equal distributions are at distance 0")
func selfDistance() throws {
    let m = try mixture([try normal(-1, 0.5), try laplace(2, 1.5)], [0.3, 0.7])
    #expect(Swift.abs(number(try DistributionMeasures.kl(m, m))) < 1e-14)
    #expect(Swift.abs(number(try DistributionMeasures.js(m, m))) < 1e-14)
    #expect(Swift.abs(number(try DistributionMeasures.w1(m, m))) < 1e-14)
    #expect(Swift.abs(number(try DistributionMeasures.hellinger(m, m))) < 1e-7)
    #expect(Swift.abs(number(try DistributionMeasures.totalVariation(m, m))) < 1e-14)
}

@Test("W1 of translated location families is exactly the shift")
func w1Translation() throws {
    #expect(number(try DistributionMeasures.w1(try laplace(0.5, 2), try laplace(-1, 2))) == 1.5)
    #expect(number(try DistributionMeasures.w1(try uniform(0, 1), try uniform(2.5, 3.5))) == 2.5)
    // Unequal widths go through quadrature: W1(U(0,1), U(0,2)) = ∫₀¹ x/2 dx + ∫₁² (1 − x/2) dx = 0.5.
    #expect(near(number(try DistributionMeasures.w1(try uniform(0, 1), try uniform(0, 2))), 0.5, 1e-10))
}

@Test("discrete measures follow the seed's worked example (bits)")
func discreteMeasures() throws {
    let p = try Categorical(probs: vec([0.5, 0.25, 0.25])), q = try Categorical(probs: vec([0.25, 0.5, 0.25]))
    #expect(near(number(try DistributionMeasures.entropy(p, base: 2)), 1.5, 1e-15))
    #expect(near(number(try DistributionMeasures.crossEntropy(p, q, base: 2)), 1.75, 1e-15))
    #expect(near(number(try DistributionMeasures.kl(p, q, base: 2)), 0.25, 1e-15))
    // Σ (p − q)²/q = 0.0625/0.25 + 0.0625/0.5 = 0.375
    #expect(near(number(try DistributionMeasures.chi2(p, q)), 0.375, 1e-15))
    // scipy.stats.wasserstein_distance(range(3), range(3), P, Q) = 0.25
    #expect(near(number(try DistributionMeasures.w1(p, q)), 0.25, 1e-15))
    #expect(near(number(try DistributionMeasures.totalVariation(p, q)), 0.25, 1e-15))
    // The coin of the seed note: KL([.1,.9]‖[.5,.5]) = 0.368 nats (scipy rel_entr sum 0.3680642071684971).
    let coin = try DistributionMeasures.kl(try Bernoulli(p: Var(0.9)), try Bernoulli(p: Var(0.5)))
    #expect(near(number(coin), 0.3680642071684971, 1e-14))
}

@Test("the base must be a positive number other than 1")
func invalidBase() throws {
    let n = try normal(0, 1)
    for base in [1.0, 0, -2, .nan, .infinity] {
        #expect(throws: DistributionError.self) { try DistributionMeasures.kl(n, n, base: base) }
    }
    #expect(near(number(try DistributionMeasures.entropy(n, base: 10)), 0.5 * Foundation.log(2 * Double.pi * M_E) / M_LN10, 1e-15))
}

/// Gradients of the numerical measures in every parameter (finite differences, 1e-6).
@Test("gradients of JS, W1, chi2, Hellinger, TV and cross-entropy")
func measureGradients() throws {
    typealias Measure = (any Distribution, any Distribution) throws -> Var
    let measures: [(String, Measure)] = [
        ("JS", { try DistributionMeasures.js($0, $1) }), ("W1", { try DistributionMeasures.w1($0, $1) }),
        ("chi2", { try DistributionMeasures.chi2($0, $1) }), ("hellinger", { try DistributionMeasures.hellinger($0, $1) }),
        ("TV", { try DistributionMeasures.totalVariation($0, $1) }),
        ("H", { try DistributionMeasures.crossEntropy($0, $1) }),
    ]
    for (label, measure) in measures {
        let mismatch = try gradientMismatch([0.5, 1.2, 0, 1]) { v in
            try measure(try Normal(mu: v[0], sigma: v[1]), try Laplace(loc: v[2], scale: v[3]))
        }
        #expect(mismatch == nil, "\(label): \(mismatch ?? "")")
    }
}
