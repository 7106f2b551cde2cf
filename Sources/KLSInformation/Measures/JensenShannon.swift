import Foundation
import KLSNumerics

extension Information {
    /// Jensen–Shannon divergence JS(P, Q) = ½·KL(P ‖ M) + ½·KL(Q ‖ M), M = (P + Q)/2, divided
    /// by log(base). Symmetric, finite, at most log 2 nats; this is the divergence, not its
    /// square root (scipy's `jensenshannon` distance squared).
    public static func js(_ p: Var, _ q: Var, base: Double? = nil) throws -> Var {
        let unit = try LogBase(base, measure: "JS")
        let rows = try ProbabilityRows.pair(p.value, q.value, measure: "JS", allowsJoint: true)
        return jsKernel(rows.flattened(p), rows.flattened(q), unit: unit)
    }

    /// Σ ½[p·log(p/m) + q·log(q/m)] per row in the unit's base, without validation. Gradient
    /// ½·log(p/m) for p > 0, nan at p = 0 (torch's xlogy rule).
    static func jsKernel(_ p: Var, _ q: Var, unit: LogBase) -> Var {
        RowwiseSum.evaluate(p, q, rows: ProbabilityRows(layoutOf: p.value.shape), unit: unit,
                            term: { x, y in
                                let m = 0.5 * (x + y)
                                return 0.5 * (relativeEntropy(x, m, unit) + relativeEntropy(y, m, unit))
                            },
                            partials: { x, y in
                                let m = 0.5 * (x + y)
                                return (x == 0 ? .nan : 0.5 * Foundation.log(x / m),
                                        y == 0 ? .nan : 0.5 * Foundation.log(y / m))
                            })
    }
}
