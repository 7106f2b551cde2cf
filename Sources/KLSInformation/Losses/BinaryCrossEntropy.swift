import Foundation
import KLSNumerics

extension Loss {
    /// `torch.nn.functional.binary_cross_entropy(input, target, reduction="mean")`:
    /// −(t·log p + (1 − t)·log(1 − p)) with each log clamped at −100, as torch. Both arguments
    /// must lie in [0, 1]. Gradients as torch: (p − t)/max(p(1 − p), ε) for the input, with
    /// torch's ε = 1e-12 rounded to float32, and log(1 − p) − log p for the target (computed
    /// only when the target carries gradients). One loop forward, one per tracked argument
    /// backward (`BinaryCrossEntropy`).
    public static func binaryCrossEntropy(_ input: Var, _ target: Var,
                                          reduction: LossReduction = .mean) throws -> Var {
        try reduction.requireStandard("binary_cross_entropy")
        let p = input.value, t = target.value
        try requireSameShape(p, t, loss: "binary_cross_entropy", ("input", "target"))
        for (name, x) in [("input", p), ("target", t)] where !BinaryCrossEntropy.inUnitInterval(x.data) {
            let i = x.data.firstIndex { !($0 >= 0 && $0 <= 1) } ?? 0
            let at = x.isScalar ? name : "\(name)[\(i)]"
            throw InformationError.invalid(
                "binary_cross_entropy: \(at) = \(NumberText.format(x.data[i])) must lie between 0 and 1")
        }
        let (value, factor) = reduction.reduce(BinaryCrossEntropy.terms(p.data, t.data), shape: p.shape, batch: p.count)
        let trackInput = input.isTracked, trackTarget = target.isTracked
        guard trackInput || trackTarget else { return .constant(value) }
        let unreduced = reduction == .none
        return Var.make(value, from: [input, target]) { g in
            let upstream = BinaryCrossEntropy.Upstream(g.data, scale: unreduced ? nil : g.data[0] * factor)
            return [trackInput ? Tensor(shape: p.shape, data: BinaryCrossEntropy.inputGradient(p.data, t.data, upstream)) : nil,
                    trackTarget ? Tensor(shape: t.shape, data: BinaryCrossEntropy.targetGradient(p.data, upstream)) : nil]
        }
    }
}

/// The loops of `binary_cross_entropy` over contiguous arrays, with torch's formulas
/// (aten/src/ATen/native/Loss.cpp, `binary_cross_entropy_out_cpu` and its backward).
enum BinaryCrossEntropy {
    /// torch's `EPSILON` of the backward: 1e-12 as a float32.
    static let epsilon = Double(Float(1e-12))

    /// Whether every element lies in [0, 1] (no nan): one pass without a branch per element.
    static func inUnitInterval(_ x: [Double]) -> Bool {
        x.withUnsafeBufferPointer { p in
            var outside = 0
            for v in p { outside |= (v >= 0 ? 0 : 1) | (v <= 1 ? 0 : 1) }
            return outside == 0
        }
    }

    /// torch's term for one element: (t − 1)·max(log1p(−p), −100) − t·max(log p, −100).
    @inline(__always)
    static func term(_ p: Double, _ t: Double) -> Double {
        (t - 1) * Swift.max(Foundation.log1p(-p), -100) - t * Swift.max(Foundation.log(p), -100)
    }

    /// `term(p, t)` for every element, with one logarithm where the target is exactly 1 or 0
    /// (class labels): for t = 1 the term is −max(log p, −100), for t = 0 it is
    /// 0 − max(log1p(−p), −100). The other product is then 0·x with x ≤ 0 finite, a signed
    /// zero, and the shortcuts give the same bits as `term`, signed zeros included
    /// (BinaryCrossEntropyTests checks them on the edge cases p = ±0, 1, subnormals, and
    /// near 0 and 1).
    static func terms(_ p: [Double], _ t: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: p.count) { out, initialized in
            p.withUnsafeBufferPointer { pp in
                t.withUnsafeBufferPointer { tp in
                    for i in 0..<pp.count {
                        let pi = pp[i], ti = tp[i]
                        if ti == 1 {
                            out[i] = -Swift.max(Foundation.log(pi), -100)
                        } else if ti == 0 {
                            out[i] = 0 - Swift.max(Foundation.log1p(-pi), -100)
                        } else {
                            out[i] = term(pi, ti)
                        }
                    }
                }
            }
            initialized = p.count
        }
    }

    /// The gradient arriving at the loss: one value per element (reduction "none"), or the
    /// same `scale` = g·(1/n or 1) for every element.
    struct Upstream {
        let values: [Double]
        let scale: Double?

        init(_ values: [Double], scale: Double?) {
            self.values = values
            self.scale = scale
        }

        @inline(__always)
        subscript(i: Int) -> Double { scale ?? values[i] }
    }

    /// gᵢ·(pᵢ − tᵢ)/max((1 − pᵢ)·pᵢ, ε) for every element.
    static func inputGradient(_ p: [Double], _ t: [Double], _ g: Upstream) -> [Double] {
        [Double](unsafeUninitializedCapacity: p.count) { out, initialized in
            p.withUnsafeBufferPointer { pp in
                t.withUnsafeBufferPointer { tp in
                    for i in 0..<pp.count {
                        let pi = pp[i]
                        out[i] = g[i] * ((pi - tp[i]) / Swift.max((1 - pi) * pi, epsilon))
                    }
                }
            }
            initialized = p.count
        }
    }

    /// gᵢ·(log1p(−pᵢ) − log pᵢ) for every element.
    static func targetGradient(_ p: [Double], _ g: Upstream) -> [Double] {
        p.indices.map { i in g[i] * (Foundation.log1p(-p[i]) - Foundation.log(p[i])) }
    }
}
