import Foundation
import KLSNumerics
import KLSSpecial

/// The categorical distribution on the outcomes 0, 1, …, K−1 with masses `probs`
/// (optionally named by `labels`, which the caller maps to and from indices).
public struct Categorical: Distribution {
    public static let family = "Categorical"
    /// The masses p₀ … p_(K−1): non-negative, summing to 1.
    public let probs: Var
    /// Names of the outcomes, one per probability, or nil.
    public let labels: [String]?
    public var outcomeLabels: [String]? { labels }

    /// Categorical(probs, labels); `probs` a vector of non-negative numbers summing to 1
    /// (within 1e-9), `labels` (when given) as many as the probabilities and distinct.
    public init(probs: Var, labels: [String]? = nil) throws {
        let check = ParameterCheck(family: Self.family)
        let p = try check.probabilityVector(probs)
        if let labels, labels.count != p.count {
            throw check.fail("\(labels.count) labels for \(p.count) probabilities")
        }
        if let labels, Set(labels).count != labels.count,
           let twice = labels.enumerated().first(where: { labels[..<$0.offset].contains($0.element) }) {
            throw check.fail("label '\(twice.element)' is given twice: outcomes need distinct labels")
        }
        self.probs = probs
        self.labels = labels
    }

    var masses: [Double] { probs.value.data }
    /// Validated parameters, stored as given.
    private init(constant probs: Var, _ labels: [String]?) {
        self.probs = probs
        self.labels = labels
    }

    public var detached: Categorical { Categorical(constant: .constant(probs.value), labels) }
    public var parameters: [(name: String, value: Var)] { [("probs", probs)] }
    public var support: Support { .discrete(count: masses.count) }
    public var landmarks: [Var] { [Var(0), Var(Double(masses.count - 1))] }
    public var probabilities: Var? { probs }
    /// `Categorical(A: 0.5, B: 0.25, C: 0.25)`, or `Categorical([0.5, 0.25, 0.25])` unlabelled.
    public var description: String {
        let numbers = masses.map(NumberText.format)
        guard let labels else { return "Categorical([\(numbers.joined(separator: ", "))])" }
        return "Categorical(" + zip(labels, numbers).map { "\($0): \($1)" }.joined(separator: ", ") + ")"
    }

    /// The outcome index x holds, when x is a whole number in 0..K−1.
    private static func outcome(_ x: Double, _ k: Int) -> Int? {
        guard x >= 0, x < Double(k), x == x.rounded(.down) else { return nil }
        return Int(x)
    }

    /// P(X = x) = p_x for x in 0..K−1, 0 elsewhere.
    public func pdf(_ x: Var) throws -> Var { mass(x, log: false) }
    /// log p_x, −inf outside 0..K−1.
    public func logpdf(_ x: Var) throws -> Var { mass(x, log: true) }

    private func mass(_ x: Var, log: Bool) -> Var {
        let p = masses, k = p.count
        let xs = x.value
        let ys = xs.data.map { v -> Double in
            if v.isNaN { return v }
            guard let i = Self.outcome(v, k) else { return log ? -.infinity : 0 }
            return log ? Foundation.log(p[i]) : p[i]
        }
        let shape = probs.value.shape
        guard probs.isTracked else { return .constant(Tensor(shape: xs.shape, data: ys)) }
        return Var.make(Tensor(shape: xs.shape, data: ys), from: [probs]) { g in
            var grad = [Double](repeating: 0, count: k)
            for (v, gi) in zip(xs.data, g.data) {
                guard let i = Self.outcome(v, k) else { continue }
                grad[i] += log ? gi / p[i] : gi
            }
            return [Tensor(shape: shape, data: grad)]
        }
    }

    /// F(x) = Σ_(k ≤ x) p_k, clamped to [0, 1] (sums taken on the probabilities' decimal form).
    public func cdf(_ x: Var) throws -> Var { cumulative(x, upper: false) }
    /// 1 − F(x) = Σ_(k > x) p_k.
    public func survival(_ x: Var) throws -> Var { cumulative(x, upper: true) }

    private func cumulative(_ x: Var, upper: Bool) -> Var {
        let p = masses, k = p.count
        let lower = DecimalSum.prefixSums(p)
        let upperSums = DecimalSum.prefixSums(p.reversed()).reversed().dropFirst() + [0.0]
        let xs = x.value
        // Index of the last outcome ≤ x, or −1 below the support.
        let last: (Double) -> Int = { v in v < 0 ? -1 : (v >= Double(k - 1) ? k - 1 : Int(v.rounded(.down))) }
        let ys = xs.data.map { v -> Double in
            if v.isNaN { return .nan }
            let i = last(v)
            let f = upper ? (i < 0 ? 1 : upperSums[i]) : (i < 0 ? 0 : lower[i])
            return Swift.min(1, Swift.max(0, f))
        }
        let shape = probs.value.shape
        guard probs.isTracked else { return .constant(Tensor(shape: xs.shape, data: ys)) }
        return Var.make(Tensor(shape: xs.shape, data: ys), from: [probs]) { g in
            var atIndex = [Double](repeating: 0, count: k + 1)
            for (v, gi) in zip(xs.data, g.data) where !v.isNaN { atIndex[last(v) + 1] += gi }
            // F(x) depends on p_0…p_i, 1 − F(x) on p_(i+1)…p_(K−1), each with slope ±1.
            var grad = [Double](repeating: 0, count: k)
            var running = 0.0
            if upper {
                for j in 0..<k { running += atIndex[j]; grad[j] = running }
            } else {
                for j in stride(from: k - 1, through: 0, by: -1) { running += atIndex[j + 1]; grad[j] = running }
            }
            return [Tensor(shape: shape, data: grad)]
        }
    }

    /// Outcome indices drawn by inverting the cumulative masses.
    public func sample(count: Int, rng: inout RandomSource) -> Tensor {
        let cumulative = DecimalSum.prefixSums(masses)
        var out = [Double](repeating: 0, count: Swift.max(0, count))
        for i in out.indices { out[i] = Double(rng.categorical(cumulative: cumulative) ?? 0) }
        return Tensor(vector: out)
    }

    /// E[X] = Σ k p_k.
    public var mean: Var { Self.moment(probs, power: 1) }
    /// Var[X] = Σ p_k (k − μ)², μ = Σ k p_k (centred, so no cancellation: 0.49, not
    /// 1.7 − 1.21 = 0.48999999999999977). ∂/∂p_j = (j − μ)² − 2j Σ p_k (k − μ).
    public var variance: Var {
        let p = probs.value
        let mu = zip(p.data.indices, p.data).reduce(0) { $0 + Double($1.0) * $1.1 }
        var value = 0.0, firstMoment = 0.0
        for (k, pk) in p.data.enumerated() {
            let d = Double(k) - mu
            value += pk * d * d
            firstMoment += pk * d
        }
        guard probs.isTracked else { return .constant(Tensor(scalar: value)) }
        return Var.make(Tensor(scalar: value), from: [probs]) { g in
            [Tensor(shape: p.shape, data: p.data.indices.map { j in
                let d = Double(j) - mu
                return g.data[0] * (d * d - 2 * Double(j) * firstMoment)
            })]
        }
    }
    public var std: Var { Scalar(variance).squareRoot().variable }
    /// H = −Σ p_k log p_k.
    public var entropy: Var { get throws { try DiscreteMeasures.entropy(probs) } }

    /// E[Xⁿ] = Σ kⁿ p_k of a mass vector over 0..K−1.
    static func moment(_ probs: Var, power: Double) -> Var {
        let p = probs.value
        let weights = (0..<p.count).map { Foundation.pow(Double($0), power) }
        let value = zip(weights, p.data).reduce(0) { $0 + $1.0 * $1.1 }
        guard probs.isTracked else { return .constant(Tensor(scalar: value)) }
        return Var.make(Tensor(scalar: value), from: [probs]) { g in
            [Tensor(shape: p.shape, data: weights.map { $0 * g.data[0] })]
        }
    }

    /// diag(1/p_k) in the (over-complete) parametrisation by all K probabilities. Restricted
    /// to directions v with Σv = 0 it is the Fisher metric of the simplex; entries of
    /// zero-probability outcomes are +inf. Nil when K² exceeds the largest tensor.
    public func fisher() -> Tensor? {
        let p = masses, k = p.count
        let (size, overflow) = k.multipliedReportingOverflow(by: k)
        guard !overflow, size <= Tensor.maxElements else { return nil }
        var m = [Double](repeating: 0, count: k * k)
        for i in 0..<k { m[i * k + i] = 1 / p[i] }
        return Tensor(shape: [k, k], data: m)
    }
}
