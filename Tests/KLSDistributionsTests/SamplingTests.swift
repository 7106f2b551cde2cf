import Foundation
import Testing
import KLSNumerics
import KLSSpecial
@testable import KLSDistributions

/// A family with its fourth central moment μ₄ (scipy: `(d.stats(moments='k') + 3) * var**2`;
/// the mixture's by scipy.integrate.quad of (x − m)⁴p(x)).
struct SamplingCase: CustomStringConvertible, Sendable {
    let make: @Sendable () throws -> any Distribution
    let fourthMoment: Double
    let name: String
    var description: String { name }
}

let samplingCases: [SamplingCase] = [
    SamplingCase(make: { try normal(2, 3) }, fourthMoment: 243.0, name: "Normal(2, 3)"),
    SamplingCase(make: { try uniform(-1, 3) }, fourthMoment: 3.1999999999999997, name: "Uniform(-1, 3)"),
    SamplingCase(make: { try exponential(2) }, fourthMoment: 0.5625, name: "Exponential(2)"),
    SamplingCase(make: { try laplace(0.5, 1.5) }, fourthMoment: 121.5, name: "Laplace(0.5, 1.5)"),
    SamplingCase(make: { try gamma(0.6, 2.2) }, fourthMoment: 0.19978143569428314, name: "Gamma(0.6, 2.2)"),
    SamplingCase(make: { try gamma(7.5, 0.4) }, fourthMoment: 8349.609375, name: "Gamma(7.5, 0.4)"),
    SamplingCase(make: { try beta(0.7, 1.8) }, fourthMoment: 0.009037265454545454, name: "Beta(0.7, 1.8)"),
    SamplingCase(make: { try beta(3.5, 2.25) }, fourthMoment: 0.003029185582458057, name: "Beta(3.5, 2.25)"),
    SamplingCase(make: { try Bernoulli(p: Var(0.3)) }, fourthMoment: 0.07769999999999999, name: "Bernoulli(0.3)"),
    SamplingCase(make: { try mixture([try normal(-1, 0.5), try normal(2, 1.5)], [0.3, 0.7]) },
                 fourthMoment: 26.620200000000004, name: "Mixture(N(-1, 0.5), N(2, 1.5); 0.3, 0.7)"),
]

@Test("sample mean and variance within 5 standard errors (seeded)", arguments: samplingCases)
func samplingMoments(_ c: SamplingCase) throws {
    let d = try c.make()
    var rng = RandomSource(seed: 20_261_122)
    let n = 200_000
    let s = d.sample(count: n, rng: &rng).data
    #expect(s.count == n)
    let mean = number(d.mean), variance = number(d.variance)
    let m = s.reduce(0, +) / Double(n)
    let v = s.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n)
    #expect(Swift.abs(m - mean) <= 5 * (variance / Double(n)).squareRoot(), "mean \(m)")
    #expect(Swift.abs(v - variance) <= 5 * ((c.fourthMoment - variance * variance) / Double(n)).squareRoot(), "variance \(v)")
    let (lower, upper) = d.support.hull
    #expect(s.allSatisfy { $0 >= lower && $0 <= upper })
}

@Test("categorical frequencies within 5 standard errors; labels do not change outcomes")
func categoricalSampling() throws {
    let probs = [0.1, 0.0, 0.6, 0.3]
    let c = try Categorical(probs: vec(probs), labels: ["a", "b", "c", "d"])
    var rng = RandomSource(seed: 7)
    let n = 100_000
    let s = c.sample(count: n, rng: &rng).data
    for (k, p) in probs.enumerated() {
        let freq = Double(s.filter { $0 == Double(k) }.count) / Double(n)
        #expect(Swift.abs(freq - p) <= 5 * (p * (1 - p) / Double(n)).squareRoot() + 1e-12, "outcome \(k): \(freq)")
    }
}

@Test("sampling is reproducible from the seed; a negative count gives no draws")
func samplingSeeds() throws {
    let d = try normal(0, 1)
    var a = RandomSource(seed: 42), b = RandomSource(seed: 42)
    #expect(d.sample(count: 10, rng: &a) == d.sample(count: 10, rng: &b))
    #expect(d.sample(count: -3, rng: &a).count == 0)
}

@Test("Monte Carlo KL agrees with the closed form within its standard error")
func monteCarloKL() throws {
    let p = try normal(0, 1), q = try normal(1, 2)
    var rng = RandomSource(seed: 99)
    let estimate = try DistributionMeasures.klMonteCarlo(p, q, samples: 100_000, rng: &rng)
    // Closed form 0.4431471805599453 (info_continuous.kls).
    #expect(Swift.abs(estimate.estimate - 0.4431471805599453) <= 5 * estimate.standardError)
    #expect(estimate.standardError > 0 && estimate.standardError < 0.01)
    var again = RandomSource(seed: 99)
    let bits = try DistributionMeasures.klMonteCarlo(p, q, samples: 100_000, rng: &again, base: 2)
    #expect(near(bits.estimate, estimate.estimate / M_LN2, 1e-12))
    // Draws from P where Q has no density: +inf.
    var third = RandomSource(seed: 1)
    #expect(try DistributionMeasures.klMonteCarlo(try uniform(0, 2), try uniform(0, 1), samples: 1000, rng: &third).estimate == .infinity)
    #expect(throws: DistributionError.self) { try DistributionMeasures.klMonteCarlo(p, q, samples: 1, rng: &third) }
}
