import Testing
@testable import KLSCoding

// Reference figures: ref.py (PythonReference.swift) — `kraft` sums with fractions.Fraction and
// `greedy_kraft`, the seed's greedy construction on (length, index)-sorted lengths.

@Test func kraftSumsAreExact() throws {
    #expect(try kraftSum(lengths: [1, 2, 3, 3]) == 1)          // Fraction: 1
    #expect(try kraftSum(lengths: [1, 1, 2]) == 1.25)          // Fraction: 5/4
    #expect(try kraftSum(lengths: [2, 2, 3]) == 0.625)         // Fraction: 5/8
    #expect(try kraftSum(lengths: [1, 1, 1]) == 1.5)           // Fraction: 3/2
    #expect(try kraftSum(lengths: [64, 64]) == 1.0842021724855044e-19)  // Fraction: 2^-63
    #expect(try kraftSum(lengths: [0]) == 1)                   // D^-0 = 1
}

@Test func kraftSumsDAry() throws {
    #expect(try kraftSum(lengths: [1, 1, 2], D: 3) == 0.7777777777777778)   // float(Fraction(7, 9))
    #expect(try kraftSum(lengths: [1, 1, 1], D: 3) == 1)                    // Fraction: 1
    #expect(try kraftSum(lengths: [1, 1, 2, 2, 2], D: 3) == 1)              // Fraction: 1
    #expect(try kraftSum(lengths: [2, 1, 3], D: 3) == 0.48148148148148145)  // float(Fraction(13, 27))
    // Too big for the exact integer route (3^40 > 2^53): a float sum; float(Fraction(1, 3**40)) = 8.225263339969959e-20.
    #expect(abs(try kraftSum(lengths: [1, 40], D: 3) - (1.0 / 3 + 8.225263339969959e-20)) < 1e-16)
}

@Test func binaryKraftSumIsExactAcrossWideLengthSpans() throws {
    // 2^-1 + 2^-52 + 2^-53·2 = 0.5 + 2^-51: every partial sum is representable, so exactly that.
    #expect(try kraftSum(lengths: [1, 52, 53, 53]) == 0.5 + 0x1p-51)
    // Many equal lengths carry: 2^20 words of length 20 sum to exactly 1.
    #expect(try kraftSum(lengths: [Int](repeating: 20, count: 1 << 20)) == 1)
    // A huge length underflows to 0 without looping over every level.
    #expect(try kraftSum(lengths: [1, 1_000_000_000]) == 0.5)
}

@Test func kraftSumRefusesBadInput() {
    #expect(throws: CodingError.empty(what: "the list of lengths")) { try kraftSum(lengths: []) }
    #expect(throws: CodingError.invalidLength(index: 1, length: -1, reason: "a codeword length must be >= 0")) {
        try kraftSum(lengths: [1, -1])
    }
    #expect(throws: CodingError.invalidAlphabetSize(1)) { try kraftSum(lengths: [1], D: 1) }
}

@Test func kraftCodeFollowsTheSeedsGreedyConstruction() throws {
    #expect(try kraftCode(lengths: [1, 2, 3, 3]) == ["0", "10", "110", "111"])       // seed, greedy_kraft
    #expect(try kraftCode(lengths: [3, 1, 2, 3]) == ["110", "0", "10", "111"])       // original order kept
    #expect(try kraftCode(lengths: [2, 2, 3]) == ["00", "01", "100"])               // incomplete code
    #expect(try kraftCode(lengths: [2, 2, 2, 3, 3]) == ["00", "01", "10", "110", "111"])
    #expect(try kraftCode(lengths: [1, 1, 2], D: 3) == ["0", "1", "20"])
    #expect(try kraftCode(lengths: [3, 3, 2, 2, 2, 1], D: 3) == ["200", "201", "10", "11", "12", "0"])
    let long = try kraftCode(lengths: [64, 64])
    #expect(long == [String(repeating: "0", count: 64), String(repeating: "0", count: 63) + "1"])
    // Beyond 64 bits the digit-array counter still works.
    let longer = try kraftCode(lengths: [1, 100, 100])
    #expect(longer[1] == "1" + String(repeating: "0", count: 99))
    #expect(longer[2] == "1" + String(repeating: "0", count: 98) + "1")
    #expect(try isPrefixFree(longer))
}

@Test func kraftCodeRefusesWhenTheSumExceedsOne() {
    #expect(throws: CodingError.kraftSumExceedsOne(sum: 1.25)) { try kraftCode(lengths: [1, 1, 2]) }
    #expect(CodingError.kraftSumExceedsOne(sum: 1.25).description == "Kraft sum 1.25 > 1: no prefix code has these lengths")
    #expect(throws: CodingError.kraftSumExceedsOne(sum: 1.5)) { try kraftCode(lengths: [1, 1, 1]) }
    // 1 + 2^-70 rounds to 1 as a Double; the counter still finds it impossible, and the message says why.
    var lengths = [Int](repeating: 0, count: 0)
    lengths.append(1)
    lengths.append(contentsOf: (2...70).map { $0 })
    lengths.append(70)
    lengths.append(70)  // Σ = 1 + 2^-70
    #expect(throws: CodingError.kraftSumExceedsOne(sum: 1)) { try kraftCode(lengths: lengths) }
    #expect(CodingError.kraftSumExceedsOne(sum: 1).description.contains("1 + (less than 1e-16) > 1"))
}

@Test func kraftCodeRefusesBadLengths() {
    #expect(throws: CodingError.invalidLength(index: 0, length: 0, reason: "a codeword needs at least one digit")) {
        try kraftCode(lengths: [0])
    }
    #expect(throws: CodingError.invalidLength(index: 1, length: 2000,
                                              reason: "codewords longer than 1024 digits are not supported")) {
        try kraftCode(lengths: [1, 2000])
    }
    #expect(throws: CodingError.empty(what: "the list of lengths")) { try kraftCode(lengths: []) }
    #expect(throws: CodingError.invalidAlphabetSize(37)) { try kraftCode(lengths: [1], D: 37) }
}

@Test func kraftCodeWordsHaveTheRequestedLengthsAndArePrefixFree() throws {
    // Every multiset of lengths 1...5 with at most 5 words and Kraft sum <= 1 (checked exactly in
    // integers, Σ 2^(5-l) <= 32): the greedy code exists, has the lengths, and is prefix-free.
    var checked = 0
    func visit(_ lengths: [Int]) throws {
        if !lengths.isEmpty {
            let units = lengths.reduce(0) { $0 + (1 << (5 - $1)) }
            if units <= 32 {
                let words = try kraftCode(lengths: lengths)
                #expect(words.map(\.count) == lengths)
                #expect(try isPrefixFree(words))
                checked += 1
            } else {
                #expect(throws: CodingError.self) { try kraftCode(lengths: lengths) }
            }
        }
        if lengths.count < 5 { for l in 1...5 { try visit(lengths + [l]) } }
    }
    try visit([])
    #expect(checked > 500)
}
