import KLSNumerics

extension Loss {
    /// `torch.nn.functional.nll_loss(input, target, reduction="mean")`: −input[target] per
    /// sample, for log-probabilities of one sample (a vector, target a class index) or a batch
    /// (N×C, target N indices); `mean` averages over samples.
    public static func nllLoss(_ logProbabilities: Var, _ target: Var,
                               reduction: LossReduction = .mean) throws -> Var {
        try reduction.requireStandard("nll_loss")
        let x = logProbabilities.value
        let layout = try ClassLayout(x, loss: "nll_loss")
        let indices = try layout.indices(target.value, loss: "nll_loss", allowsProbabilities: false)
        let c = layout.classes
        let losses = indices.enumerated().map { i, k in -x.data[i * c + k] }
        let (value, factor) = reduced(losses, reduction: reduction, layout: layout)
        guard logProbabilities.isTracked else { return .constant(value) }
        return Var.make(value, from: [logProbabilities, target]) { g in
            var gx = [Double](repeating: 0, count: x.count)
            for (i, k) in indices.enumerated() {
                gx[i * c + k] = -(reduction == .none ? g.data[i] : g.data[0] * factor)
            }
            return [Tensor(shape: x.shape, data: gx), nil]
        }
    }
}
