import Foundation
import KLSNumerics

extension Loss {
    /// `torch.nn.functional.cross_entropy(input, target, reduction="mean", label_smoothing=0)`.
    ///
    /// `logits` is one sample (a vector of C scores) or a batch (N×C). A target of the same
    /// shape holds class probabilities; otherwise it holds class indices (a number for a vector,
    /// N numbers for a batch). Per sample, with log p = log_softmax(logits) (stable through
    /// logsumexp) and smoothing ε: indices → (1−ε)·(−log p_t) + (ε/C)·Σ_c(−log p_c);
    /// probabilities t → −Σ_c log p_c·((1−ε)·t_c + ε/C). `mean` averages over samples.
    public static func crossEntropy(_ logits: Var, _ target: Var, reduction: LossReduction = .mean,
                                    labelSmoothing: Double = 0) throws -> Var {
        try reduction.requireStandard("cross_entropy")
        guard labelSmoothing >= 0, labelSmoothing <= 1 else {
            throw InformationError.invalid(
                "cross_entropy: label_smoothing must lie between 0 and 1 (got \(NumberText.format(labelSmoothing)))")
        }
        let layout = try ClassLayout(logits.value, loss: "cross_entropy")
        let problem = SoftmaxRows(logits.value, layout: layout)
        if target.value.shape == logits.value.shape {
            return problem.probabilityTargets(logits, target, reduction: reduction, smoothing: labelSmoothing)
        }
        let indices = try layout.indices(target.value, loss: "cross_entropy", allowsProbabilities: true)
        return problem.indexTargets(logits, indices, reduction: reduction, smoothing: labelSmoothing)
    }
}

/// Logits with their per-row log-sum-exp, the shared forward state of cross-entropy.
private struct SoftmaxRows {
    let x: Tensor
    let layout: ClassLayout
    /// Each row's maximum m and log Σ_c exp(x_c − m): log softmax is (x − m) − log Σ, shifted
    /// first as torch does, so that [1e15, 1e15] gives log 2 and not a rounded 1e15 + log 2 − 1e15.
    let shifted: [(max: Double, logSum: Double)]

    init(_ x: Tensor, layout: ClassLayout) {
        self.x = x
        self.layout = layout
        let c = layout.classes
        shifted = (0..<layout.batch).map { r in
            Tensor(vector: Array(x.data[r * c ..< (r + 1) * c])).shiftedLogSumExp()
        }
    }

    /// log softmax of the element at flat position j of row i.
    private func logSoftmax(_ i: Int, _ j: Int) -> Double {
        (x.data[j] - shifted[i].max) - shifted[i].logSum
    }

    private func gradientFactor(_ g: Tensor, _ i: Int, _ reduction: LossReduction, _ factor: Double) -> Double {
        reduction == .none ? g.data[i] : g.data[0] * factor
    }

    func indexTargets(_ logits: Var, _ indices: [Int], reduction: LossReduction, smoothing: Double) -> Var {
        let c = layout.classes
        let cc = Double(c)
        let losses = indices.enumerated().map { i, k -> Double in
            let nll = -logSoftmax(i, i * c + k)
            guard smoothing > 0 else { return nll }
            var smooth = 0.0
            for j in 0..<c { smooth -= logSoftmax(i, i * c + j) }
            return (1 - smoothing) * nll + smoothing / cc * smooth
        }
        let (value, factor) = Loss.reduced(losses, reduction: reduction, layout: layout)
        guard logits.isTracked else { return .constant(value) }
        return Var.make(value, from: [logits]) { g in
            var gx = [Double](repeating: 0, count: x.count)
            for (i, k) in indices.enumerated() {
                let gi = gradientFactor(g, i, reduction, factor)
                for j in 0..<c {
                    let softmax = Foundation.exp(logSoftmax(i, i * c + j))
                    let target = (j == k ? 1 - smoothing : 0) + smoothing / cc
                    gx[i * c + j] = gi * (softmax - target)
                }
            }
            return [Tensor(shape: x.shape, data: gx)]
        }
    }

    func probabilityTargets(_ logits: Var, _ target: Var, reduction: LossReduction, smoothing: Double) -> Var {
        let c = layout.classes
        let t = target.value
        let smoothed = smoothing > 0 ? t.data.map { $0 * (1 - smoothing) + smoothing / Double(c) } : t.data
        let losses = (0..<layout.batch).map { i -> Double in
            var s = 0.0
            for j in i * c ..< (i + 1) * c { s += logSoftmax(i, j) * smoothed[j] }
            return -s
        }
        let (value, factor) = Loss.reduced(losses, reduction: reduction, layout: layout)
        let trackX = logits.isTracked, trackT = target.isTracked
        guard trackX || trackT else { return .constant(value) }
        return Var.make(value, from: [logits, target]) { g in
            var gx = [Double](repeating: 0, count: trackX ? x.count : 0)
            var gt = [Double](repeating: 0, count: trackT ? x.count : 0)
            for i in 0..<layout.batch {
                let gi = gradientFactor(g, i, reduction, factor)
                var mass = 0.0
                for j in i * c ..< (i + 1) * c { mass += smoothed[j] }
                for j in i * c ..< (i + 1) * c {
                    let logp = logSoftmax(i, j)
                    if trackX { gx[j] = gi * (Foundation.exp(logp) * mass - smoothed[j]) }
                    if trackT { gt[j] = -gi * logp * (1 - smoothing) }
                }
            }
            return [trackX ? Tensor(shape: x.shape, data: gx) : nil,
                    trackT ? Tensor(shape: t.shape, data: gt) : nil]
        }
    }
}
