import Testing
import KLSNumerics
@testable import KLSInformation

/// User-facing messages for arguments that are not probability distributions.
@Suite struct ValidationTests {
    let p = vector([0.5, 0.25, 0.25])

    @Test func sumsMustBeOne() {
        #expect(errorMessage { try Information.kl(vector([0.5, 0.4]), vector([0.5, 0.5])) }
                == "KL: P sums to 0.9, not 1")
        #expect(errorMessage { try Information.kl(vector([0.5, 0.5]), vector([0.7, 0.7])) }
                == "KL: Q sums to 1.4, not 1")
        #expect(errorMessage { try Information.entropy(matrix([[0.5, 0.5], [0.2, 0.2]])) }
                == "H: P sums to 1.4, not 1 (a joint distribution), nor does each row (row 1 sums to 0.4)")
        #expect(errorMessage { try Information.w1(matrix([[0.5, 0.5], [0.2, 0.2]]), matrix([[0.5, 0.5], [0.5, 0.5]])) }
                == "W1: row 1 of P sums to 0.4, not 1")
        #expect(errorMessage { try Information.kl(matrix([[0.1, 0.2], [0.3, 0.4]]), matrix([[0.5, 0.5], [0.5, 0.5]])) }
                == "KL: P is a joint distribution (its entries sum to 1) but Q is a matrix of distributions (its entries sum to 2)")
        #expect(errorMessage { try Information.conditionalEntropy(matrix([[0.1, 0.2], [0.3, 0.4]]), given: 2) }
                == "H: given must be 0 (X, the rows) or 1 (Y, the columns) (got 2)")
        #expect(errorMessage { try Information.marginal(matrix([[0.1, 0.2], [0.3, 0.3]]), axis: 0) }
                == "marginal: the joint distribution sums to 0.9, not 1")
        // within 1e-9 of 1 is accepted; beyond is not
        #expect(errorMessage { try Information.entropy(vector([0.5, 0.5 + 5e-10])) } == nil)
        #expect(errorMessage { try Information.entropy(vector([0.5, 0.5 + 2e-9])) } != nil)
    }

    @Test func entriesMustBeFiniteAndNonNegative() {
        #expect(errorMessage { try Information.js(vector([1.2, -0.2]), vector([0.5, 0.5])) }
                == "JS: P[1] = -0.2 is negative")
        #expect(errorMessage { try Information.chi2(vector([0.5, 0.5]), vector([.nan, 0.5])) }
                == "chi2: Q[0] = nan is not finite")
        #expect(errorMessage { try Information.w1(matrix([[0.5, 0.5], [1, .infinity]]), matrix([[0.5, 0.5], [0.5, 0.5]])) }
                == "W1: P[1][1] = inf is not finite")
    }

    @Test func lengthsAndShapesMustMatch() {
        #expect(errorMessage { try Information.kl(p, vector([0.5, 0.5])) }
                == "KL: P has 3 outcomes but Q has 2; they must have the same length")
        #expect(errorMessage { try Information.crossEntropy(p, matrix([[0.5, 0.25, 0.25]])) }
                == "H: P is a vector(3) but Q is a matrix(1×3); they must have the same shape")
        #expect(errorMessage { try Information.hellinger(scalar(1), p) }
                == "hellinger: P must be a probability vector (or a matrix of rows), got a scalar")
        #expect(errorMessage { try Information.totalVariation(vector([]), vector([])) } == "TV: P is empty")
    }

    @Test func basesMustBeUsable() {
        #expect(errorMessage { try Information.entropy(p, base: 1) }
                == "H: base must be a positive number other than 1 (got 1)")
        #expect(errorMessage { try Information.kl(p, p, base: -2) }
                == "KL: base must be a positive number other than 1 (got -2)")
        #expect(errorMessage { try Information.js(p, p, base: .infinity) }
                == "JS: base must be a positive number other than 1 (got inf)")
        #expect(errorMessage { try Information.mutualInformation(matrix([[1]]), base: 0) }
                == "MI: base must be a positive number other than 1 (got 0)")
    }

    @Test func mutualInformationNeedsAJointMatrix() {
        #expect(errorMessage { try Information.mutualInformation(p) }
                == "MI: the joint distribution must be a matrix (rows: X, columns: Y), got a vector(3)")
        #expect(errorMessage { try Information.mutualInformation(matrix([[0.3, 0.2], [0.1, 0.3]])) }
                == "MI: the joint distribution sums to 0.9, not 1")
        #expect(errorMessage { try Information.mutualInformation(matrix([[0.6, -0.1], [0.1, 0.4]])) }
                == "MI: joint[0][1] = -0.1 is negative")
        // a joint is one distribution over all cells: its rows need not sum to 1
        #expect(errorMessage { try Information.mutualInformation(matrix([[0.3, 0.2], [0.1, 0.4]])) } == nil)
    }

    @Test func selfInformationNeedsProbabilities() {
        #expect(errorMessage { try Information.information(scalar(1.5)) }
                == "info: p = 1.5 is not a probability (it must lie in [0, 1])")
        #expect(errorMessage { try Information.information(vector([0.5, -0.5])) }
                == "info: p[1] = -0.5 is not a probability (it must lie in [0, 1])")
        #expect(errorMessage { try Information.information(scalar(.nan)) }
                == "info: p = nan is not a probability (it must lie in [0, 1])")
    }
}
