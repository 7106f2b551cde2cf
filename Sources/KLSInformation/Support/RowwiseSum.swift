import Foundation
import KLSNumerics

/// The engine of the additive measures: Σ over each row of a per-outcome term f(p, q), divided
/// by log(base), as one fused differentiable operation.
enum RowwiseSum {
    /// For each row r: Σₖ term(pₖ, qₖ) / divisor. `partials(p, q)` gives (∂f/∂p, ∂f/∂q) of one
    /// term; the gradient is computed only for the inputs that are tracked. When `q` is nil the
    /// term depends on `p` alone (it receives `p` twice and its ∂/∂q is ignored).
    static func evaluate(_ p: Var, _ q: Var?, rows: ProbabilityRows, divisor: Double,
                         term: (Double, Double) -> Double,
                         partials: @escaping (Double, Double) -> (Double, Double)) -> Var {
        let pv = p.value, qv = q?.value ?? p.value
        let width = rows.width
        var out = [Double](repeating: 0, count: rows.count)
        pv.data.withUnsafeBufferPointer { pp in
            qv.data.withUnsafeBufferPointer { qq in
                for r in 0..<rows.count {
                    var s = 0.0
                    for k in r * width ..< (r + 1) * width { s += term(pp[k], qq[k]) }
                    out[r] = s / divisor
                }
            }
        }
        let value = Tensor(shape: rows.resultShape, data: out)
        let trackP = p.isTracked, trackQ = q?.isTracked ?? false
        guard trackP || trackQ else { return .constant(value) }
        let inputs = q.map { [p, $0] } ?? [p]
        return Var.make(value, from: inputs) { g in
            var gp = [Double](repeating: 0, count: trackP ? pv.count : 0)
            var gq = [Double](repeating: 0, count: trackQ ? qv.count : 0)
            for r in 0..<rows.count {
                let gr = g.data[r] / divisor
                for k in r * width ..< (r + 1) * width {
                    let (dp, dq) = partials(pv.data[k], qv.data[k])
                    if trackP { gp[k] = gr * dp }
                    if trackQ { gq[k] = gr * dq }
                }
            }
            let gradP = trackP ? Tensor(shape: pv.shape, data: gp) : nil
            guard q != nil else { return [gradP] }
            return [gradP, trackQ ? Tensor(shape: qv.shape, data: gq) : nil]
        }
    }
}

/// torch's `xlogy` and its gradient rule, the convention for 0·log 0 throughout this module.
enum XLogY {
    /// x·log y, with 0 when x = 0 (even for y = 0), nan when y is nan.
    @inline(__always)
    static func value(_ x: Double, _ y: Double) -> Double {
        if y.isNaN { return .nan }
        return x == 0 ? 0 : x * Foundation.log(y)
    }

    /// ∂/∂x: log y, except 0 where x = 0 and y ≤ 0 (torch's masked rule).
    @inline(__always)
    static func dx(_ x: Double, _ y: Double) -> Double {
        x == 0 && y <= 0 ? 0 : Foundation.log(y)
    }

    /// ∂/∂y: x / y (nan at x = y = 0, as in torch).
    @inline(__always)
    static func dy(_ x: Double, _ y: Double) -> Double { x / y }
}
