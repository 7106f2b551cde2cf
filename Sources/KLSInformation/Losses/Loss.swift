import KLSNumerics

/// PyTorch's loss functions (`torch.nn.functional`) with torch's formulas, defaults and
/// reductions, differentiable with respect to every floating-point argument.
public enum Loss {}

/// How a loss combines its per-element values, as torch's `reduction=`.
public enum LossReduction: String, Sendable, CaseIterable {
    /// The per-element (or per-sample) losses, unreduced.
    case none
    /// Their mean (for `kl_div`: over all elements).
    case mean
    /// Their sum.
    case sum
    /// `kl_div` only: the sum divided by the batch size (the first extent; a vector's length).
    case batchmean

    /// The reduction named `name` (as torch's `reduction=` string), or an error for `loss` that
    /// lists the accepted names (`batchmean` only when `allowsBatchmean`).
    public static func named(_ name: String, loss: String, allowsBatchmean: Bool = false) throws -> LossReduction {
        switch name {   // a plain switch: this runs on every loss call of a fit
        case "mean": return .mean
        case "sum": return .sum
        case "none": return .none
        case "batchmean" where allowsBatchmean: return .batchmean
        default: break
        }
        let accepted = allowsBatchmean ? "\"none\", \"mean\", \"sum\" or \"batchmean\"" : "\"none\", \"mean\" or \"sum\""
        throw InformationError.invalid("\(loss): reduction must be \(accepted) (got \"\(name)\")")
    }

    /// Rejects `batchmean` for losses other than `kl_div`, with torch's wording.
    func requireStandard(_ loss: String) throws {
        guard self != .batchmean else {
            throw InformationError.invalid(
                "\(loss): reduction must be \"none\", \"mean\" or \"sum\" (\"batchmean\" is for kl_div only)")
        }
    }

    /// The per-element (or per-sample) losses `terms` reduced, and the factor that scales an
    /// upstream gradient into each term's gradient: `none` keeps them in `shape`; `sum`, `mean`
    /// and `batchmean` (sum / `batch`) add them with `VectorKernels.sum`, the one summation
    /// order of `sum` and `mean`, so a reduced loss is `sum`/`mean` of its `none` terms bit for
    /// bit (torch reduces the pointwise terms too).
    func reduce(_ terms: [Double], shape: [Int], batch: Int) -> (value: Tensor, factor: Double) {
        switch self {
        case .none: return (Tensor(shape: shape, data: terms), 1)
        case .sum: return (Tensor(scalar: VectorKernels.sum(terms)), 1)
        case .mean:
            let n = Double(terms.count)
            return (Tensor(scalar: VectorKernels.sum(terms) / n), 1 / n)
        case .batchmean: return (Tensor(scalar: VectorKernels.sum(terms) / Double(batch)), 1 / Double(batch))
        }
    }
}

extension Loss {
    /// Checks that two arguments of a pointwise loss have the same shape.
    static func requireSameShape(_ a: Tensor, _ b: Tensor, loss: String, _ names: (String, String)) throws {
        guard a.shape == b.shape else {
            throw InformationError.invalid(
                "\(loss): \(names.0) is a \(Tensor.describe(shape: a.shape)) but \(names.1) is a \(Tensor.describe(shape: b.shape)); they must have the same shape")
        }
    }

    /// Per-sample losses reduced over the batch, and the gradient factor of each sample.
    static func reduced(_ losses: [Double], reduction: LossReduction, layout: ClassLayout) -> (Tensor, Double) {
        reduction.reduce(losses, shape: layout.sampleShape, batch: layout.batch)
    }
}
