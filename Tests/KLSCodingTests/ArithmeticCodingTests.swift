import Foundation
import Testing
@testable import KLSCoding

// Reference: arith_ref.py (PythonReference.swift) — exact Fraction arithmetic coding; for dyadic P the
// 63-bit coder is exact, so its output must be the shortest bit string w whose dyadic interval
// [0.w, 0.w + 2^−|w|) lies in the final interval [L, L + P(s)).

/// ⌈−log₂ P(s)⌉ + 2, the contract's bound, from the given probabilities.
private func bound(_ p: [Double], _ message: [Int]) -> Int {
    var bits = 0.0
    for s in message { bits -= log2(p[s]) }
    return Int(bits.rounded(.up)) + 2
}

/// A deterministic pseudo-random generator (PCG-style LCG) for reproducible messages.
private struct LCG {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 11
    }
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-42 }
    /// A symbol drawn from p by inversion.
    mutating func symbol(_ p: [Double]) -> Int {
        let u = uniform()
        var c = 0.0
        for (i, q) in p.enumerated() {
            c += q
            if u < c, q > 0 { return i }
        }
        return p.lastIndex { $0 > 0 } ?? 0
    }
}

@Test func contractExample() throws {
    let p = [0.5, 0.25, 0.25]
    let s = [0, 1, 0, 2, 0, 1, 2, 0]
    let bits = try arithEncode(probabilities: p, message: s)
    #expect(bits == "010011010110")         // arith_ref.py: 12 bits (-log2 P = 12)
    #expect(bits.count <= 14)
    #expect(try arithDecode(probabilities: p, bits: bits, count: 8) == s)
}

@Test func exactShortestCodesForDyadicModels() throws {
    let cases: [(p: [Double], s: [Int], bits: String)] = [   // arith_ref.py
        ([0.5, 0.25, 0.25], [2, 2, 2], "111111"),
        ([0.5, 0.25, 0.25], [0, 0, 0], "000"),
        ([0.5, 0.25, 0.25], [1], "10"),
        ([0.125, 0.375, 0.5], [0, 1, 2, 1, 0, 2, 2, 1], "000010101111101"),
        ([0.5, 0.5], [0, 0, 0, 0], "0000"),
        ([0.25, 0.75], [0, 1, 1], "001"),
        ([0.25, 0.5, 0.25], [1], "01"),
        ([0.5, 0.5], [1, 0, 1, 1, 0, 0, 1, 0, 1, 1], "1011001011"),
        ([0.75, 0.25], [Int](repeating: 1, count: 40), String(repeating: "1", count: 80)),
    ]
    for (p, s, expected) in cases {
        let bits = try arithEncode(probabilities: p, message: s)
        #expect(bits == expected, "\(p) \(s)")
        #expect(try arithDecode(probabilities: p, bits: bits, count: s.count) == s)
    }
}

@Test func emptyAndCertainMessages() throws {
    #expect(throws: CodingError.empty(what: "the message")) { try arithEncode(probabilities: [0.3, 0.7], message: []) }
    #expect(try ArithmeticCoder(probabilities: [0.3, 0.7]).encode([]).count == 0)
    #expect(try arithDecode(probabilities: [0.3, 0.7], bits: "", count: 0) == [])
    // One certain symbol costs nothing: -log2 1 = 0.
    #expect(try arithEncode(probabilities: [0, 1, 0], message: [Int](repeating: 1, count: 1000)) == "")
    #expect(try arithDecode(probabilities: [0, 1, 0], bits: "", count: 5) == [1, 1, 1, 1, 1])
}

@Test func randomMessagesMeetTheBoundAndRoundTrip() throws {
    var rng = LCG(state: 7)
    let models: [[Double]] = [
        [0.5, 0.25, 0.25],
        [0.1, 0.2, 0.3, 0.4],
        [0.9, 0.05, 0.05],
        [0.999, 0.001],
        [1e-6, 1 - 2e-6, 1e-6],
        [0.01, 0.01, 0.98],
        (1...20).map { Double($0) / 210 },
        [1.0 / 3, 1.0 / 3, 1.0 / 3],
        [0.3, 0, 0.7],
    ]
    let lengths = [1, 2, 3, 5, 8, 13, 100, 1000, 10_000]
    for p in models {
        for n in lengths {
            for _ in 0..<3 {
                let message = (0..<n).map { _ in rng.symbol(p) }
                let bits = try arithEncode(probabilities: p, message: message)
                #expect(bits.count <= bound(p, message), "\(p) n=\(n)")
                #expect(try arithDecode(probabilities: p, bits: bits, count: n) == message, "\(p) n=\(n)")
            }
        }
    }
    // Adversarial: the rarest symbol repeated, where quantisation loss would pile up.
    let third = 1.0 / 3
    let adversarial: [(p: [Double], symbol: Int)] = [
        ([1e-6, 1 - 1e-6], 0), ([0.1, 0.2, 0.7], 0), ([third, 2 * third], 0), ([third, 2 * third], 1),
    ]
    for (p, symbol) in adversarial {
        let message = [Int](repeating: symbol, count: 10_000)
        let bits = try arithEncode(probabilities: p, message: message)
        #expect(bits.count <= bound(p, message), "\(p)")
        #expect(try arithDecode(probabilities: p, bits: bits, count: message.count) == message)
    }
}

@Test func millionSymbolRoundTrip() throws {
    var rng = LCG(state: 99)
    let p = [0.05, 0.15, 0.3, 0.5]
    let message = (0..<1_000_000).map { _ in rng.symbol(p) }
    let coder = try ArithmeticCoder(probabilities: p)
    let bits = try coder.encode(message)
    #expect(bits.count <= bound(p, message))
    #expect(try coder.decode(bits, count: message.count) == message)
    // Through the string form too.
    let text = bits.description
    #expect(try coder.decode(BitString(text), count: message.count) == message)
}

@Test func byteMessages() throws {
    // Compress text bytes under their own empirical distribution.
    let text = Array(String(repeating: "the quick brown fox jumps over the lazy dog; ", count: 200).utf8)
    var counts = [Double](repeating: 0, count: 256)
    for byte in text { counts[Int(byte)] += 1 }
    let p = counts.map { $0 / Double(text.count) }
    let coder = try ArithmeticCoder(probabilities: p)
    let bits = try coder.encode(bytes: text)
    #expect(bits.count <= bound(p, text.map(Int.init)))
    #expect(try coder.decode(bits, count: text.count).map(UInt8.init) == text)
    // Packed bytes round trip.
    #expect(BitString(bytes: bits.bytes, count: bits.count) == bits)
    #expect(throws: CodingError.zeroProbabilitySymbol(position: 0, symbol: 90)) { try coder.encode(bytes: Array("Z".utf8)) }
}

@Test func extraBitsAfterTheCodeAreIgnored() throws {
    let p = [0.2, 0.3, 0.5]
    let message = [2, 0, 1, 1, 2]
    let bits = try arithEncode(probabilities: p, message: message)
    #expect(try arithDecode(probabilities: p, bits: bits + "0000", count: 5) == message)
    // Any bit string decodes to some message of the requested length (no traps on junk input).
    #expect(try arithDecode(probabilities: p, bits: "1111111111111111111111111111111111111111111111111111111111111111111", count: 40).count == 40)
}

@Test func arithmeticErrors() {
    #expect(throws: CodingError.zeroProbabilitySymbol(position: 2, symbol: 1)) {
        try arithEncode(probabilities: [0.3, 0, 0.7], message: [0, 2, 1])
    }
    #expect(CodingError.zeroProbabilitySymbol(position: 2, symbol: 1).description
        == "symbol 1 at position 2 has probability 0 and cannot be encoded")
    #expect(throws: CodingError.symbolOutOfRange(position: 1, symbol: 3, count: 3)) {
        try arithEncode(probabilities: [0.5, 0.25, 0.25], message: [0, 3])
    }
    #expect(throws: CodingError.probabilitiesDoNotSumToOne(sum: 1.1)) {
        try arithEncode(probabilities: [0.5, 0.6], message: [0])
    }
    #expect(throws: CodingError.invalidDigit(word: nil, position: 2, character: "2", alphabetSize: 2)) {
        try arithDecode(probabilities: [0.5, 0.5], bits: "012", count: 1)
    }
    #expect(throws: CodingError.invalidCount(-1)) { try arithDecode(probabilities: [0.5, 0.5], bits: "", count: -1) }
    #expect(throws: CodingError.empty(what: "the probability vector")) { try arithEncode(probabilities: [], message: []) }
}

@Test func bitStringViews() throws {
    let bits = try BitString("1011001")
    #expect(bits.count == 7)
    #expect(bits.description == "1011001")
    #expect(bits.bytes == [0b1011_0010])
    #expect(BitString(bytes: [0b1011_0010], count: 7) == bits)
    var long = BitString()
    long.append(1, repeating: 70)
    long.append(0, repeating: 130)
    long.append(1)
    #expect(long.description == String(repeating: "1", count: 70) + String(repeating: "0", count: 130) + "1")
    #expect(throws: CodingError.invalidDigit(word: nil, position: 0, character: " ", alphabetSize: 2)) { try BitString(" 1") }
}

/// Cover & Thomas §5.9 and §13.3 (Shannon–Fano–Elias): the codewords of all messages of one
/// length n form a prefix code, so their Kraft sum is at most 1, and each codeword has
/// ⌈−log₂ P(s)⌉ to ⌈−log₂ P(s)⌉ + 2 bits (+1 at most for dyadic P, where the coder is exact).
@Test func codewordsOfEveryMessageFormAPrefixCode() throws {
    var rng = LCG(state: 2026)
    for trial in 0..<24 {
        let size = 2 + trial % 4
        var weights = (0..<size).map { _ in 0.05 + rng.uniform() }
        if trial % 3 == 0 { weights = (0..<size).map { _ in Double(1 << Int(rng.next() % 3)) } }
        let total = weights.reduce(0, +)
        let p = weights.map { $0 / total }
        let dyadic = p.allSatisfy { $0 == Double(sign: .plus, exponent: $0.exponent, significand: 1) }
        let n = 1 + trial % 4
        var words: [String] = []
        var message = [Int](repeating: 0, count: n)
        for index in 0..<Int(pow(Double(size), Double(n))) {
            var rest = index
            for position in 0..<n { message[position] = rest % size; rest /= size }
            let bits = try arithEncode(probabilities: p, message: message)
            var information = 0.0
            for s in message { information -= log2(p[s]) }
            let floor = Int((information - 1e-9).rounded(.up))
            #expect(bits.count >= floor, "\(p) \(message)")
            #expect(bits.count <= floor + (dyadic ? 1 : 2), "\(p) \(message)")
            #expect(try arithDecode(probabilities: p, bits: bits, count: n) == message)
            words.append(bits)
        }
        #expect(try isPrefixFree(words), "\(p) n=\(n)")
        #expect(try kraftSum(lengths: words.map(\.count)) <= 1, "\(p) n=\(n)")
    }
}
