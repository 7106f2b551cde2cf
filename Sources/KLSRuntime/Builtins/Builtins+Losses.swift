import KLSInformation
import KLSNumerics

/// PyTorch's loss functions with its exact semantics and defaults (torch.nn.functional).
extension BuiltinRegistry {
    static func installLosses(_ r: BuiltinRegistry) {
        r.function("kl_div", [p("input"), p("target"), p("reduction", .string("mean")), p("log_target", .bool(false))],
                   category: "losses",
                   summary: "torch's F.kl_div: pointwise target·(log target − input); input is log q.",
                   help: """
                   Reductions: "mean" (over all elements, torch's default), "sum", "batchmean" (sum / input.size(0);
                   the mathematically correct KL for a batch of rows), "none". With log_target=true the target is
                   given as log p. Terms with target 0 contribute 0. Two likely mistakes are warned about (once per
                   call, on stderr; the result is torch's all the same): an input with values > 0 (not log-probabilities:
                   kl_div(q, p) where kl_div(log(q), p) was meant) and a negative target.
                   """,
                   example: "kl_div(log([0.25, 0.5, 0.25]), [0.5, 0.25, 0.25], reduction=\"sum\")") { a in
            let reduction = try LossReduction.named(try a.string(2), loss: "kl_div", allowsBatchmean: true)
            let (input, target, logTarget) = (try a.numeric(0), try a.numeric(1), try a.bool(3))
            return Value(try Loss.klDiv(input, target, reduction: reduction, logTarget: logTarget,
                                        cache: a.interpreter.targetTerms) { mistake in
                switch mistake {
                case .positiveInput:
                    a.warn("input has values > 0, so it is not log-probabilities: did you mean kl_div(log(q), p)?")
                case .negativeTarget:
                    a.warn("target has negative values; it should hold probabilities (or log-probabilities with log_target=true)")
                }
            })
        }
        r.function("mse_loss", [p("input"), p("target"), p("reduction", .string("mean"))], category: "losses",
                   summary: "torch's F.mse_loss: mean (or sum) of (input − target)².",
                   example: "mse_loss([1, 2, 3], [1.5, 1.5, 4])") { a in
            Value(try Loss.mseLoss(try a.numeric(0), try a.numeric(1), reduction: try reduction(a, 2, "mse_loss")))
        }
        r.function("l1_loss", [p("input"), p("target"), p("reduction", .string("mean"))], category: "losses",
                   summary: "torch's F.l1_loss: mean (or sum) of |input − target|.",
                   example: "l1_loss([1, 2, 3], [1.5, 1.5, 4])") { a in
            Value(try Loss.l1Loss(try a.numeric(0), try a.numeric(1), reduction: try reduction(a, 2, "l1_loss")))
        }
        r.function("binary_cross_entropy", [p("input"), p("target"), p("reduction", .string("mean"))], category: "losses",
                   summary: "torch's F.binary_cross_entropy: −[t log p + (1 − t) log(1 − p)], logs clamped at −100.",
                   example: "binary_cross_entropy([0.8, 0.3], [1, 0])") { a in
            Value(try Loss.binaryCrossEntropy(try a.numeric(0), try a.numeric(1), reduction: try reduction(a, 2, "binary_cross_entropy")))
        }
        r.function("cosine_similarity", [p("a"), p("b"), p("eps", .number(1e-8))], category: "losses",
                   summary: "torch's F.cosine_similarity: a·b / (max(‖a‖, eps)·max(‖b‖, eps)); row by row for matrices.",
                   example: "cosine_similarity([1, 2, 3], [2, -1, 0.5])") { a in
            Value(try Loss.cosineSimilarity(try a.numeric(0), try a.numeric(1), eps: try a.number(2)))
        }
        r.function("cross_entropy", [p("logits"), p("target"), p("reduction", .string("mean")), p("label_smoothing", .number(0))],
                   category: "losses",
                   summary: "torch's F.cross_entropy: −log softmax(logits)[target], or −Σ target·log softmax(logits).",
                   help: """
                   A target of the same shape as the logits holds probabilities; otherwise it holds class indices
                   (0-based). A matrix of logits is a batch of rows, with a vector of indices. Logits that look like
                   a probability vector (non-negative, summing to 1) are warned about: the cross-entropy of two
                   distributions is H(P, Q).
                   """,
                   example: "cross_entropy([2, 0.5, -1], 0)") { a in
            let logits = try a.numeric(0)
            if looksLikeProbabilities(logits.value) {
                a.warn("the first argument holds logits, but this one is a probability vector; for the cross-entropy of two distributions use H(P, Q)")
            }
            return Value(try Loss.crossEntropy(logits, try a.numeric(1), reduction: try reduction(a, 2, "cross_entropy"),
                                               labelSmoothing: try a.number(3)))
        }
        r.function("nll_loss", [p("logp"), p("target"), p("reduction", .string("mean"))], category: "losses",
                   summary: "torch's F.nll_loss: −logp[target] (class indices, 0-based).",
                   example: "nll_loss([-0.5, -1.2, -2.3], 1)") { a in
            Value(try Loss.nllLoss(try a.numeric(0), try a.numeric(1), reduction: try reduction(a, 2, "nll_loss")))
        }
    }

    /// True for a vector (or matrix of rows) of non-negative entries each summing to 1.
    private static func looksLikeProbabilities(_ t: Tensor) -> Bool {
        guard t.rank == 1 || t.rank == 2, t.count > 0, t.data.allSatisfy({ $0 >= 0 }) else { return false }
        let width = t.shape[t.rank - 1]
        guard width > 1 else { return false }
        return stride(from: 0, to: t.count, by: width).allSatisfy { start in
            abs(VectorKernels.sum(t.data[start ..< start + width]) - 1) <= 1e-9
        }
    }

    private static func reduction(_ a: Arguments, _ i: Int, _ loss: String) throws -> LossReduction {
        try LossReduction.named(try a.string(i), loss: loss)
    }
}
