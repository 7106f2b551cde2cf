import Foundation
import Testing
import KLSNumerics
@testable import KLSDistributions

/// The message of the error thrown by `body`, or nil when it does not throw.
func errorMessage(_ body: () throws -> Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return "\(error)"
    }
}

@Test("invalid parameters name the family, the parameter and the value")
func parameterErrors() {
    #expect(errorMessage { try Normal(mu: Var(0), sigma: Var(-1)) } == "Normal: 'sigma' must be > 0 (got -1)")
    #expect(errorMessage { try Normal(mu: Var(0), sigma: Var(0)) } == "Normal: 'sigma' must be > 0 (got 0)")
    #expect(errorMessage { try Normal(mu: Var(.nan), sigma: Var(1)) } == "Normal: 'mu' must be finite (got nan)")
    #expect(errorMessage { try Normal(mu: Var(0), sigma: Var(.nan)) } == "Normal: 'sigma' must be > 0 (got nan)")
    #expect(errorMessage { try Normal(mu: Var(0), sigma: Var(.infinity)) } == "Normal: 'sigma' must be finite (got inf)")
    #expect(errorMessage { try Normal(mu: vec([0, 1]), sigma: Var(1)) } == "Normal: 'mu' must be a number (got vector(2))")
    #expect(errorMessage { try Uniform(a: Var(2), b: Var(1)) } == "Uniform: 'b' must be > 'a' (got a=2, b=1)")
    #expect(errorMessage { try Uniform(a: Var(-.infinity), b: Var(1)) } == "Uniform: 'a' must be finite (got -inf)")
    #expect(errorMessage { try Exponential(rate: Var(-0.5)) } == "Exponential: 'rate' must be > 0 (got -0.5)")
    #expect(errorMessage { try Laplace(loc: Var(0), scale: Var(0)) } == "Laplace: 'scale' must be > 0 (got 0)")
    #expect(errorMessage { try Gamma(shape: Var(0), rate: Var(1)) } == "Gamma: 'shape' must be > 0 (got 0)")
    #expect(errorMessage { try Gamma(shape: Var(1), rate: Var(-2)) } == "Gamma: 'rate' must be > 0 (got -2)")
    #expect(errorMessage { try Beta(a: Var(2), b: Var(-1)) } == "Beta: 'b' must be > 0 (got -1)")
    #expect(errorMessage { try Bernoulli(p: Var(1.5)) } == "Bernoulli: 'p' must be in [0, 1] (got 1.5)")
    #expect(errorMessage { try Bernoulli(p: Var(.nan)) } == "Bernoulli: 'p' must be in [0, 1] (got nan)")
}

@Test("probability vectors must be non-negative and sum to 1 within 1e-9")
func probabilityErrors() {
    #expect(errorMessage { try Categorical(probs: vec([0.5, 0.4])) } == "Categorical: probabilities must sum to 1 (got 0.9)")
    #expect(errorMessage { try Categorical(probs: vec([0.6, -0.1, 0.5])) } == "Categorical: probability 1 is negative (-0.1)")
    #expect(errorMessage { try Categorical(probs: vec([0.5, .nan])) } == "Categorical: probability 1 is nan")
    #expect(errorMessage { try Categorical(probs: vec([])) } == "Categorical: probabilities must be a non-empty vector (got vector(0))")
    #expect(errorMessage { try Categorical(probs: vec([0.5, 0.5]), labels: ["A"]) } == "Categorical: 1 labels for 2 probabilities")
    // Rounding is tolerated: 0.1 + 0.2 + 0.7 = 1.0000000000000002 in binary.
    #expect(errorMessage { try Categorical(probs: vec([0.1, 0.2, 0.7])) } == nil)
    #expect(errorMessage { try Categorical(probs: vec([0.5, 0.5 + 2e-9])) } != nil)
    let n = { try Normal(mu: Var(0), sigma: Var(1)) }
    #expect(errorMessage { try Mixture(components: []) } == "Mixture: needs at least one component")
    #expect(errorMessage { try Mixture(components: [try n(), try n()], weights: vec([0.5, 0.6])) }
            == "Mixture: weights must sum to 1 (got 1.1)")
    #expect(errorMessage { try Mixture(components: [try n(), try n()], weights: vec([1])) } == "Mixture: 1 weights for 2 components")
    #expect(errorMessage { try Mixture(components: [try n(), try Bernoulli(p: Var(0.5))]) }
            == "Mixture: components must be all continuous or all discrete")
}

@Test("display strings")
func display() throws {
    #expect("\(try Normal(mu: Var(0), sigma: Var(1)))" == "Normal(μ=0, σ=1)")
    #expect("\(try Normal(mu: Var(-1.5), sigma: Var(0.25)))" == "Normal(μ=-1.5, σ=0.25)")
    #expect("\(try Uniform(a: Var(-1), b: Var(3)))" == "Uniform(a=-1, b=3)")
    #expect("\(try Exponential(rate: Var(2)))" == "Exponential(λ=2)")
    #expect("\(try Laplace(loc: Var(0.5), scale: Var(1.5)))" == "Laplace(μ=0.5, b=1.5)")
    #expect("\(try Gamma(shape: Var(2.5), rate: Var(1.5)))" == "Gamma(α=2.5, β=1.5)")
    #expect("\(try Beta(a: Var(2), b: Var(5)))" == "Beta(α=2, β=5)")
    #expect("\(try Bernoulli(p: Var(0.3)))" == "Bernoulli(p=0.3)")
    #expect("\(try Categorical(probs: vec([0.5, 0.25, 0.25]), labels: ["A", "B", "C"]))" == "Categorical(A: 0.5, B: 0.25, C: 0.25)")
    #expect("\(try Categorical(probs: vec([0.5, 0.5])))" == "Categorical([0.5, 0.5])")
    let m = try Mixture(components: [try Normal(mu: Var(-5), sigma: Var(1)), try Normal(mu: Var(10), sigma: Var(1))])
    #expect("\(m)" == "Mixture([Normal(μ=-5, σ=1), Normal(μ=10, σ=1)], [0.5, 0.5])")
    #expect("\(try Exponential(rate: Var(2)).support)" == "[0, inf)")
    #expect("\(try Categorical(probs: vec([0.5, 0.25, 0.25])).support)" == "{0, 1, 2}")
}

@Test("discrete outcomes are 0-based indices; other x have mass 0 and cdf steps at the outcomes")
func discreteSemantics() throws {
    let b = try Bernoulli(p: Var(0.85))
    // The contract's example: exactly 0.15 (1 − 0.85 taken on the decimals).
    #expect(number(try b.cdf(Var(0))) == 0.15)
    #expect(try b.cdf(vec([-1, 0, 0.5, 1, 7])).value.data == [0, 0.15, 0.15, 1, 1])
    #expect(try b.pdf(vec([-1, 0, 0.5, 1, 2])).value.data == [0, 0.15, 0, 0.85, 0])
    #expect(try b.logpdf(vec([0.5, 3])).value.data == [-.infinity, -.infinity])
    #expect(try b.survival(vec([-1, 0, 1])).value.data == [1, 0.85, 0])
    let c = try Categorical(probs: vec([0.1, 0.2, 0.3, 0.4]))
    // Cumulative sums on the decimals: 0.1 + 0.2 = 0.3 (not 0.30000000000000004).
    #expect(try c.cdf(vec([-0.5, 0, 1, 1.5, 2, 3, 10])).value.data == [0, 0.1, 0.3, 0.3, 0.6, 1, 1])
    #expect(try c.survival(vec([-0.5, 0, 1, 3])).value.data == [1, 0.9, 0.7, 0])
    #expect(try c.pdf(vec([1.5, -1, 4, 3])).value.data == [0, 0, 0, 0.4])
    #expect(c.support == .discrete(count: 4))
    // Degenerate Bernoulli: p = 0 and p = 1 are valid.
    #expect(number(try Bernoulli(p: Var(1)).logpdf(Var(0))) == -.infinity)
    #expect(number(try Bernoulli(p: Var(0)).entropy) == 0)
}

@Test("continuous families outside their support: pdf 0, logpdf −inf, cdf 0 below and 1 above")
func outsideSupport() throws {
    let families: [any Distribution] = [
        try Uniform(a: Var(0), b: Var(1)), try Exponential(rate: Var(1)), try Gamma(shape: Var(2), rate: Var(1)),
        try Beta(a: Var(2), b: Var(3)),
    ]
    for d in families {
        let (lower, upper) = d.support.hull
        var xs = [lower - 1]
        if upper.isFinite { xs.append(upper + 1) }
        #expect(try d.pdf(vec(xs)).value.data.allSatisfy { $0 == 0 }, "\(d)")
        #expect(try d.logpdf(vec(xs)).value.data.allSatisfy { $0 == -.infinity }, "\(d)")
        #expect(number(try d.cdf(Var(lower - 1))) == 0, "\(d)")
        if upper.isFinite { #expect(number(try d.cdf(Var(upper + 1))) == 1, "\(d)") }
    }
    // Edges follow scipy: Gamma(1, 2) at 0 has density 2; Beta(1, 1) is uniform on the closed [0, 1].
    #expect(number(try Gamma(shape: Var(1), rate: Var(2)).pdf(Var(0))) == 2)
    #expect(try Beta(a: Var(1), b: Var(1)).pdf(vec([0, 1])).value.data == [1, 1])
    #expect(number(try Beta(a: Var(0.5), b: Var(2)).logpdf(Var(0))) == .infinity)
}

@Test("tails: log space and relative accuracy (scipy.stats figures)")
func tails() throws {
    let n = try Normal(mu: Var(0), sigma: Var(1))
    // scipy.stats.norm.logpdf(40) = -800.9189385332047
    #expect(near(number(try n.logpdf(Var(40))), -800.9189385332047, 1e-15))
    #expect(number(try n.pdf(Var(40))) == 0)
    // norm.cdf(-10) = norm.sf(10) = 7.61985302416047e-24; norm.cdf(-37.5) = 4.605353009581954e-308
    #expect(relativelyNear(number(try n.cdf(Var(-10))), 7.61985302416047e-24, 1e-12))
    #expect(relativelyNear(number(try n.survival(Var(10))), 7.61985302416047e-24, 1e-12))
    #expect(relativelyNear(number(try n.cdf(Var(-37.5))), 4.605353009581954e-308, 1e-9))
    #expect(number(try n.cdf(Var(40))) == 1)
    // expon(scale=0.5).sf(30) = 8.75651076269652e-27; .cdf(1e-12) = 1.999999999998e-12
    let e = try Exponential(rate: Var(2))
    #expect(relativelyNear(number(try e.survival(Var(30))), 8.75651076269652e-27, 1e-13))
    #expect(relativelyNear(number(try e.cdf(Var(1e-12))), 1.999999999998e-12, 1e-13))
    // laplace.cdf(-700) = 4.929838271879885e-305; log density at -1000 is -1000 - log 2 exactly.
    let l = try Laplace(loc: Var(0), scale: Var(1))
    #expect(relativelyNear(number(try l.cdf(Var(-700))), 4.929838271879885e-305, 1e-12))
    #expect(near(number(try l.logpdf(Var(-1000))), -1000 - M_LN2, 1e-15))
    // gamma(2.5, scale=1/1.5).sf(60) = 5.3510882453551466e-37; .logpdf(1000) = -1488.909387181729
    let g = try Gamma(shape: Var(2.5), rate: Var(1.5))
    #expect(relativelyNear(number(try g.survival(Var(60))), 5.3510882453551466e-37, 1e-10))
    #expect(near(number(try g.logpdf(Var(1000))), -1488.909387181729, 1e-14))
    // beta(2,5).sf(0.999) = 5.995000000000027e-15; .cdf(1e-9) = 1.499999996e-17
    let b = try Beta(a: Var(2), b: Var(5))
    #expect(relativelyNear(number(try b.survival(Var(0.999))), 5.995000000000027e-15, 1e-9))
    #expect(relativelyNear(number(try b.cdf(Var(1e-9))), 1.499999996e-17, 1e-10))
    // Mixture log density far in the tail stays finite (log-sum-exp over the components).
    let m = try Mixture(components: [n, try Normal(mu: Var(3), sigma: Var(2))])
    let far = number(try m.logpdf(Var(-60)))
    // scipy.special.logsumexp([norm.logpdf(-60), norm.logpdf(-60, 3, 2)], b=[.5, .5]) = -498.43023289432455
    #expect(near(far, -498.43023289432455, 1e-14))
}

@Test("Fisher information in closed form")
func fisherInformation() throws {
    #expect(try Normal(mu: Var(1), sigma: Var(2)).fisher() == Tensor(shape: [2, 2], data: [0.25, 0, 0, 0.5]))
    #expect(try Exponential(rate: Var(4)).fisher() == Tensor(shape: [1, 1], data: [1.0 / 16]))
    #expect(try Laplace(loc: Var(0), scale: Var(0.5)).fisher() == Tensor(shape: [2, 2], data: [4, 0, 0, 4]))
    #expect(try Bernoulli(p: Var(0.2)).fisher()?.data.first.map { near($0, 6.25, 1e-15) } == true)
    #expect(try Categorical(probs: vec([0.5, 0.25, 0.25])).fisher() == Tensor(shape: [3, 3], data: [2, 0, 0, 0, 4, 0, 0, 0, 4]))
    #expect(try Uniform(a: Var(0), b: Var(1)).fisher() == nil)
    // scipy.special.polygamma(1, 2.5) = 0.4903577561002349; Gamma(2.5, 2): [[ψ′(α), −1/β], [−1/β, α/β²]]
    let g = try Gamma(shape: Var(2.5), rate: Var(2)).fisher()?.data ?? []
    #expect(nearAll(g, [0.4903577561002349, -0.5, -0.5, 0.625], 1e-14))
    // polygamma(1, [2, 5, 7]) = [0.6449340668482266, 0.22132295573711533, 0.15354517795933756]
    let b = try Beta(a: Var(2), b: Var(5)).fisher()?.data ?? []
    #expect(nearAll(b, [0.6449340668482266 - 0.15354517795933756, -0.15354517795933756,
                        -0.15354517795933756, 0.22132295573711533 - 0.15354517795933756], 1e-14))
}

@Test("x = ±inf gives the limits; x = nan gives nan", arguments: familyCases)
func infiniteAndNaN(_ c: FamilyCase) throws {
    let d = try c.make()
    let x = vec([-.infinity, .infinity])
    #expect(try d.pdf(x).value.data == [0, 0])
    #expect(try d.logpdf(x).value.data == [-.infinity, -.infinity])
    #expect(try d.cdf(x).value.data == [0, 1])
    #expect(try d.survival(x).value.data == [1, 0])
    for f in [d.pdf, d.logpdf, d.cdf, d.survival] as [(Var) throws -> Var] {
        #expect(number(try f(Var(.nan))).isNaN)
    }
}

@Test("categorical and discrete-mixture moments and entropies")
func discreteMoments() throws {
    // scipy.stats.entropy([0.1, 0, 0.6, 0.3]) = 0.8979457248567798; mean Σk·p = 2.1; var Σk²p − 2.1² = 0.69
    let c = try Categorical(probs: vec([0.1, 0, 0.6, 0.3]))
    #expect(near(number(try c.entropy), 0.8979457248567798, 1e-14))
    #expect(near(number(c.mean), 2.1, 1e-15) && near(number(c.variance), 0.69, 1e-14))
    // ½·Bernoulli(0.2) + ½·Categorical([.5,.25,.25]) has masses [0.65, 0.225, 0.125]:
    // scipy.stats.entropy([0.65, 0.225, 0.125]) = 0.8755614354450612, mean 0.475, var 0.725 − 0.475².
    let m = try Mixture(components: [try Bernoulli(p: Var(0.2)), try Categorical(probs: vec([0.5, 0.25, 0.25]))])
    #expect(m.support == .discrete(count: 3))
    #expect(nearAll(m.probabilities?.value.data ?? [], [0.65, 0.225, 0.125], 1e-15))
    #expect(near(number(try m.entropy), 0.8755614354450612, 1e-14))
    #expect(near(number(try m.pdf(Var(1))), 0.225, 1e-15))
    #expect(near(number(try m.cdf(Var(1))), 0.875, 1e-15))
    #expect(near(number(m.mean), 0.475, 1e-15) && near(number(m.variance), 0.725 - 0.475 * 0.475, 1e-14))
    // A discrete mixture compares with a categorical through KLSInformation: KL = 0 against its own masses.
    let same = try Categorical(probs: vec([0.65, 0.225, 0.125]))
    #expect(Swift.abs(number(try DistributionMeasures.kl(m, same))) < 1e-15)
}
