import KLSNumerics

extension Information {
    /// Hellinger distance H(P, Q) = sqrt(½·Σ (√p − √q)²), in [0, 1] — the convention of scipy
    /// and most texts (some omit the ½). Not differentiable at P = Q, where its gradient is
    /// nan, as torch's `sqrt` at 0 gives.
    public static func hellinger(_ p: Var, _ q: Var) throws -> Var {
        _ = try ProbabilityRows.pair(p.value, q.value, measure: "hellinger")
        return hellingerKernel(p, q)
    }

    /// sqrt(½·Σ (√p − √q)²) per row, without validation. ∂/∂p = (½/H)·(√p − √q)·(½/√p),
    /// evaluated in that order (so ±inf or nan at p = 0, as torch's chain of sqrt rules).
    static func hellingerKernel(_ p: Var, _ q: Var) -> Var {
        let pv = p.value, qv = q.value
        let rows = ProbabilityRows(layoutOf: pv.shape)
        let width = rows.width
        var out = [Double](repeating: 0, count: rows.count)
        for r in 0..<rows.count {
            var s = 0.0
            for k in r * width ..< (r + 1) * width {
                let d = pv.data[k].squareRoot() - qv.data[k].squareRoot()
                s += d * d
            }
            out[r] = (0.5 * s).squareRoot()
        }
        let value = Tensor(shape: rows.resultShape, data: out)
        let trackP = p.isTracked, trackQ = q.isTracked
        guard trackP || trackQ else { return .constant(value) }
        return Var.make(value, from: [p, q]) { g in
            var gp = [Double](repeating: 0, count: trackP ? pv.count : 0)
            var gq = [Double](repeating: 0, count: trackQ ? qv.count : 0)
            for r in 0..<rows.count {
                let outer = g.data[r] * 0.5 / out[r]
                for k in r * width ..< (r + 1) * width {
                    let rootP = pv.data[k].squareRoot(), rootQ = qv.data[k].squareRoot()
                    let d = outer * (rootP - rootQ)
                    if trackP { gp[k] = d * (0.5 / rootP) }
                    if trackQ { gq[k] = -d * (0.5 / rootQ) }
                }
            }
            return [trackP ? Tensor(shape: pv.shape, data: gp) : nil,
                    trackQ ? Tensor(shape: qv.shape, data: gq) : nil]
        }
    }
}
