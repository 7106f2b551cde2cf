import KLSInformation
import KLSNumerics

/// Measures of discrete distributions, delegated to KLSInformation on their mass vectors
/// (padded with zeros to a common number of outcomes).
enum DiscreteMeasures {
    /// H(P) = −Σ p log p of a mass vector, in nats.
    static func entropy(_ p: Var) throws -> Var { try Information.entropy(p) }

    /// KL(P‖Q) of two discrete distributions, in nats.
    static func kl(_ p: any Distribution, _ q: any Distribution) throws -> Var {
        let (a, b) = try masses(p, q)
        return try Information.kl(a, b)
    }

    /// The mass vectors of P and Q over the same outcomes 0..K−1.
    static func masses(_ p: any Distribution, _ q: any Distribution) throws -> (Var, Var) {
        guard let a = p.probabilities, let b = q.probabilities else {
            throw DistributionError.unsupported("\(p) and \(q) are not both discrete")
        }
        let k = Swift.max(a.value.count, b.value.count)
        return (padded(a, to: k), padded(b, to: k))
    }

    /// `v` followed by zeros up to length k.
    static func padded(_ v: Var, to k: Int) -> Var {
        let n = v.value.count
        guard n < k else { return v }
        return Var.concat([v, .constant(Tensor(repeating: 0, shape: [k - n]))])
    }
}
