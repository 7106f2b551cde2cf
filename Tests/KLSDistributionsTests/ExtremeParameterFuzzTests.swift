import Foundation
import Testing
import KLSNumerics
import KLSSpecial
@testable import KLSDistributions

/// The extreme-parameter class of issue 14's fuzzing, bounded for CI: every family with odd
/// but valid parameters (subnormal, tiny, huge, near the largest double). Each quantity must be
/// a number (finite, or ±inf where that is its value), a bounded measure must stay within its
/// bounds, D against itself must give 0 — or the call throws a clear error. Never a silent nan
/// and never a trap.
@Suite struct ExtremeParameterFuzzTests {
    static let tiny = Double("1e-320") ?? 0

    /// (description, distribution) for every family × odd parameter values.
    static func cases() -> [(String, any Distribution)] {
        var out: [(String, any Distribution)] = []
        func add(_ name: String, _ make: () throws -> any Distribution) {
            if let d = try? make() { out.append((name, d)) }
        }
        let scales = [tiny, 1e-170, 1e-3, 1, 1e160, 1e308]
        for m in [0, -1e308, 1e308] {
            for s in scales {
                add("Normal(\(m), \(s))") { try Normal(mu: Var(m), sigma: Var(s)) }
                add("Laplace(\(m), \(s))") { try Laplace(loc: Var(m), scale: Var(s)) }
            }
        }
        for (a, b) in [(-1e308, 1e308), (0, tiny), (0.9e308, 1e308), (-1, 1), (1e300, 1e300 * (1 + 1e-15))] {
            add("Uniform(\(a), \(b))") { try Uniform(a: Var(a), b: Var(b)) }
        }
        for r in scales { add("Exponential(\(r))") { try Exponential(rate: Var(r)) } }
        for k in [tiny, 1e-300, 1e-3, 1, 1e15, 1e308] {
            for r in [1e-300, 1, 1e300] { add("Gamma(\(k), \(r))") { try Gamma(shape: Var(k), rate: Var(r)) } }
        }
        let shapes = [tiny, 1e-300, 0.5, 1, 1e15, 1e300]
        for a in shapes {
            for b in shapes { add("Beta(\(a), \(b))") { try Beta(a: Var(a), b: Var(b)) } }
        }
        for p in [0, tiny, 1e-12, 0.5, 1 - 1e-16, 1] { add("Bernoulli(\(p))") { try Bernoulli(p: Var(p)) } }
        for probs in [[1, 0], [tiny, 1 - tiny], [1e-300, 0.5, 0.5 - 1e-300]] {
            add("Categorical(\(probs))") { try Categorical(probs: .constant(Tensor(vector: probs))) }
        }
        return out
    }

    /// A value that is a number (±inf allowed), or a thrown error; returns nil for an error.
    func check(_ what: String, _ body: () throws -> Var) -> [Double]? {
        guard let v = try? body() else { return nil }
        let data = v.value.data
        #expect(!data.contains { $0.isNaN }, "\(what) is nan: \(data)")
        return data
    }

    @Test(arguments: cases().map(\.0))
    func extremeParameters(_ name: String) throws {
        let d = try #require(Self.cases().first { $0.0 == name }?.1)
        let (lower, upper) = d.support.hull
        let mean = Scalar(d.mean).value
        let points = [lower, upper, mean, 0, -1e308, 1e308].filter { !$0.isNaN }
        let x = Var.constant(Tensor(vector: points))
        _ = check("logpdf(\(name))") { try d.logpdf(x) }
        _ = check("pdf(\(name))") { try d.pdf(x) }
        for (what, v) in [("cdf", { try d.cdf(x) }), ("survival", { try d.survival(x) })] as [(String, () throws -> Var)] {
            if let values = check("\(what)(\(name))", v) {
                #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(what)(\(name)) = \(values)")
            }
        }
        _ = check("mean(\(name))") { d.mean }
        if let v = check("var(\(name))", { d.variance }) { #expect(v.allSatisfy { $0 >= 0 }, "var(\(name)) = \(v)") }
        _ = check("entropy(\(name))") { try d.entropy }
        var rng = RandomSource(seed: 7)
        let draws = d.sample(count: 64, rng: &rng).data
        #expect(draws.allSatisfy { !$0.isNaN && $0 >= lower && $0 <= upper }, "sample(\(name)) = \(draws.prefix(4))")
        // D against itself: exactly 0.
        for (what, measure) in Self.measures {
            if let v = check("\(what)(\(name), itself)", { try measure(d, d) }) { #expect(v == [0], "\(what)(\(name), itself) = \(v)") }
        }
    }

    static let measures: [(String, @Sendable (any Distribution, any Distribution) throws -> Var)] = [
        ("KL", { try DistributionMeasures.kl($0, $1) }),
        ("JS", { try DistributionMeasures.js($0, $1) }),
        ("tv", { try DistributionMeasures.totalVariation($0, $1) }),
        ("hellinger", { try DistributionMeasures.hellinger($0, $1) }),
        ("chi2", { try DistributionMeasures.chi2($0, $1) }),
    ]
}
