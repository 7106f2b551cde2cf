import Foundation
import Testing
import KLSNumerics
@testable import KLSDistributions

/// A pair (P, Q) with a reference KL(P‖Q).
struct KLCase: CustomStringConvertible, Sendable {
    let name: String
    let p: @Sendable () throws -> any Distribution
    let q: @Sendable () throws -> any Distribution
    let expected: Double
    var description: String { name }
}

func normal(_ m: Double, _ s: Double) throws -> any Distribution { try Normal(mu: Var(m), sigma: Var(s)) }
func uniform(_ a: Double, _ b: Double) throws -> any Distribution { try Uniform(a: Var(a), b: Var(b)) }
func exponential(_ r: Double) throws -> any Distribution { try Exponential(rate: Var(r)) }
func laplace(_ m: Double, _ b: Double) throws -> any Distribution { try Laplace(loc: Var(m), scale: Var(b)) }
func gamma(_ a: Double, _ r: Double) throws -> any Distribution { try Gamma(shape: Var(a), rate: Var(r)) }
func beta(_ a: Double, _ b: Double) throws -> any Distribution { try Beta(a: Var(a), b: Var(b)) }
func mixture(_ parts: [any Distribution], _ w: [Double]) throws -> any Distribution {
    try Mixture(components: parts, weights: vec(w))
}

/// Every registered closed form, with torch.distributions.kl_divergence(P, Q) in float64
/// (torch 2.15; e.g. `kl_divergence(Normal(t(0.3), t(1.7)), Normal(t(-1.), t(0.8)))`),
/// except Normal‖Laplace, which torch lacks (mpmath.quad, dps=30).
let closedFormCases: [KLCase] = [
    KLCase(name: "Normal‖Normal", p: { try normal(0.3, 1.7) }, q: { try normal(-1, 0.8) }, expected: 2.32435319762362),
    KLCase(name: "Uniform‖Uniform", p: { try uniform(-0.5, 1.5) }, q: { try uniform(-1, 2.5) }, expected: 0.5596157879354227),
    KLCase(name: "Exponential‖Exponential", p: { try exponential(0.7) }, q: { try exponential(2.3) }, expected: 1.0961302188404494),
    KLCase(name: "Laplace‖Laplace", p: { try laplace(-1, 0.6) }, q: { try laplace(0.5, 1.3) }, expected: 0.9649214260598966),
    KLCase(name: "Gamma‖Gamma", p: { try gamma(0.6, 2.2) }, q: { try gamma(2.5, 1.5) }, expected: 3.5801970585319203),
    KLCase(name: "Beta‖Beta", p: { try beta(0.7, 1.8) }, q: { try beta(3.5, 2.25) }, expected: 2.627107664941829),
    KLCase(name: "Laplace‖Normal", p: { try laplace(0.4, 0.9) }, q: { try normal(-0.2, 1.4) }, expected: 0.17272614574009326),
    KLCase(name: "Uniform‖Normal", p: { try uniform(-0.5, 1.5) }, q: { try normal(0.2, 1.1) }, expected: 0.49603266192563633),
    KLCase(name: "Uniform‖Exponential", p: { try uniform(0.5, 2) }, q: { try exponential(0.8) }, expected: 0.8176784432060452),
    KLCase(name: "Uniform‖Gamma", p: { try uniform(0, 2) }, q: { try gamma(2.5, 1.5) }, expected: 0.5381521488026448),
    KLCase(name: "Uniform‖Beta", p: { try uniform(0.1, 0.7) }, q: { try beta(2, 5) }, expected: 0.36620231316176755),
    KLCase(name: "Exponential‖Gamma", p: { try exponential(0.7) }, q: { try gamma(2.5, 1.5) }, expected: 0.3880133805651196),
    KLCase(name: "Exponential‖Normal", p: { try exponential(0.7) }, q: { try normal(1, 2) }, expected: 0.5334719943156816),
    KLCase(name: "Gamma‖Exponential", p: { try gamma(2.5, 1.5) }, q: { try exponential(0.7) }, expected: 0.1988588092085093),
    KLCase(name: "Gamma‖Normal", p: { try gamma(2.5, 1.5) }, q: { try normal(1, 2) }, expected: 0.48204735681217215),
    KLCase(name: "Beta‖Normal", p: { try beta(2, 5) }, q: { try normal(0.3, 0.5) }, expected: 0.7617506390687878),
    KLCase(name: "Beta‖Exponential", p: { try beta(2, 5) }, q: { try exponential(3) }, expected: 0.24306128347023626),
    KLCase(name: "Beta‖Gamma", p: { try beta(2, 5) }, q: { try gamma(2.5, 1.5) }, expected: 2.3591222437694253),
    KLCase(name: "Beta‖Uniform", p: { try beta(2, 5) }, q: { try uniform(-0.5, 1.5) }, expected: 1.1776778955554343),
    KLCase(name: "Normal‖Laplace", p: { try normal(-0.3, 0.7) }, q: { try laplace(0.4, 1.1) }, expected: 0.46859527911902155),
]

@Test("closed forms match torch.distributions.kl_divergence", arguments: closedFormCases)
func closedForms(_ c: KLCase) throws {
    let p = try c.p(), q = try c.q()
    #expect(KLRegistry.hasClosedForm(type(of: p), type(of: q)))
    #expect(near(number(try DistributionMeasures.kl(p, q)), c.expected, 1e-12))
}

@Test("closed forms match the numerical integral to 1e-8", arguments: closedFormCases)
func closedFormsAgainstQuadrature(_ c: KLCase) throws {
    let numerical = number(try ContinuousMeasures.kl(try c.p(), try c.q()))
    #expect(Swift.abs(numerical - c.expected) <= 1e-8 * c.expected, "quadrature \(numerical)")
}

@Test("discrete pairs delegate to KLSInformation")
func discreteKL() throws {
    // torch.distributions.kl_divergence(Bernoulli(0.3), Bernoulli(0.85)) = 0.7658753662145557
    let b = try DistributionMeasures.kl(try Bernoulli(p: Var(0.3)), try Bernoulli(p: Var(0.85)))
    #expect(near(number(b), 0.7658753662145557, 1e-12))
    // kl_divergence(Categorical([.2,.5,.3]), Categorical([.4,.4,.2])) = 0.09458187197756504
    let c = try DistributionMeasures.kl(try Categorical(probs: vec([0.2, 0.5, 0.3])), try Categorical(probs: vec([0.4, 0.4, 0.2])))
    #expect(near(number(c), 0.09458187197756504, 1e-12))
    // Seed note: KL([.5,.5]‖[.1,.9]) = 0.511 nats; Bernoulli(0.5) vs a 2-outcome categorical.
    // scipy.special.rel_entr([.5,.5],[.1,.9]).sum() = 0.5108256237659907
    let mixed = try DistributionMeasures.kl(try Bernoulli(p: Var(0.5)), try Categorical(probs: vec([0.1, 0.9])))
    #expect(near(number(mixed), 0.5108256237659907, 1e-12))
    // Outcomes beyond Q's support: Categorical([.5,.25,.25]) ‖ Bernoulli(0.5) = +inf.
    let beyond = try DistributionMeasures.kl(try Categorical(probs: vec([0.5, 0.25, 0.25])), try Bernoulli(p: Var(0.5)))
    #expect(number(beyond) == .infinity)
    // P with zero mass where Q has none is fine: [.5,.5,0] ‖ Bernoulli(0.5) = 0.
    let padded = try DistributionMeasures.kl(try Categorical(probs: vec([0.5, 0.5, 0])), try Bernoulli(p: Var(0.5)))
    #expect(number(padded) == 0)
}

@Test("support mismatches are +inf, in both registered and unregistered pairs")
func supportMismatch() throws {
    // torch: kl_divergence(Normal(0,1), Uniform(-1,1)) = inf; kl_divergence(Gamma(2.5,1.5), Beta(2,5)) = inf
    #expect(number(try DistributionMeasures.kl(try normal(0, 1), try uniform(-1, 1))) == .infinity)
    #expect(number(try DistributionMeasures.kl(try gamma(2.5, 1.5), try beta(2, 5))) == .infinity)
    #expect(number(try DistributionMeasures.kl(try normal(0, 1), try exponential(1))) == .infinity)
    #expect(number(try DistributionMeasures.kl(try uniform(-1, 2), try uniform(0, 2))) == .infinity)
    #expect(number(try DistributionMeasures.kl(try uniform(-1, 2), try uniform(-1, 2))) == 0)
    // A mixture with a hole: P puts mass where Q has none, inside Q's hull.
    let holey = try mixture([try uniform(0, 1), try uniform(2, 3)], [0.5, 0.5])
    #expect(number(try DistributionMeasures.kl(try uniform(0, 3), holey)) == .infinity)
    #expect(near(number(try DistributionMeasures.kl(holey, try uniform(0, 3))), Foundation.log(1.5), 1e-10))
}

/// Pairs without a closed form: mpmath.quad at 30 digits with break points at the
/// components' means and kinks (see the script in the comment of `numericalCases`).
///
///     import mpmath as mp; mp.mp.dps = 30
///     kl = lambda p, q, pts: mp.quad(lambda x: p(x)*mp.log(p(x)/q(x)) if p(x) > 0 else 0, pts)
///     e.g. kl(lambda x: mp.npdf(x,.5,1.5), lambda x: .4*mp.npdf(x,-1,.8)+.6*mp.npdf(x,1.5,1.2),
///             [-mp.inf,-1,.5,1.5,mp.inf])
let numericalCases: [KLCase] = [
    KLCase(name: "Mixture‖Normal", p: { try mixture([try normal(-2, 1), try normal(2, 1)], [0.5, 0.5]) },
           q: { try normal(0, 2.5) }, expected: 0.18357053813728808),
    KLCase(name: "Normal‖Mixture", p: { try normal(0.5, 1.5) },
           q: { try mixture([try normal(-1, 0.8), try normal(1.5, 1.2)], [0.4, 0.6]) }, expected: 0.05022586151169803),
    KLCase(name: "Gamma‖Laplace", p: { try gamma(2.5, 1.5) }, q: { try laplace(1, 0.8) }, expected: 0.24973220333207105),
    KLCase(name: "Exponential‖Laplace", p: { try exponential(1.3) }, q: { try laplace(0.2, 0.9) }, expected: 0.5357091957004926),
    KLCase(name: "Beta‖Laplace", p: { try beta(2, 5) }, q: { try laplace(0.3, 0.2) }, expected: 0.22791355454990508),
    KLCase(name: "Uniform‖Laplace", p: { try uniform(-1, 2) }, q: { try laplace(0, 1) }, expected: 0.42786822522516893),
    KLCase(name: "Beta‖Mixture(Beta, Uniform)", p: { try beta(2, 5) },
           q: { try mixture([try beta(1.5, 1.5), try uniform(0, 1)], [0.3, 0.7]) }, expected: 0.4703583835957031),
    KLCase(name: "Mixture‖Mixture",
           p: { try mixture([try normal(-1, 0.5), try normal(2, 1.5)], [0.3, 0.7]) },
           q: { try mixture([try laplace(0, 1), try normal(3, 0.7)], [0.6, 0.4]) }, expected: 0.19109696523372688),
]

@Test("numerical KL to 1e-8 relative against mpmath.quad", arguments: numericalCases)
func numericalKL(_ c: KLCase) throws {
    let p = try c.p(), q = try c.q()
    #expect(!KLRegistry.hasClosedForm(type(of: p), type(of: q)))
    let value = number(try DistributionMeasures.kl(p, q))
    #expect(Swift.abs(value - c.expected) <= 1e-8 * c.expected, "got \(value)")
}

@Test("entropy of a mixture by quadrature")
func mixtureEntropy() throws {
    // mpmath.quad(-m(x) log m(x), [-inf, -1, 2, inf]) for m = .3·N(-1,.5) + .7·N(2,1.5)
    let m = try mixture([try normal(-1, 0.5), try normal(2, 1.5)], [0.3, 0.7])
    #expect(near(number(try m.entropy), 1.940289214379131, 1e-9))
    // A mixture of one component is that component: ½log(2πe·4).
    let single = try mixture([try normal(0, 2)], [1])
    #expect(near(number(try single.entropy), 0.5 * Foundation.log(2 * Double.pi * M_E * 4), 1e-10))
}

@Test("a discrete and a continuous distribution cannot be compared")
func mixedKinds() throws {
    #expect(throws: DistributionError.self) {
        try DistributionMeasures.kl(try Bernoulli(p: Var(0.5)), try normal(0, 1))
    }
    do {
        _ = try DistributionMeasures.kl(try Bernoulli(p: Var(0.5)), try normal(0, 1))
    } catch {
        #expect("\(error)" == "KL: cannot compare a discrete and a continuous distribution (Bernoulli(p=0.5) and Normal(μ=0, σ=1))")
    }
}
