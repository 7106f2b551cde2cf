import Foundation
import Testing
@testable import KLSSpecial

/// Sample mean and variance of `values`.
private func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    return (mean, variance)
}

/// Whether `estimate` is within five standard errors of `truth`.
private func withinFiveStandardErrors(_ estimate: Double, _ truth: Double, standardError: Double) -> Bool {
    abs(estimate - truth) <= 5 * standardError
}

@Suite struct RandomSourceTests {
    private let count = 1_000_000

    @Test func bitStreamIsXoshiro256StarStarSeededBySplitMix64() {
        // Independent Python implementation of splitmix64 + xoshiro256** (Vigna's reference
        // C code transcribed), seed 42: first four outputs.
        var rng = RandomSource(seed: 42)
        let expected: [UInt64] = [
            1_546_998_764_402_558_742, 6_990_951_692_964_543_102,
            12_544_586_762_248_559_009, 17_057_574_109_182_124_193,
        ]
        #expect((0..<4).map { _ in rng.nextUInt64() } == expected)
        // The same Python: (x >> 11)·2⁻⁵³ of the first output of seed 42.
        var fresh = RandomSource(seed: 42)
        #expect(fresh.nextDouble() == 0.08386297105988216)
    }

    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = RandomSource(seed: 7)
        var b = RandomSource(seed: 7)
        var c = RandomSource(seed: 8)
        let first = (0..<100).map { _ in a.normal() }
        #expect(first == (0..<100).map { _ in b.normal() })
        #expect(first != (0..<100).map { _ in c.normal() })
    }

    @Test func firstDerivedDrawsAreFixed() {
        // Recorded from this implementation (seed 2024) after normalMoments,
        // exponentialMoments, gammaMoments and betaMoments below passed with 10⁶ draws each:
        // they pin the derived streams so that any change to the samplers is noticed.
        var rng = RandomSource(seed: 2024)
        let normals = (0..<3).map { _ in rng.normal() }
        let exponentials = (0..<3).map { _ in rng.exponential() }
        let gammas = (0..<2).map { _ in rng.gamma(shape: 0.5) }
        let beta = rng.beta(a: 2, b: 3)
        #expect(normals == RecordedDraws.normals)
        #expect(exponentials == RecordedDraws.exponentials)
        #expect(gammas == RecordedDraws.gammas)
        #expect(beta == RecordedDraws.beta)
    }

    @Test func uniformMomentsAndRange() {
        var rng = RandomSource(seed: 11)
        var values = [Double](repeating: 0, count: count)
        rng.fillUniform(&values, a: -2, b: 3)
        #expect(values.allSatisfy { $0 >= -2 && $0 < 3 })
        let m = moments(values)
        // U(−2, 3): mean ½, variance 25/12; SE of the variance √((μ₄ − σ⁴)/n), μ₄ = 5⁴/80.
        let n = Double(count)
        #expect(withinFiveStandardErrors(m.mean, 0.5, standardError: (25.0 / 12 / n).squareRoot()))
        let fourth = 625.0 / 80
        #expect(withinFiveStandardErrors(m.variance, 25.0 / 12,
                                         standardError: ((fourth - 625.0 / 144) / n).squareRoot()))
    }

    @Test func normalMoments() {
        var rng = RandomSource(seed: 12)
        var values = [Double](repeating: 0, count: count)
        rng.fillNormal(&values)
        let m = moments(values)
        let n = Double(count)
        #expect(withinFiveStandardErrors(m.mean, 0, standardError: (1 / n).squareRoot()))
        #expect(withinFiveStandardErrors(m.variance, 1, standardError: (2 / n).squareRoot()))
        // Kurtosis 3: E Z⁴ = 3 with standard error √((105 − 9)/n).
        let fourth = values.reduce(0) { $0 + $1 * $1 * $1 * $1 } / n
        #expect(withinFiveStandardErrors(fourth, 3, standardError: (96 / n).squareRoot()))
        // The tail beyond the ziggurat's r = 3.654 comes from the separate tail sampler:
        // P(|Z| > 3.654) = 2·Φ(−3.654) = 2.5833e-4 (2*scipy.stats.norm.sf(3.654)).
        let tail = Double(values.filter { abs($0) > 3.654 }.count) / n
        let p = 2.5833e-4
        #expect(withinFiveStandardErrors(tail, p, standardError: (p * (1 - p) / n).squareRoot()))
    }

    @Test func exponentialMoments() {
        var rng = RandomSource(seed: 13)
        var values = [Double](repeating: 0, count: count)
        rng.fillExponential(&values, rate: 2)
        #expect(values.allSatisfy { $0 >= 0 })
        let m = moments(values)
        let n = Double(count)
        // Exp(2): mean ½, variance ¼; Var of the sample variance ≈ (μ₄ − σ⁴)/n = (9 − 1)/16/n.
        #expect(withinFiveStandardErrors(m.mean, 0.5, standardError: (0.25 / n).squareRoot()))
        #expect(withinFiveStandardErrors(m.variance, 0.25, standardError: (0.5 / n).squareRoot()))
        // Tail beyond the ziggurat's r = 7.697 (in units of 1/rate): P = e^(−7.697).
        let tail = Double(values.filter { $0 > 7.697 / 2 }.count) / n
        let p = exp(-7.697)
        #expect(withinFiveStandardErrors(tail, p, standardError: (p * (1 - p) / n).squareRoot()))
    }

    @Test(arguments: [0.05, 0.7, 1.0, 4.5])
    func gammaMoments(shape k: Double) {
        var rng = RandomSource(seed: 14)
        let values = (0..<count).map { _ in rng.gamma(shape: k) }
        #expect(values.allSatisfy { $0 >= 0 })
        let m = moments(values)
        let n = Double(count)
        // Gamma(k, 1): mean k, variance k, μ₄ = 3k² + 6k.
        #expect(withinFiveStandardErrors(m.mean, k, standardError: (k / n).squareRoot()))
        #expect(withinFiveStandardErrors(m.variance, k, standardError: ((2 * k * k + 6 * k) / n).squareRoot()))
    }

    @Test(arguments: [(0.5, 0.5), (2.0, 3.0), (0.01, 0.02), (30.0, 0.8)])
    func betaMoments(a: Double, b: Double) {
        var rng = RandomSource(seed: 15)
        let values = (0..<count).map { _ in rng.beta(a: a, b: b) }
        #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 })
        let m = moments(values)
        let n = Double(count)
        let mean = a / (a + b)
        let variance = a * b / ((a + b) * (a + b) * (a + b + 1))
        #expect(withinFiveStandardErrors(m.mean, mean, standardError: (variance / n).squareRoot()))
        // A bounded variable: Var((X − μ)²) ≤ E(X − μ)² ≤ variance, a safe SE bound.
        #expect(withinFiveStandardErrors(m.variance, variance, standardError: (variance / n).squareRoot()))
    }

    @Test func bulkFillersEqualRepeatedScalarDraws() {
        var scalar = RandomSource(seed: 16)
        var bulk = scalar
        var out = [Double](repeating: 0, count: 1000)
        bulk.fillNormal(&out, mean: 1, std: 2)
        #expect(out == (0..<1000).map { _ in scalar.normal(mean: 1, std: 2) })
        bulk.fillUniform(&out, a: 3, b: 4)
        #expect(out == (0..<1000).map { _ in scalar.uniform(3, 4) })
        bulk.fillExponential(&out, rate: 3)
        #expect(out == (0..<1000).map { _ in scalar.exponential() / 3 })
        let (afterBulk, afterScalar) = (bulk.nextUInt64(), scalar.nextUInt64())
        #expect(afterBulk == afterScalar)
    }

    @Test func categoricalFollowsTheWeights() {
        var rng = RandomSource(seed: 17)
        let cumulative = [0.1, 0.1, 0.6, 1.0]  // weights 0.1, 0, 0.5, 0.4
        var counts = [0, 0, 0, 0]
        for _ in 0..<count {
            if let index = rng.categorical(cumulative: cumulative) { counts[index] += 1 }
        }
        #expect(counts[1] == 0)
        for (index, p) in [(0, 0.1), (2, 0.5), (3, 0.4)] {
            let frequency = Double(counts[index]) / Double(count)
            #expect(withinFiveStandardErrors(frequency, p, standardError: (p * (1 - p) / Double(count)).squareRoot()))
        }
        let degenerate = [[], [0, 0], [1, .nan], [0, 2, 2]].map { rng.categorical(cumulative: $0) }
        #expect(degenerate == [nil, nil, nil, 1])
    }

    @Test func bernoulliFrequencyAndInvalidParameters() {
        var rng = RandomSource(seed: 18)
        let hits = (0..<count).filter { _ in rng.bernoulli(0.3) }.count
        let frequency = Double(hits) / Double(count)
        #expect(withinFiveStandardErrors(frequency, 0.3, standardError: (0.21 / Double(count)).squareRoot()))
        let certain = (rng.bernoulli(0), rng.bernoulli(1))
        #expect(certain == (false, true))
        let invalid = [rng.gamma(shape: 0), rng.gamma(shape: -1), rng.beta(a: 0, b: 1), rng.beta(a: 1, b: .infinity)]
        #expect(invalid.allSatisfy { $0.isNaN })
    }

    @Test func portableMathIsWithinOneUlpOfLibm() {
        var rng = RandomSource(seed: 19)
        for _ in 0..<100_000 {
            let x = PortableMath.exp(rng.uniform(-700, 700))
            let t = rng.uniform(-745, 709)
            #expect(abs(PortableMath.exp(t) - exp(t)) <= exp(t).ulp)
            #expect(abs(PortableMath.log(x) - log(x)) <= log(x).ulp)
        }
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
        #expect(PortableMath.log(.leastNonzeroMagnitude) == log(.leastNonzeroMagnitude))
        #expect(PortableMath.exp(-745.2) == 0)
        #expect(PortableMath.exp(710) == .infinity)
    }
}

/// The first draws of `RandomSource(seed: 2024)`: three normals, three exponentials, two
/// Gamma(0.5) and one Beta(2, 3) draw, in that order.
private enum RecordedDraws {
    static let normals: [Double] = [-0.12340029311510309, 1.34870784761914, 0.26329976713559194]
    static let exponentials: [Double] = [0.31135215480180817, 0.9427496250533711, 0.07537970958860145]
    static let gammas: [Double] = [0.13871337399801695, 0.005114345745491426]
    static let beta = 0.8911700677885679
}
