import Foundation
import Testing
import KLSNumerics
@testable import KLSDistributions

// Issue 14: numerical measures that missed narrow or distant mixture components, broke on
// densities infinite at an end of their support, and gave nan for divergent χ² integrals.
// References: mpmath 1.3 at 30 digits (`quad` with break points at every component's mean
// ± 10σ and 40σ, or at the Beta's ends and the crossings of p and q), as each comment says.

private func gaussian(_ m: Double, _ s: Double) throws -> Normal { try Normal(mu: Var(m), sigma: Var(s)) }

@Test("mixtures: every component's mass is integrated (issue 14: KL −0.3466, tv/hellinger/H 0)")
func narrowAndDistantComponents() throws {
    let standard = try gaussian(0, 1)
    // mpmath quad of p·log(p/q), p = ½N(0,1) + ½N(100, 0.01): 2501.35946291243410 (kls gave −0.34657359027997264).
    let far = try Mixture(components: [standard, try gaussian(100, 0.01)])
    #expect(near(number(try DistributionMeasures.kl(far, standard)), 2501.35946291243410, 1e-9))
    // … with N(10, 1e-3): 27.5107307089311232 (issue 14: "≈ 27.5"; kls gave −0.3465735902799727).
    let near10 = try Mixture(components: [standard, try gaussian(10, 1e-3)])
    #expect(near(number(try DistributionMeasures.kl(near10, standard)), 27.5107307089311232, 1e-9))
    // ½N(0,1) + ½N(1e6, 1e-6): the components do not overlap, so H = log 2 + ½H₁ + ½H₂ =
    // −4.79566956521751902, tv = ½, hellinger = √(1 − √½) = 0.541196100146196984 (all gave 0).
    // Nodes within 1e-6 of 1e6 are quantised to 1.2e-10 (1e-4 σ), which bounds the accuracy.
    let split = try Mixture(components: [standard, try gaussian(1e6, 1e-6)])
    #expect(near(number(try DistributionMeasures.entropy(split)), -4.79566956521751902, 1e-6))
    #expect(near(number(try DistributionMeasures.totalVariation(split, standard)), 0.5, 1e-6))
    #expect(near(number(try DistributionMeasures.hellinger(split, standard)), 0.541196100146196984, 1e-6))
}

@Test("densities infinite at an end: Beta(½, ½) against Uniform and Laplace (issue 14: inf, nan)")
func endpointSingularities() throws {
    let arcsine = try Beta(a: Var(0.5), b: Var(0.5)), uniform = try Uniform(a: Var(0), b: Var(1))
    // mpmath quad over [0, crossings, ½, 1]: tv 0.210513662353018683 (kls: inf)
    #expect(near(number(try DistributionMeasures.totalVariation(arcsine, uniform)), 0.210513662353018683, 1e-7))
    // hellinger 0.209815168726548477 (kls: inf)
    #expect(near(number(try DistributionMeasures.hellinger(arcsine, uniform)), 0.209815168726548477, 1e-7))
    // JS 0.0412980285262002705 (kls: "the integrand is nan")
    #expect(near(number(try DistributionMeasures.js(arcsine, uniform)), 0.0412980285262002705, 1e-7))
    // KL(Beta(½, ½) ‖ Laplace(0, 1)) = 1.43471165583043549 (kls: inf)
    let laplace = try Laplace(loc: Var(0), scale: Var(1))
    #expect(near(number(try DistributionMeasures.kl(arcsine, laplace)), 1.43471165583043549, 1e-7))
    // χ²(Uniform(0, 1) ‖ Beta(½, ½)) = π²/8 − 1 = 0.233700550136169827 (kls: inf)
    #expect(near(number(try DistributionMeasures.chi2(uniform, arcsine)), 0.233700550136169827, 1e-7))
}

@Test("divergent χ² integrals are +inf, convergent ones unchanged (issue 14: nan)")
func divergentChiSquare() throws {
    func exponential(_ r: Double) throws -> Exponential { try Exponential(rate: Var(r)) }
    // p²/q = ¼ for Exponential(½) against Exponential(1): the integral diverges (kls: nan).
    #expect(number(try DistributionMeasures.chi2(try exponential(0.5), try exponential(1))) == .infinity)
    // p²/q ~ 1/x at 0 for Gamma(½, 1) against Exponential(1).
    let gamma = try Gamma(shape: Var(0.5), rate: Var(1))
    #expect(number(try DistributionMeasures.chi2(gamma, try exponential(1))) == .infinity)
    // p²/q grows like e^(x²/2 − 2|x|) for Laplace(0, 1) against Normal(0, 1).
    #expect(number(try DistributionMeasures.chi2(try Laplace(loc: Var(0), scale: Var(1)), try gaussian(0, 1))) == .infinity)
    // Convergent: ∫ λ₁²e^(−2λ₁x)/(λ₂e^(−λ₂x)) − 1 = λ₁²/(λ₂(2λ₁ − λ₂)) − 1 = 1/(0.6·1.4) − 1 = 0.19047619047619048
    #expect(near(number(try DistributionMeasures.chi2(try exponential(1), try exponential(0.6))), 0.19047619047619048, 1e-9))
    // ½N(0,1) + ½N(3,1) against N(0,1): ¼(1 + 2 + e⁹) − 1 = 2025.520981893846 (exact).
    let mixture = try Mixture(components: [try gaussian(0, 1), try gaussian(3, 1)])
    #expect(near(number(try DistributionMeasures.chi2(mixture, try gaussian(0, 1))), 2025.520981893846, 1e-9))
}
