import Foundation
import KLSNumerics

extension Information {
    /// Pearson's χ²(P ‖ Q) = Σ (p − q)²/q: 0 for terms with p = q = 0, +inf where q = 0 < p.
    /// Not a logarithmic measure, so it has no base. `[0.5, 0.25, 0.25]` ‖ `[0.25, 0.5, 0.25]`
    /// → 0.375.
    public static func chi2(_ p: Var, _ q: Var) throws -> Var {
        _ = try ProbabilityRows.pair(p.value, q.value, measure: "chi2")
        return chi2Kernel(p, q)
    }

    /// Total variation distance TV(P, Q) = ½·Σ |p − q|, in [0, 1]. Gradient ½·sign(p − q)
    /// (0 where p = q, as torch's `abs`).
    public static func totalVariation(_ p: Var, _ q: Var) throws -> Var {
        _ = try ProbabilityRows.pair(p.value, q.value, measure: "TV")
        return totalVariationKernel(p, q)
    }

    /// Σ (p − q)²/q per row without validation; terms with p = q = 0 are 0 with gradient 0.
    static func chi2Kernel(_ p: Var, _ q: Var) -> Var {
        RowwiseSum.evaluate(p, q, rows: ProbabilityRows(layoutOf: p.value.shape), unit: .nats,
                            term: { x, y in
                                if x == 0 && y == 0 { return 0 }
                                let d = x - y
                                return d * d / y
                            },
                            partials: { x, y in
                                if x == 0 && y == 0 { return (0, 0) }
                                let d = x - y
                                return (2 * d / y, -d * (x + y) / (y * y))
                            })
    }

    /// ½·Σ |p − q| per row without validation.
    static func totalVariationKernel(_ p: Var, _ q: Var) -> Var {
        RowwiseSum.evaluate(p, q, rows: ProbabilityRows(layoutOf: p.value.shape), unit: .nats,
                            term: { x, y in 0.5 * Swift.abs(x - y) },
                            partials: { x, y in
                                let s = x > y ? 0.5 : (x < y ? -0.5 : 0)
                                return (s, -s)
                            })
    }
}
