import KLSNumerics

extension Information {
    /// 1-Wasserstein (earth mover's) distance between distributions on the outcomes 0…K−1:
    /// W1 = Σₖ |F_P(k) − F_Q(k)|, F the cumulative sums. The last term, |1 − 1| = 0, is left
    /// out, so the value equals scipy's `wasserstein_distance(range(K), range(K), P, Q)`.
    public static func w1(_ p: Var, _ q: Var) throws -> Var {
        _ = try ProbabilityRows.pair(p.value, q.value, measure: "W1")
        return w1Kernel(p, q)
    }

    /// Σ_{k<K−1} |F_P(k) − F_Q(k)| per row, without validation. ∂/∂pⱼ = Σ_{j≤k<K−1} sign(F_P(k) − F_Q(k)),
    /// ∂/∂qⱼ its negative (sign 0 where the cumulative sums agree).
    static func w1Kernel(_ p: Var, _ q: Var) -> Var {
        let pv = p.value, qv = q.value
        let rows = ProbabilityRows(layoutOf: pv.shape)
        let width = rows.width
        var out = [Double](repeating: 0, count: rows.count)
        var signs = [Double](repeating: 0, count: pv.count)
        for r in 0..<rows.count {
            var gap = 0.0, s = 0.0
            for k in r * width ..< (r + 1) * width - 1 {
                gap += pv.data[k] - qv.data[k]
                s += Swift.abs(gap)
                signs[k] = gap > 0 ? 1 : (gap < 0 ? -1 : 0)
            }
            out[r] = s
        }
        let value = Tensor(shape: rows.resultShape, data: out)
        let trackP = p.isTracked, trackQ = q.isTracked
        guard trackP || trackQ else { return .constant(value) }
        return Var.make(value, from: [p, q]) { g in
            var gp = [Double](repeating: 0, count: pv.count)
            for r in 0..<rows.count {
                var suffix = 0.0
                for k in stride(from: (r + 1) * width - 1, through: r * width, by: -1) {
                    suffix += signs[k]
                    gp[k] = g.data[r] * suffix
                }
            }
            let gq = trackQ ? Tensor(shape: qv.shape, data: gp.map { -$0 }) : nil
            return [trackP ? Tensor(shape: pv.shape, data: gp) : nil, gq]
        }
    }
}
