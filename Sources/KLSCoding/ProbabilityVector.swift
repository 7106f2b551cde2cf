import Foundation

/// The tolerance on |Σp − 1| for a probability vector (absolute, i.e. relative to the total 1).
public let probabilitySumTolerance = 1e-9

/// Checks a probability vector: non-empty, every entry finite and ≥ 0, and Σp within
/// `probabilitySumTolerance` of 1 (summed with Neumaier compensation, so long vectors are judged
/// by their true sum, not by rounding error).
func validateProbabilities(_ p: [Double]) throws(CodingError) {
    guard !p.isEmpty else { throw .empty(what: "the probability vector") }
    var sum = 0.0
    var compensation = 0.0
    for (index, value) in p.enumerated() {
        guard value.isFinite, value >= 0 else { throw .invalidProbability(index: index, value: value) }
        let t = sum + value
        compensation += abs(sum) >= value ? (sum - t) + value : (value - t) + sum
        sum = t
    }
    let total = sum + compensation
    guard abs(total - 1) <= probabilitySumTolerance else { throw .probabilitiesDoNotSumToOne(sum: total) }
}

/// Shannon entropy −Σ p log₂ p in bits (terms with p = 0 contribute 0).
func entropyBits(_ p: [Double]) -> Double {
    var h = 0.0
    for value in p where value > 0 { h -= value * log2(value) }
    return h
}
