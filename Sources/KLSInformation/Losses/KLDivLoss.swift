import Foundation
import KLSNumerics

extension Loss {
    /// `torch.nn.functional.kl_div(input, target, reduction="mean", log_target=False)`.
    ///
    /// `input` holds log q. Pointwise, as torch computes it: `xlogy(t, t) − t·input` (a target
    /// of 0 contributes 0), or with `logTarget` (target holds log p) `exp(t)·(t − input)`.
    /// Reductions reduce those terms as torch does, with the one summation order of `sum` and
    /// `mean` (so `kl_div(q, p, reduction="sum")` is `sum(kl_div(q, p, reduction="none"))` bit
    /// for bit): `mean` over all elements, `sum`, `batchmean` = sum / input.size(0) (a vector's
    /// length; no division for a scalar), `none`. One pass over the terms forward and one
    /// backward. `cache` keeps the xlogy(t, t) terms of the last plain target, for a fit that
    /// passes the same target array every step. `warn` hears of the likely mistakes found on
    /// the way (input first, then target; the result is torch's all the same).
    public static func klDiv(_ input: Var, _ target: Var, reduction: LossReduction = .mean,
                             logTarget: Bool = false, cache: TargetTermCache? = nil,
                             warn: (KLDivWarning) -> Void = { _ in }) throws -> Var {
        let x = input.value, t = target.value
        try requireSameShape(x, t, loss: "kl_div", ("input", "target"))
        let n = x.count
        let batch = x.rank == 0 ? 1 : x.shape[0]
        let cache = cache ?? TargetTermCache()
        let plainTarget = logTarget ? nil : cache.terms(t.data)
        let (pointwise, positiveInput) = plainTarget.map {
            cache.klDivTerms(input: x.data, target: t.data, entropy: $0.entropy, kept: reduction == .none)
        } ?? (zip(x.data, t.data).map { xi, ti in Foundation.exp(ti) * (ti - xi) }, x.data.contains { $0 > 0 })
        if positiveInput { warn(.positiveInput) }
        if plainTarget?.hasNegative == true { warn(.negativeTarget) }
        let (value, factor) = reduction.reduce(pointwise, shape: x.shape, batch: batch)
        let trackInput = input.isTracked, trackTarget = target.isTracked
        guard trackInput || trackTarget else { return .constant(value) }
        let unreduced = reduction == .none
        if trackInput && !trackTarget && !unreduced && !logTarget {
            // The common case (fitting q to a fixed p): ∂/∂input = −t · g · factor, handed over
            // as t and a scale (no copy of t).
            return Var.make(value, from: [input, target], scaledBackward: { g, sink in
                let scale = -(g.tensor.data.first ?? 0) * g.scale * factor
                sink.send(Gradient(Tensor(shape: x.shape, data: t.data), scale: scale), toInput: 0)
            })
        }
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

/// A likely mistake in a call of `kl_div` (torch computes such calls without a word).
public enum KLDivWarning: Sendable {
    /// The input has values > 0, so it is not log-probabilities (`kl_div(q, p)` where
    /// `kl_div(log(q), p)` was meant).
    case positiveInput
    /// A plain target (not `log_target`) has negative values, so it is not probabilities.
    case negativeTarget
}

/// The terms xlogy(tᵢ, tᵢ) of the last target `kl_div` saw, and whether it has negative
/// values, so that a fit that passes the same target array every step (the usual case)
/// computes its logarithms and checks it once; and an array for terms that are only summed,
/// reused from call to call. Each interpreter has its own (`Interpreter.targetTerms`): no
/// state is shared between sessions.
///
/// The key is the identity of the array's storage. The cache keeps its own reference to that
/// array, so the storage cannot be freed and reused while cached, and any write to the array
/// through another reference copies it first (copy-on-write): the same storage therefore
/// means the same contents.
public final class TargetTermCache {
    /// What `kl_div` needs of a plain target.
    public struct Terms {
        /// xlogy(tᵢ, tᵢ) for each element (0 where tᵢ = 0, nan where tᵢ < 0 or is nan).
        public let entropy: [Double]
        /// Whether some tᵢ < 0.
        public let hasNegative: Bool
    }

    private var target: [Double] = []
    private var cached = Terms(entropy: [], hasNegative: false)
    private var scratch: [Double] = []

    public init() {}

    /// The terms of target `t`, computed again only when `t` is not the cached array.
    public func terms(_ t: [Double]) -> Terms {
        if !t.isEmpty, t.count == target.count, Self.storage(t) == Self.storage(target) { return cached }
        cached = Terms(entropy: t.map { XLogY.value($0, $0) }, hasNegative: t.contains { $0 < 0 })
        target = t
        return cached
    }

    /// kl_div's terms e − t·x for input x, target t and its entropy terms e, and whether some
    /// x > 0. Terms that are only summed (`kept` false: a reduced kl_div, in every step of a
    /// fit) go into the cache's own array, reused, instead of a new one each call.
    public func klDivTerms(input x: [Double], target t: [Double], entropy e: [Double],
                           kept: Bool) -> (terms: [Double], positiveInput: Bool) {
        if kept {
            var terms = [Double](repeating: 0, count: x.count)
            let positive = VectorKernels.klDivTerms(into: &terms, input: x, target: t, entropy: e)
            return (terms, positive)
        }
        if scratch.count != x.count { scratch = [Double](repeating: 0, count: x.count) }
        let positive = VectorKernels.klDivTerms(into: &scratch, input: x, target: t, entropy: e)
        return (scratch, positive)
    }

    private static func storage(_ a: [Double]) -> UnsafePointer<Double>? {
        a.withUnsafeBufferPointer { $0.baseAddress }
    }
}
