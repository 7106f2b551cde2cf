import Foundation
import KLSNumerics

extension Information {
    /// Kullback–Leibler divergence KL(P ‖ Q) = Σ p·log(p/q) / log(base): the extra code length
    /// of coding P with a code built for Q. 0 for p = 0, +inf where q = 0 < p.
    /// `[0.5, 0.5]` ‖ `[0.1, 0.9]` → 0.5108 nats. Two joint distributions (matrices whose entries
    /// sum to 1) are compared cell by cell; two matrices of distributions row by row.
    public static func kl(_ p: Var, _ q: Var, base: Double? = nil) throws -> Var {
        let unit = try LogBase(base, measure: "KL")
        let rows = try ProbabilityRows.pair(p.value, q.value, measure: "KL", allowsJoint: true)
        return klKernel(rows.flattened(p), rows.flattened(q), unit: unit)
    }

    /// Σ p·log(p/q) per row in the unit's base, without validation.
    static func klKernel(_ p: Var, _ q: Var, unit: LogBase) -> Var {
        RowwiseSum.evaluate(p, q, rows: ProbabilityRows(layoutOf: p.value.shape), unit: unit,
                            term: { x, y in relativeEntropy(x, y, unit) },
                            partials: { x, y in
                                (XLogY.dx(x, x) + XLogY.dy(x, x) - XLogY.dx(x, y), -XLogY.dy(x, y))
                            })
    }

    /// One term p·log(p/q) (scipy's `rel_entr`) in the unit's base: 0 for p = 0, +inf for
    /// q = 0 < p; log p − log q when the ratio p/q over- or underflows.
    @inline(__always)
    static func relativeEntropy(_ p: Double, _ q: Double, _ unit: LogBase = .nats) -> Double {
        if p.isNaN || q.isNaN { return .nan }
        if p == 0 { return 0 }
        let ratio = p / q
        if ratio.isNormal { return p * unit.log(ratio) }
        return p * (unit.log(p) - unit.log(q))
    }
}
