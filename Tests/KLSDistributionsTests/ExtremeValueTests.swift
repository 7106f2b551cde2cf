import Foundation
import Testing
import KLSNumerics
import KLSSpecial
@testable import KLSDistributions

// Issue 14, "Numbers that must be right": each figure below was wrong before the fix (the
// value it gave is in the test's comment) and comes from mpmath at 50 digits on the exact
// double inputs, or from SciPy 1.17, as each comment says.

@Test("probability vectors whose sum overflows are refused (issue 14: accepted, pdf 1e308)")
func overflowingProbabilities() {
    #expect(errorMessage { try Categorical(probs: vec([1e308, 1e308])) }
        == "Categorical: probabilities must sum to 1 (their sum overflows)")
    #expect(errorMessage {
        try Mixture(components: [try Normal(mu: Var(0), sigma: Var(1)), try Normal(mu: Var(1), sigma: Var(1))],
                    weights: vec([1e308, 1e308]))
    } == "Mixture: weights must sum to 1 (their sum overflows)")
}

@Test("labelled categoricals are compared by label, not position (issue 14: KL was 1.7578)")
func labelledOutcomesAlign() throws {
    let p = try Categorical(probs: vec([0.9, 0.1]), labels: ["x", "y"])
    let q = try Categorical(probs: vec([0.1, 0.9]), labels: ["y", "x"])
    // Q is P with its outcomes listed in the other order: the same distribution.
    #expect(number(try DistributionMeasures.kl(p, q)) == 0)
    #expect(number(try DistributionMeasures.totalVariation(p, q)) == 0)
    let r = try Categorical(probs: vec([0.3, 0.7]), labels: ["y", "x"])
    // R is [x: 0.7, y: 0.3]; scipy.stats.entropy([0.9, 0.1], [0.7, 0.3]) = 0.1163217565860046
    #expect(near(number(try DistributionMeasures.kl(p, r)), 0.1163217565860046, 1e-15))
    let other = try Categorical(probs: vec([0.1, 0.9]), labels: ["y", "z"])
    #expect(errorMessage { try DistributionMeasures.kl(p, other) }
        == "the two distributions have different outcomes ('x', 'z' only in one): their labels must be the same set")
    #expect(errorMessage { try Categorical(probs: vec([0.5, 0.5]), labels: ["x", "x"]) }
        == "Categorical: label 'x' is given twice: outcomes need distinct labels")
}

/// 1e-320, a subnormal double (as a literal it draws a warning).
let subnormal = Double("1e-320") ?? 0

/// Every distribution with extreme but valid parameters that issue 14 lists.
private func extremes() throws -> [(String, any Distribution)] {
    [("Normal(0, 1e-170)", try Normal(mu: Var(0), sigma: Var(1e-170))),
     ("Normal(0, 1e160)", try Normal(mu: Var(0), sigma: Var(1e160))),
     ("Gamma(1e-320, 1)", try Gamma(shape: Var(subnormal), rate: Var(1))),
     ("Gamma(1e308, 1)", try Gamma(shape: Var(1e308), rate: Var(1))),
     ("Uniform(-1e308, 1e308)", try Uniform(a: Var(-1e308), b: Var(1e308))),
     ("Beta(1e-320, 1)", try Beta(a: Var(subnormal), b: Var(1)))]
}

@Test("KL(D‖D) = 0 for extreme parameters (issue 14: nan for all six)")
func selfDivergenceOfExtremes() throws {
    for (name, d) in try extremes() {
        #expect(number(try DistributionMeasures.kl(d, d)) == 0, "KL(\(name) ‖ \(name))")
    }
}

@Test("closed-form KLs stay accurate and non-negative for nearly equal parameters")
func nearlyEqualClosedForms() throws {
    // mpmath: log(s2/s1) + s1²/(2 s2²) − ½ at s1 = 1e-5, s2 = 1.0000000010000002e-5 (the doubles)
    // = 1.0000003020498744637e-18 (issue 14: −5.551115123125783e-17).
    let p = try Normal(mu: Var(5), sigma: Var(1e-5)), q = try Normal(mu: Var(5), sigma: Var(1.0000000010000002e-5))
    #expect(relativelyNear(number(try DistributionMeasures.kl(p, q)), 1.0000003020498744637e-18, 1e-9))
    // mpmath: log(1e308) + (1 + 1e308²)/(2·1e308²) − ½ = 709.19620864216607069 (issue 14: nan).
    let far = try Normal(mu: Var(-1e308), sigma: Var(1e308))
    #expect(near(number(try DistributionMeasures.kl(try Normal(mu: Var(0), sigma: Var(1)), far)), 709.19620864216607069, 1e-15))
    // mpmath: λ₂/λ₁ − log(λ₂/λ₁) − 1 at λ₁ = 1, λ₂ = 1 + 2⁻⁴⁰ = 4.1359030627626306531e-25.
    let e1 = try Exponential(rate: Var(1)), e2 = try Exponential(rate: Var(1 + 0x1p-40))
    #expect(relativelyNear(number(try DistributionMeasures.kl(e1, e2)), 4.1359030627626306531e-25, 1e-9))
    // mpmath: −log(b₁/b₂) + b₁/b₂ − 1 at b₁ = 1, b₂ = 1 + 2⁻⁴⁰ = 4.1359030627601229318e-25.
    let l1 = try Laplace(loc: Var(0), scale: Var(1 + 0x1p-40)), l2 = try Laplace(loc: Var(0), scale: Var(1))
    #expect(relativelyNear(number(try DistributionMeasures.kl(l2, l1)), 4.1359030627601229318e-25, 1e-9))
    // The gradient of KL(P‖Q) at P = Q is zero (a minimum), also with a tiny shape.
    let g = try tapeGradient([2, 3]) { v in
        try DistributionMeasures.kl(try Gamma(shape: v[0], rate: v[1]), try Gamma(shape: Var(2), rate: Var(3)))
    }
    #expect(g.allSatisfy { Swift.abs($0) < 1e-15 }, "\(g)")
    let h = try tapeGradient([0.5, 2]) { v in
        try DistributionMeasures.kl(try Beta(a: v[0], b: v[1]), try Beta(a: Var(0.5), b: Var(2)))
    }
    #expect(h.allSatisfy { Swift.abs($0) < 1e-15 }, "\(h)")
}

@Test("Bernoulli with a tiny p: log(1 − p) by log1p (issue 14: −9.999778782803785e-13)")
func bernoulliTinyP() throws {
    let b = try Bernoulli(p: Var(1e-12))
    // mpmath: log1p(−1e-12) = −1.0000000000005000000e-12
    #expect(relativelyNear(number(try b.logpdf(Var(0))), -1.0000000000005e-12, 1e-15))
    // mpmath: −p log p − (1 − p) log1p(−p) = 2.8631021115928048208e-11 (issue 14: 2.8630998994207924e-11)
    #expect(relativelyNear(number(b.entropy), 2.8631021115928048208e-11, 1e-14))
    // The gradient of H is log(1 − p) − log p; mpmath at p = 0.3: 0.84729786038720367
    let g = try tapeGradient([0.3]) { v in try Bernoulli(p: v[0]).entropy }
    #expect(near(g[0], 0.84729786038720367, 1e-14))
}

@Test("moments, densities and cdfs at extreme parameters")
func extremeMoments() throws {
    // Beta(1e-300, 1e-300) puts mass ½ at each end: variance ¼ (issue 14: nan).
    #expect(number(try Beta(a: Var(1e-300), b: Var(1e-300)).variance) == 0.25)
    // I_0.5(a, a) = ½ by symmetry; scipy.special.betainc(1e300, 1e300, 0.5) = 0.5 (issue 14: 2.2e-140).
    #expect(number(try Beta(a: Var(1e300), b: Var(1e300)).cdf(Var(0.5))) == 0.5)
    // mpmath: −log(1e-320) − ½log 2π = 735.90830235776923341 (the double 1e-320; issue 14: nan).
    #expect(near(number(try Normal(mu: Var(0), sigma: Var(subnormal)).logpdf(Var(0))), 735.90830235776923341, 1e-15))
    let u = try Uniform(a: Var(-1e308), b: Var(1e308))
    // F(0) = ½ (issue 14: 0); F(1e308) = 1, F(−1e308) = 0.
    #expect(try u.cdf(vec([-1e308, 0, 1e308])).value.data == [0, 0.5, 1])
    // mpmath: log 2 + log(1e308) = 709.88935582272601600; the entropy was inf.
    #expect(near(number(u.entropy), 709.88935582272601600, 1e-15))
    var rng = RandomSource(seed: 1)
    let draws = u.sample(count: 1000, rng: &rng).data
    // Draws are finite and inside [a, b] (issue 14: every draw was inf).
    #expect(draws.allSatisfy { $0.isFinite && $0 >= -1e308 && $0 <= 1e308 })
    #expect(draws.contains { $0 < 0 } && draws.contains { $0 > 0 })
    // mpmath (40 digits): (a − 1)log a − a − log Γ(a) at a = 1e12 = −14.734449091169030179 and
    // a + log Γ(a) + (1 − a)ψ(a) = 15.234449091168613513 (kls gave −14.73046875 and 15.234375,
    // as scipy.stats.gamma(1e12).logpdf does; Gamma(1e308, 1) gave nan for both).
    let g = try Gamma(shape: Var(1e12), rate: Var(1))
    #expect(near(number(try g.logpdf(Var(1e12))), -14.734449091169030179, 1e-14))
    #expect(near(number(g.entropy), 15.234449091168613513, 1e-14))
    let huge = try Gamma(shape: Var(1e308), rate: Var(1))
    // Stirling: −½log(2π·1e308) = −355.51704285428770 and ½log(2πe·1e308) = 356.01704285428770.
    #expect(near(number(try huge.logpdf(Var(1e308))), -355.51704285428770, 1e-14))
    #expect(near(number(huge.entropy), 356.01704285428770, 1e-14))
    // Laplace(0, 1e-320) at its location: −log(2b) = 736.13409371041396 (mpmath, the double b; kls: nan).
    #expect(near(number(try Laplace(loc: Var(0), scale: Var(subnormal)).logpdf(Var(0))), 736.13409371041396, 1e-14))
    // Beta(1e-320, 1e-320) draws are 0 or 1 (kls: nan), and its entropy is −inf (kls: nan).
    let ends = try Beta(a: Var(subnormal), b: Var(subnormal))
    #expect(ends.sample(count: 100, rng: &rng).data.allSatisfy { $0 == 0 || $0 == 1 })
    #expect(number(ends.entropy) == -.infinity)
}
