import Foundation
import KLSNumerics

/// The engine of the additive measures: Σ over each row of a per-outcome term f(p, q) in the
/// measure's unit, as one fused differentiable operation.
enum RowwiseSum {
    /// For each row r: Σₖ term(pₖ, qₖ), summed with Neumaier's compensation (ten terms of 0.1
    /// give 1, as NumPy's pairwise sum does) and a zero result is +0. `term` is in the unit of
    /// `unit` (it computes its logarithms with `unit.log`); `partials(p, q)` gives (∂f/∂p, ∂f/∂q)
    /// of one term in nats, divided by log(base) here. The gradient is computed only for the
    /// inputs that are tracked. When `q` is nil the term depends on `p` alone (it receives `p`
    /// twice and its ∂/∂q is ignored).
    static func evaluate(_ p: Var, _ q: Var?, rows: ProbabilityRows, unit: LogBase,
                         term: (Double, Double) -> Double,
                         partials: @escaping (Double, Double) -> (Double, Double)) -> Var {
        let pv = p.value, qv = q?.value ?? p.value
        let width = rows.width
        let divisor = unit.divisor
        var out = [Double](repeating: 0, count: rows.count)
        pv.data.withUnsafeBufferPointer { pp in
            qv.data.withUnsafeBufferPointer { qq in
                for r in 0..<rows.count {
                    var sum = CompensatedSum()
                    for k in r * width ..< (r + 1) * width { sum.add(term(pp[k], qq[k])) }
                    out[r] = sum.value + 0
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

/// Neumaier's compensated sum: the rounding error of each addition is carried along, so a sum
/// of n terms is within about one rounding of the exact sum, whatever n.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    @inline(__always)
    mutating func add(_ x: Double) {
        let t = sum + x
        if Swift.abs(sum) >= Swift.abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    /// The compensated sum of `values`.
    static func of(_ values: [Double]) -> Double {
        var s = CompensatedSum()
        for x in values { s.add(x) }
        return s.value
    }

    /// The sum (non-finite terms give the naive sum's inf or nan).
    var value: Double {
        let total = sum + compensation
        return total.isFinite ? total : sum
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

    /// x·log y in the unit of `unit` (log2 for bits, log10 for dits), with 0 when x = 0.
    @inline(__always)
    static func value(_ x: Double, _ y: Double, _ unit: LogBase) -> Double {
        if y.isNaN { return .nan }
        return x == 0 ? 0 : x * unit.log(y)
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
