import Foundation
import KLSNumerics

/// torch's `EPSILON` of the binary cross-entropy backward: 1e-12 as a float32.
private let bceEpsilon = Double(Float(1e-12))

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

    /// `torch.nn.functional.binary_cross_entropy(input, target, reduction="mean")`:
    /// −(t·log p + (1 − t)·log(1 − p)) with each log clamped at −100, as torch. Both arguments
    /// must lie in [0, 1]. Gradients as torch: (p − t)/max(p(1 − p), ε) for the input, with
    /// torch's ε = 1e-12 rounded to float32, and log(1 − p) − log p for the target.
    public static func binaryCrossEntropy(_ input: Var, _ target: Var,
                                          reduction: LossReduction = .mean) throws -> Var {
        try reduction.requireStandard("binary_cross_entropy")
        try requireSameShape(input.value, target.value, loss: "binary_cross_entropy", ("input", "target"))
        for (name, t) in [("input", input.value), ("target", target.value)] {
            for (i, v) in t.data.enumerated() where !(v >= 0 && v <= 1) {
                let at = t.isScalar ? name : "\(name)[\(i)]"
                throw InformationError.invalid(
                    "binary_cross_entropy: \(at) = \(NumberText.format(v)) must lie between 0 and 1")
            }
        }
        return PointwiseLoss.evaluate(input, target, reduction: reduction,
                                      term: { p, t in
                                          (t - 1) * Swift.max(Foundation.log1p(-p), -100)
                                              - t * Swift.max(Foundation.log(p), -100)
                                      },
                                      partials: { p, t in
                                          ((p - t) / Swift.max((1 - p) * p, bceEpsilon),
                                           Foundation.log1p(-p) - Foundation.log(p))
                                      })
    }
}
