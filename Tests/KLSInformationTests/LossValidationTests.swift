import Testing
import KLSNumerics
@testable import KLSInformation

/// Shape, index and option errors of the losses.
@Suite struct LossValidationTests {
    @Test func shapesMustMatch() {
        #expect(errorMessage { try Loss.klDiv(vector([-1, -2]), vector([0.5, 0.3, 0.2])) }
                == "kl_div: input is a vector(2) but target is a vector(3); they must have the same shape")
        #expect(errorMessage { try Loss.mseLoss(matrix([[1, 2]]), vector([1, 2])) }
                == "mse_loss: input is a matrix(1×2) but target is a vector(2); they must have the same shape")
        #expect(errorMessage { try Loss.cosineSimilarity(vector([1, 2]), vector([1, 2, 3])) }?
                .hasPrefix("cosine_similarity: cannot pair a vector(2) with a vector(3)") == true)
        #expect(errorMessage { try Loss.cosineSimilarity(scalar(1), scalar(2)) }?
                .hasPrefix("cosine_similarity: cannot pair a scalar with a scalar") == true)
    }

    @Test func reductionsAreChecked() throws {
        // torch: "batchmean is not a valid value for reduction" outside kl_div
        #expect(errorMessage { try Loss.mseLoss(vector([1]), vector([2]), reduction: .batchmean) }
                == "mse_loss: reduction must be \"none\", \"mean\" or \"sum\" (\"batchmean\" is for kl_div only)")
        #expect(errorMessage { try Loss.crossEntropy(vector([1, 2]), scalar(0), reduction: .batchmean) } != nil)
        #expect(try LossReduction.named("batchmean", loss: "kl_div", allowsBatchmean: true) == .batchmean)
        #expect(try LossReduction.named("none", loss: "mse_loss") == LossReduction.none)
        #expect(throws: InformationError.invalid(
            "kl_div: reduction must be \"none\", \"mean\", \"sum\" or \"batchmean\" (got \"average\")")) {
            try LossReduction.named("average", loss: "kl_div", allowsBatchmean: true)
        }
        #expect(throws: InformationError.invalid("nll_loss: reduction must be \"none\", \"mean\" or \"sum\" (got \"batchmean\")")) {
            try LossReduction.named("batchmean", loss: "nll_loss")
        }
    }

    @Test func classIndicesAreChecked() {
        // torch: "Target 2 is out of bounds."
        #expect(errorMessage { try Loss.crossEntropy(vector([1, 2]), scalar(2)) }
                == "cross_entropy: class index 2 is out of range for 2 classes (0 to 1)")
        #expect(errorMessage { try Loss.nllLoss(matrix([[-1, -2], [-3, -4]]), vector([0, -1])) }
                == "nll_loss: class index -1 is out of range for 2 classes (0 to 1)")
        #expect(errorMessage { try Loss.crossEntropy(vector([1, 2]), scalar(0.5)) }
                == "cross_entropy: class index 0.5 is not a whole number")
        #expect(errorMessage { try Loss.crossEntropy(vector([1, 2, 3]), vector([0, 1])) }
                == "cross_entropy: for a vector of 3 scores the target must be a class index (a number) or 3 probabilities, got a vector(2)")
        #expect(errorMessage { try Loss.crossEntropy(matrix([[1, 2], [3, 4]]), vector([0, 1, 1])) }
                == "cross_entropy: for a batch of 2 rows of 2 scores the target must be 2 class indices (a vector) or a 2×2 matrix of probabilities, got a vector(3)")
        #expect(errorMessage { try Loss.nllLoss(vector([-1, -2]), vector([0.5, 0.5])) }
                == "nll_loss: for a vector of 2 scores the target must be a class index (a number), got a vector(2)")
        #expect(errorMessage { try Loss.crossEntropy(scalar(1), scalar(0)) }
                == "cross_entropy: the input must be a vector (one sample of C classes) or a matrix (a batch of rows), got a scalar")
        #expect(errorMessage { try Loss.crossEntropy(vector([]), scalar(0)) } == "cross_entropy: the input has no classes")
    }

    @Test func optionsAndRanges() {
        #expect(errorMessage { try Loss.crossEntropy(vector([1, 2]), scalar(0), labelSmoothing: 1.5) }
                == "cross_entropy: label_smoothing must lie between 0 and 1 (got 1.5)")
        // torch: "all elements of input should be between 0 and 1" (and of target)
        #expect(errorMessage { try Loss.binaryCrossEntropy(vector([0.5, 1.5]), vector([1, 0])) }
                == "binary_cross_entropy: input[1] = 1.5 must lie between 0 and 1")
        #expect(errorMessage { try Loss.binaryCrossEntropy(vector([0.5]), vector([-1])) }
                == "binary_cross_entropy: target[0] = -1 must lie between 0 and 1")
    }
}
