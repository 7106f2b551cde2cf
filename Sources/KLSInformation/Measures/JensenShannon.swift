import Foundation
import KLSNumerics

extension Information {
    /// Jensen–Shannon divergence JS(P, Q) = ½·KL(P ‖ M) + ½·KL(Q ‖ M), M = (P + Q)/2, divided
    /// by log(base). Symmetric, finite, at most log 2 nats; this is the divergence, not its
    /// square root (scipy's `jensenshannon` distance squared).
    public static func js(_ p: Var, _ q: Var, base: Double? = nil) throws -> Var {
        let unit = try LogBase(base, measure: "JS")
        _ = try ProbabilityRows.pair(p.value, q.value, measure: "JS")
        return jsKernel(p, q, divisor: unit.divisor)
    }

    /// Σ ½[p·log(p/m) + q·log(q/m)] / divisor per row, without validation. Gradient
    /// ½·log(p/m) for p > 0, nan at p = 0 (torch's xlogy rule).
    static func jsKernel(_ p: Var, _ q: Var, divisor: Double) -> Var {
        RowwiseSum.evaluate(p, q, rows: ProbabilityRows(layoutOf: p.value.shape), divisor: divisor,
                            term: { x, y in
                                let m = 0.5 * (x + y)
                                return 0.5 * (relativeEntropy(x, m) + relativeEntropy(y, m))
                            },
                            partials: { x, y in
                                let m = 0.5 * (x + y)
                                return (x == 0 ? .nan : 0.5 * Foundation.log(x / m),
                                        y == 0 ? .nan : 0.5 * Foundation.log(y / m))
                            })
    }
}
