import Foundation
import Testing
@testable import KLSCoding

// Reference figures: ref.py (PythonReference.swift) — `heapq_huffman_lengths` (textbook heapq Huffman,
// D-ary with zero dummies) for the optimal mean length, and `two_queue_lengths`, a Python mirror
// of the documented tie rule, for the exact lengths.

@Test func seedExample() throws {
    let code = try huffman(probabilities: [0.5, 0.25, 0.25], symbols: ["A", "B", "C"])
    #expect(code.codewords == ["0", "10", "11"])   // the seed's table
    #expect(code.lengths == [1, 2, 2])
    #expect(code.averageLength == 1.5)
    #expect(code.entropy == 1.5)
    #expect(code.efficiency == 1)
    #expect(code.symbols == ["A", "B", "C"])
}

@Test func acceptanceFigures() throws {
    let c2 = try huffman(probabilities: [0.4, 0.3, 0.2, 0.1])
    #expect(c2.lengths == [1, 2, 3, 3])
    #expect(c2.averageLength == 1.9000000000000001)            // heapq avg
    #expect(c2.codewords == ["0", "10", "110", "111"])
    #expect(abs(c2.entropy - 1.8464393446710154) < 1e-15)      // -Σ p log2 p in Python
    #expect(abs(c2.efficiency - 0.9718101814057976) < 1e-15)
    let c3 = try huffman(probabilities: [0.4, 0.2, 0.2, 0.1, 0.1])
    #expect(abs(c3.averageLength - 2.2) < 1e-15)               // heapq avg 2.2
    #expect(c3.lengths == [2, 2, 2, 3, 3])                      // minimum-variance tie rule
    #expect(try isPrefixFree(c3.codewords))
    #expect(c2.symbols == ["0", "1", "2", "3"])
}

@Test func tieBreakingIsDeterministic() throws {
    // Equal probabilities: lower index gets the earlier (shorter or equal) codeword.
    let uniform = try huffman(probabilities: [0.25, 0.25, 0.25, 0.25])
    #expect(uniform.codewords == ["00", "01", "10", "11"])
    let tied = try huffman(probabilities: [0.3, 0.3, 0.2, 0.1, 0.1])
    #expect(tied.lengths == [2, 2, 2, 3, 3])                    // two_queue_lengths
    #expect(tied.codewords == ["00", "01", "10", "110", "111"])
    let reversed = try huffman(probabilities: [0.05, 0.1, 0.15, 0.2, 0.5])
    #expect(reversed.lengths == [4, 4, 3, 2, 1])
    #expect(reversed.codewords == ["1110", "1111", "110", "10", "0"])
    #expect(reversed.averageLength == 1.9500000000000002)        // heapq avg
}

@Test func dAryHuffmanPadsWithDummies() throws {
    let t1 = try huffman(probabilities: [0.5, 0.25, 0.25], D: 3)
    #expect(t1.codewords == ["0", "1", "2"])
    #expect(abs(t1.efficiency - 0.9463946303571862) < 1e-15)   // (1.5 / log2 3) / 1
    let t2 = try huffman(probabilities: [0.4, 0.3, 0.2, 0.1], D: 3)   // one dummy
    #expect(t2.codewords == ["0", "1", "20", "21"])
    #expect(abs(t2.averageLength - 1.3) < 1e-15)
    let t3 = try huffman(probabilities: [0.25, 0.25, 0.25, 0.25], D: 3)
    #expect(t3.lengths == [2, 2, 1, 1])
    #expect(t3.codewords == ["20", "21", "0", "1"])
    let t4 = try huffman(probabilities: [0.05, 0.1, 0.15, 0.2, 0.5], D: 3)
    #expect(t4.codewords == ["20", "21", "22", "0", "1"])
}

@Test func meanLengthsMatchHeapqHuffman() throws {
    // p ∝ i+1 (n = 50) and p ∝ 1/(i+1) (n = 100), heapq mean lengths from ref.py `extra()`.
    let linearWeights = (0..<50).map { Double($0) + 1 }
    let linearSum = linearWeights.reduce(0, +)
    let linear = linearWeights.map { $0 / linearSum }
    let zipfWeights = (0..<100).map { 1 / (Double($0) + 1) }
    let zipfSum = zipfWeights.reduce(0, +)
    let zipf = zipfWeights.map { $0 / zipfSum }
    let expected: [(p: [Double], d: Int, mean: Double, kraft: Double)] = [
        (linear, 2, 5.4023529411764715, 1), (linear, 3, 3.4345098039215687, 728.0 / 729),
        (linear, 4, 2.7796078431372546, 511.0 / 512), (linear, 7, 1.991372549019608, 2396.0 / 2401),
        (zipf, 2, 5.352336897744887, 1), (zipf, 3, 3.415239885126176, 728.0 / 729),
        (zipf, 4, 2.7069249375791578, 1), (zipf, 7, 1.9608509112624546, 2398.0 / 2401),
    ]
    for (p, d, mean, kraft) in expected {
        let code = try huffman(probabilities: p, D: d)
        #expect(abs(code.averageLength - mean) <= 1e-12 * mean, "D = \(d)")
        #expect(abs(try kraftSum(lengths: code.lengths, D: d) - kraft) < 1e-15, "D = \(d)")
        #expect(try isPrefixFree(code.codewords, D: d))
        let entropyD = code.entropy / log2(Double(d))
        #expect(entropyD <= code.averageLength && code.averageLength < entropyD + 1)
    }
    // Exact lengths under the documented tie rule (two_queue_lengths).
    #expect(try huffman(probabilities: linear).lengths == [10, 10, 9, 8, 8, 8] + [Int](repeating: 7, count: 8)
        + [Int](repeating: 6, count: 13) + [Int](repeating: 5, count: 23))
    #expect(try huffman(probabilities: zipf, D: 3).lengths == [2, 2, 2] + [Int](repeating: 3, count: 5)
        + [Int](repeating: 4, count: 19) + [Int](repeating: 5, count: 53) + [Int](repeating: 6, count: 20))
}

@Test func singleSymbolAndZeroProbabilities() throws {
    let one = try huffman(probabilities: [1], symbols: ["x"])
    #expect(one.codewords == ["0"])
    #expect(one.averageLength == 1)
    #expect(one.entropy == 0)
    #expect(try one.decodeSymbols("000") == ["x", "x", "x"])
    let withZero = try huffman(probabilities: [0.5, 0, 0.5])
    #expect(withZero.lengths == [2, 2, 1])   // ref.py extra2(): two_queue_lengths and heapq; the zero leaf merges with symbol 0
    #expect(try isPrefixFree(withZero.codewords))
}

@Test func largeAlphabet() throws {
    // 100,000 symbols with p ∝ (i mod 997) + 1: a complete binary code (Kraft sum exactly 1)
    // with H <= L < H + 1. Timing is measured in a release build (see the report).
    let weights = (0..<100_000).map { Double($0 % 997) + 1 }
    let total = weights.reduce(0, +)
    let p = weights.map { $0 / total }
    let code = try huffman(probabilities: p)
    #expect(try kraftSum(lengths: code.lengths) == 1)
    #expect(code.entropy <= code.averageLength && code.averageLength < code.entropy + 1)
    #expect(abs(code.averageLength - 16.355744008739997) < 1e-11)   // ref.py extra2(): heapq_huffman_lengths mean
    #expect(try code.decode(code.encode([0, 99_999, 500, 0])) == [0, 99_999, 500, 0])
}

@Test func huffmanRefusesBadInput() {
    #expect(throws: CodingError.empty(what: "the probability vector")) { try huffman(probabilities: []) }
    #expect(throws: CodingError.invalidProbability(index: 1, value: -0.5)) { try huffman(probabilities: [1.5, -0.5]) }
    #expect(throws: CodingError.invalidProbability(index: 0, value: .infinity)) { try huffman(probabilities: [.infinity]) }
    #expect(throws: CodingError.self) { try huffman(probabilities: [.nan, 1]) }
    #expect(throws: CodingError.probabilitiesDoNotSumToOne(sum: 0.9)) { try huffman(probabilities: [0.5, 0.4]) }
    #expect(CodingError.probabilitiesDoNotSumToOne(sum: 0.9).description == "probabilities sum to 0.9, not 1")
    #expect(throws: CodingError.invalidAlphabetSize(1)) { try huffman(probabilities: [1], D: 1) }
    #expect(throws: CodingError.countMismatch(what: "one symbol per probability", expected: 2, got: 1)) {
        try huffman(probabilities: [0.5, 0.5], symbols: ["a"])
    }
    #expect(throws: CodingError.duplicate(what: "symbols", first: 0, second: 1, value: "a")) {
        try huffman(probabilities: [0.5, 0.5], symbols: ["a", "a"])
    }
    // Within the 1e-9 tolerance: accepted.
    #expect(throws: Never.self) { try huffman(probabilities: [0.1, 0.2, 0.7 + 1e-10]) }
}
