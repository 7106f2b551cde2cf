import CKernels
import Foundation
import KLSNumerics
import KLSSpecial

/// The normal distribution N(μ, σ²), parametrised by its mean μ and standard deviation σ
/// (PyTorch's `loc`, `scale`): p(x) = exp(−(x−μ)²/(2σ²)) / (σ√(2π)).
public struct Normal: Distribution {
    public static let family = "Normal"
    /// The mean μ.
    public let mu: Var
    /// The standard deviation σ > 0.
    public let sigma: Var

    /// N(mu, sigma²); `sigma` must be > 0 and both finite.
    public init(mu: Var, sigma: Var) throws {
        let check = ParameterCheck(family: Self.family)
        try check.finite(mu, "mu")
        try check.positive(sigma, "sigma")
        self.mu = mu
        self.sigma = sigma
    }

    /// Validated parameters, stored as given.
    private init(constant mu: Var, _ sigma: Var) {
        self.mu = mu
        self.sigma = sigma
    }

    public var detached: Normal { Normal(constant: .constant(mu.value), .constant(sigma.value)) }
    public var parameters: [(name: String, value: Var)] { [("mu", mu), ("sigma", sigma)] }
    public var support: Support { .interval(lower: -.infinity, upper: .infinity) }
    public var landmarks: [Var] { [mu] }
    public var description: String {
        "Normal(μ=\(NumberText.format(Scalar(mu).value)), σ=\(NumberText.format(Scalar(sigma).value)))"
    }

    /// log p(x) = −z²/2 − log σ − ½log(2π), z = (x−μ)/σ.
    public func logpdf(_ x: Var) throws -> Var { density(x, exponentiate: false) }
    /// p(x) = exp(−z²/2) / (σ√(2π)).
    public func pdf(_ x: Var) throws -> Var { density(x, exponentiate: true) }

    private func density(_ x: Var, exponentiate: Bool) -> Var {
        let m = Scalar(mu).value, s = Scalar(sigma).value
        guard (1 / s).isFinite else { return subnormalDensity(x, m, s, exponentiate) }
        let log = NormalLogDensity(mu: m, sigma: s)
        if exponentiate { return Fused.map([x, mu, sigma], kernel: NormalDensity(log: log)) }
        return Fused.map([x, mu, sigma], kernel: log)
    }

    /// The density for a σ whose reciprocal overflows (σ < 5.6e-309), dividing by σ rather
    /// than multiplying by 1/σ = inf (which made log p(μ) = nan for Normal(0, 1e-320)).
    private func subnormalDensity(_ x: Var, _ m: Double, _ s: Double, _ exponentiate: Bool) -> Var {
        let offset = -Foundation.log(s) - 0.5 * Foundation.log(2 * Double.pi)
        return Fused.density([x, mu, sigma], exponentiate: exponentiate, logDensity: { x in
            let z = (x - m) / s
            return offset - 0.5 * z * z
        }, logPartials: { x in
            let z = (x - m) / s
            return SIMD3(-z / s, z / s, (z * z - 1) / s)
        })
    }

    /// F(x) = Φ((x−μ)/σ), via Φ(z) = ½erfc(−z/√2) (relative accuracy in the lower tail).
    public func cdf(_ x: Var) throws -> Var { tail(x, upper: false) }
    /// 1 − F(x) = Φ(−(x−μ)/σ).
    public func survival(_ x: Var) throws -> Var { tail(x, upper: true) }

    private func tail(_ x: Var, upper: Bool) -> Var {
        let m = Scalar(mu).value, s = Scalar(sigma).value
        let sign: Double = upper ? -1 : 1
        let norm = 1 / (s * (2 * Double.pi).squareRoot())
        return Fused.map([x, mu, sigma], value: { x in Special.ndtr(sign * (x - m) / s) }, partials: { x, _ in
            let z = (x - m) / s
            let density = sign * norm * Foundation.exp(-0.5 * z * z)
            return SIMD3(density, -density, -density * z)
        })
    }

    /// μ + σ·N(0, 1) draws.
    public func sample(count: Int, rng: inout RandomSource) -> Tensor {
        let m = Scalar(mu).value, s = Scalar(sigma).value
        var out = [Double](repeating: 0, count: Swift.max(0, count))
        rng.fillNormal(&out, mean: m, std: s)
        return Tensor(vector: out)
    }

    /// E[X] = μ.
    public var mean: Var { mu }
    /// Var[X] = σ².
    public var variance: Var { Scalar(sigma).squared.variable }
    /// σ.
    public var std: Var { sigma }
    /// H = ½ log(2πeσ²) = log σ + ½(1 + log 2π).
    public var entropy: Var {
        (ScalarMath.log(Scalar(sigma)) + Scalar(0.5 * (1 + Foundation.log(2 * Double.pi)))).variable
    }

    /// diag(1/σ², 2/σ²) in (μ, σ).
    public func fisher() -> Tensor? {
        let s2 = Scalar(sigma).value * Scalar(sigma).value
        return Tensor(shape: [2, 2], data: [1 / s2, 0, 0, 2 / s2])
    }
}

/// log p(x) = −z²/2 − log σ − ½log(2π), z = (x−μ)/σ, with partials
/// (∂/∂x, ∂/∂μ, ∂/∂σ) = (−z/σ, z/σ, (z² − 1)/σ).
struct NormalLogDensity: FusedKernel {
    let mu: Double
    let inverseSigma: Double
    let offset: Double

    init(mu: Double, sigma: Double) {
        self.mu = mu
        inverseSigma = 1 / sigma
        offset = -Foundation.log(sigma) - 0.5 * Foundation.log(2 * Double.pi)
    }

    @inline(__always) func value(_ x: Double) -> Double {
        let z = (x - mu) * inverseSigma
        return offset - 0.5 * z * z
    }

    @inline(__always) func partials(_ x: Double, _ y: Double) -> SIMD3<Double> {
        let z = (x - mu) * inverseSigma
        return SIMD3(-z * inverseSigma, z * inverseSigma, (z * z - 1) * inverseSigma)
    }

    /// The log-density of every element (CKernels; a nan x gives a nan z, so nan).
    func fill(_ out: UnsafeMutableBufferPointer<Double>, from x: UnsafeBufferPointer<Double>) -> Bool {
        if let target = out.baseAddress, let source = x.baseAddress {
            kls_normal_log_density(target, source, Swift.min(x.count, out.count), mu, inverseSigma, offset)
        }
        return true
    }

    /// (∂/∂μ, ∂/∂σ) = (Σ g·z, Σ g·z² − Σ g) / σ.
    func parameterGradient(x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
                           g: UnsafeBufferPointer<Double>) -> SIMD2<Double>? {
        NormalSums.accumulate(x: x, y: y, g: g, mu: mu, inverseSigma: inverseSigma, weightedByDensity: false)
    }
}

/// The sums behind the normal (log-)density's parameter gradients.
enum NormalSums {
    /// With wᵢ = gᵢ (log-density) or gᵢ·yᵢ (density, whose partials are p times the log's):
    /// (Σ w·z, Σ w·z² − Σ w) / σ, z = (x − μ)/σ (CKernels); nil when the buffers differ in
    /// length or a sum is not finite. A y that is not finite comes from an x or z that is not
    /// (or a z² that overflows), which makes a sum not finite unless its gᵢ is 0 — and the
    /// general loop, which the nil sends the caller to, skips exactly those elements.
    static func accumulate(x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
                           g: UnsafeBufferPointer<Double>, mu: Double, inverseSigma: Double,
                           weightedByDensity: Bool) -> SIMD2<Double>? {
        let n = x.count
        guard y.count == n, g.count == n else { return nil }
        guard n > 0 else { return .zero }
        guard let px = x.baseAddress, let py = y.baseAddress, let pg = g.baseAddress else { return nil }
        var sums = (0.0, 0.0, 0.0)   // Σ w, Σ w·z, Σ w·z²
        withUnsafeMutableBytes(of: &sums) { raw in
            kls_normal_sums(px, weightedByDensity ? py : nil, pg, n, mu, inverseSigma,
                            raw.baseAddress!.assumingMemoryBound(to: Double.self))
        }
        guard sums.0.isFinite, sums.1.isFinite, sums.2.isFinite else { return nil }
        return SIMD2(sums.1 * inverseSigma, (sums.2 - sums.0) * inverseSigma)
    }
}

/// p(x) = exp(log p(x)); its partials are p(x) times those of log p(x).
struct NormalDensity: FusedKernel {
    let log: NormalLogDensity

    @inline(__always) func value(_ x: Double) -> Double { Foundation.exp(log.value(x)) }

    @inline(__always) func partials(_ x: Double, _ y: Double) -> SIMD3<Double> {
        y == 0 ? .zero : y * log.partials(x, y)
    }

    func parameterGradient(x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
                           g: UnsafeBufferPointer<Double>) -> SIMD2<Double>? {
        NormalSums.accumulate(x: x, y: y, g: g, mu: log.mu, inverseSigma: log.inverseSigma, weightedByDensity: true)
    }
}
