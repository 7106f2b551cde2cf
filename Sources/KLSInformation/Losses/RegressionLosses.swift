import KLSNumerics

extension Loss {
    /// `torch.nn.functional.mse_loss(input, target, reduction="mean")`: (input − target)²,
    /// reduced by mean over all elements, sum, or none.
    public static func mseLoss(_ input: Var, _ target: Var, reduction: LossReduction = .mean) throws -> Var {
        try reduction.requireStandard("mse_loss")
        try requireSameShape(input.value, target.value, loss: "mse_loss", ("input", "target"))
        return PointwiseLoss.evaluate(input, target, reduction: reduction,
                                      term: { x, y in (x - y) * (x - y) },
                                      partials: { x, y in (2 * (x - y), -2 * (x - y)) })
    }

    /// `torch.nn.functional.l1_loss(input, target, reduction="mean")`: |input − target|; the
    /// gradient is sign(input − target), 0 where they are equal (as torch).
    public static func l1Loss(_ input: Var, _ target: Var, reduction: LossReduction = .mean) throws -> Var {
        try reduction.requireStandard("l1_loss")
        try requireSameShape(input.value, target.value, loss: "l1_loss", ("input", "target"))
        return PointwiseLoss.evaluate(input, target, reduction: reduction,
                                      term: { x, y in Swift.abs(x - y) },
                                      partials: { x, y in
                                          let s: Double = x > y ? 1 : (x < y ? -1 : 0)
                                          return (s, -s)
                                      })
    }
}
