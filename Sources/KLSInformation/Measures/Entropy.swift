import Foundation
import KLSNumerics

extension Information {
    /// Entropy H(P) = −Σ p·log p / log(base): the optimal average code length for P; the
    /// joint entropy H(X, Y) for a matrix whose entries sum to 1, one entropy per row for a
    /// matrix of distributions.
    /// `P = [0.5, 0.25, 0.25]`, base 2 → 1.5 bits.
    public static func entropy(_ p: Var, base: Double? = nil) throws -> Var {
        let unit = try LogBase(base, measure: "H")
        let rows = try ProbabilityRows(p.value, name: "P", measure: "H", allowsJoint: true)
        return entropyKernel(rows.flattened(p), unit: unit)
    }

    /// Cross-entropy H(P, Q) = −Σ p·log q / log(base): the average code length for P of a
    /// code built for Q; +inf where q = 0 < p. `[0.5, 0.25, 0.25]`, `[0.25, 0.5, 0.25]`,
    /// base 2 → 1.75 bits.
    public static func crossEntropy(_ p: Var, _ q: Var, base: Double? = nil) throws -> Var {
        let unit = try LogBase(base, measure: "H")
        let rows = try ProbabilityRows.pair(p.value, q.value, measure: "H", allowsJoint: true)
        return crossEntropyKernel(rows.flattened(p), rows.flattened(q), unit: unit)
    }

    /// −Σ p·log p per row in the unit's base, without validation.
    static func entropyKernel(_ p: Var, unit: LogBase) -> Var {
        RowwiseSum.evaluate(p, nil, rows: ProbabilityRows(layoutOf: p.value.shape), unit: unit,
                            term: { x, _ in -XLogY.value(x, x, unit) },
                            partials: { x, _ in (-(XLogY.dx(x, x) + XLogY.dy(x, x)), 0) })
    }

    /// −Σ p·log q per row in the unit's base, without validation.
    static func crossEntropyKernel(_ p: Var, _ q: Var, unit: LogBase) -> Var {
        RowwiseSum.evaluate(p, q, rows: ProbabilityRows(layoutOf: p.value.shape), unit: unit,
                            term: { x, y in -XLogY.value(x, y, unit) },
                            partials: { x, y in (-XLogY.dx(x, y), -XLogY.dy(x, y)) })
    }
}
