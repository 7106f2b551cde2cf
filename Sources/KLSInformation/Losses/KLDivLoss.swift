import Foundation
import KLSNumerics

extension Loss {
    /// `torch.nn.functional.kl_div(input, target, reduction="mean", log_target=False)`.
    ///
    /// `input` holds log q. Pointwise, as torch computes it: `xlogy(t, t) − t·input` (a target
    /// of 0 contributes 0), or with `logTarget` (target holds log p) `exp(t)·(t − input)`.
    /// Reductions: `mean` over all elements, `sum`, `batchmean` = sum / input.size(0) (a vector's
    /// length; no division for a scalar), `none`. One fused pass forward and one backward.
    public static func klDiv(_ input: Var, _ target: Var, reduction: LossReduction = .mean,
                             logTarget: Bool = false) throws -> Var {
        let x = input.value, t = target.value
        try requireSameShape(x, t, loss: "kl_div", ("input", "target"))
        let n = x.count
        let batch = x.rank == 0 ? 1 : x.shape[0]
        var pointwise = [Double](repeating: 0, count: reduction == .none ? n : 0)
        var total = 0.0
        x.data.withUnsafeBufferPointer { xp in
            t.data.withUnsafeBufferPointer { tp in
                for i in 0..<n {
                    let ti = tp[i]
                    let v = logTarget ? Foundation.exp(ti) * (ti - xp[i]) : XLogY.value(ti, ti) - ti * xp[i]
                    if reduction == .none { pointwise[i] = v } else { total += v }
                }
            }
        }
        let (reduced, factor) = reduction.reduce(total: total, count: n, batch: batch)
        let value = reduction == .none ? Tensor(shape: x.shape, data: pointwise) : Tensor(scalar: reduced)
        let trackInput = input.isTracked, trackTarget = target.isTracked
        guard trackInput || trackTarget else { return .constant(value) }
        let unreduced = reduction == .none
        return Var.make(value, from: [input, target]) { g in
            var gx = [Double](repeating: 0, count: trackInput ? n : 0)
            var gt = [Double](repeating: 0, count: trackTarget ? n : 0)
            x.data.withUnsafeBufferPointer { xp in
                t.data.withUnsafeBufferPointer { tp in
                    g.data.withUnsafeBufferPointer { gp in
                        let shared = unreduced ? 0 : gp[0] * factor
                        for i in 0..<n {
                            let gi = unreduced ? gp[i] : shared
                            let ti = tp[i]
                            if logTarget {
                                let e = Foundation.exp(ti)
                                if trackInput { gx[i] = -e * gi }
                                if trackTarget { gt[i] = gi * (ti - xp[i]) * e + gi * e }
                            } else {
                                if trackInput { gx[i] = -ti * gi }
                                if trackTarget { gt[i] = gi * (XLogY.dx(ti, ti) + XLogY.dy(ti, ti) - xp[i]) }
                            }
                        }
                    }
                }
            }
            return [trackInput ? Tensor(shape: x.shape, data: gx) : nil,
                    trackTarget ? Tensor(shape: t.shape, data: gt) : nil]
        }
    }
}
