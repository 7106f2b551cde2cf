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

    /// The mass vectors of P and Q over the same outcomes 0..K−1. When both name their
    /// outcomes (labelled Categoricals), Q's masses are put in the order of P's labels, so
    /// outcomes are compared by name, not by position; an error when the names differ.
    static func masses(_ p: any Distribution, _ q: any Distribution) throws -> (Var, Var) {
        guard let a = p.probabilities, let b = q.probabilities else {
            throw DistributionError.unsupported("\(p) and \(q) are not both discrete")
        }
        if let names = p.outcomeLabels, let others = q.outcomeLabels {
            return (a, try aligned(b, from: others, to: names))
        }
        let k = Swift.max(a.value.count, b.value.count)
        return (padded(a, to: k), padded(b, to: k))
    }

    /// The masses `v` of the outcomes named `from`, reordered to the outcomes named `to`
    /// (both lists of distinct names); an error unless they name the same outcomes.
    static func aligned(_ v: Var, from: [String], to: [String]) throws -> Var {
        guard from != to else { return v }
        let position = Dictionary(from.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let order = to.compactMap { position[$0] }
        guard order.count == to.count, to.count == from.count else {
            let only = (to.filter { position[$0] == nil } + from.filter { !to.contains($0) }).prefix(3)
            throw DistributionError.unsupported("the two distributions have different outcomes ("
                + only.map { "'\($0)'" }.joined(separator: ", ") + " only in one): their labels must be the same set")
        }
        return try Var.stack(order.map { Var.element(v, $0) })
    }

    /// `v` followed by zeros up to length k.
    static func padded(_ v: Var, to k: Int) -> Var {
        let n = v.value.count
        guard n < k else { return v }
        return Var.concat([v, .constant(Tensor(repeating: 0, shape: [k - n]))])
    }
}
