import Foundation
import KLSNumerics

extension Information {
    /// Entropy H(P) = −Σ p·log p / log(base): the optimal average code length for P.
    /// `P = [0.5, 0.25, 0.25]`, base 2 → 1.5 bits.
    public static func entropy(_ p: Var, base: Double? = nil) throws -> Var {
        let unit = try LogBase(base, measure: "H")
        _ = try ProbabilityRows(p.value, name: "P", measure: "H")
        return entropyKernel(p, divisor: unit.divisor)
    }

    /// Cross-entropy H(P, Q) = −Σ p·log q / log(base): the average code length for P of a
    /// code built for Q; +inf where q = 0 < p. `[0.5, 0.25, 0.25]`, `[0.25, 0.5, 0.25]`,
    /// base 2 → 1.75 bits.
    public static func crossEntropy(_ p: Var, _ q: Var, base: Double? = nil) throws -> Var {
        let unit = try LogBase(base, measure: "H")
        _ = try ProbabilityRows.pair(p.value, q.value, measure: "H")
        return crossEntropyKernel(p, q, divisor: unit.divisor)
    }

    /// −Σ xlogy(p, p) / divisor per row, without validation.
    static func entropyKernel(_ p: Var, divisor: Double) -> Var {
        RowwiseSum.evaluate(p, nil, rows: ProbabilityRows(layoutOf: p.value.shape), divisor: divisor,
                            term: { x, _ in -XLogY.value(x, x) },
                            partials: { x, _ in (-(XLogY.dx(x, x) + XLogY.dy(x, x)), 0) })
    }

    /// −Σ xlogy(p, q) / divisor per row, without validation.
    static func crossEntropyKernel(_ p: Var, _ q: Var, divisor: Double) -> Var {
        RowwiseSum.evaluate(p, q, rows: ProbabilityRows(layoutOf: p.value.shape), divisor: divisor,
                            term: { x, y in -XLogY.value(x, y) },
                            partials: { x, y in (-XLogY.dx(x, y), -XLogY.dy(x, y)) })
    }
}
