import Foundation
import KLSNumerics

extension Information {
    /// Kullback–Leibler divergence KL(P ‖ Q) = Σ p·log(p/q) / log(base): the extra code length
    /// of coding P with a code built for Q. 0 for p = 0, +inf where q = 0 < p.
    /// `[0.5, 0.5]` ‖ `[0.1, 0.9]` → 0.5108 nats.
    public static func kl(_ p: Var, _ q: Var, base: Double? = nil) throws -> Var {
        let unit = try LogBase(base, measure: "KL")
        _ = try ProbabilityRows.pair(p.value, q.value, measure: "KL")
        return klKernel(p, q, divisor: unit.divisor)
    }

    /// Σ [xlogy(p, p) − xlogy(p, q)] / divisor per row, without validation.
    static func klKernel(_ p: Var, _ q: Var, divisor: Double) -> Var {
        RowwiseSum.evaluate(p, q, rows: ProbabilityRows(layoutOf: p.value.shape), divisor: divisor,
                            term: relativeEntropy,
                            partials: { x, y in
                                (XLogY.dx(x, x) + XLogY.dy(x, x) - XLogY.dx(x, y), -XLogY.dy(x, y))
                            })
    }

    /// One term p·log(p/q) (scipy's `rel_entr`): 0 for p = 0, +inf for q = 0 < p; log p − log q
    /// when the ratio p/q over- or underflows.
    @inline(__always)
    static func relativeEntropy(_ p: Double, _ q: Double) -> Double {
        if p.isNaN || q.isNaN { return .nan }
        if p == 0 { return 0 }
        let ratio = p / q
        if ratio.isNormal { return p * Foundation.log(ratio) }
        return p * (Foundation.log(p) - Foundation.log(q))
    }
}
