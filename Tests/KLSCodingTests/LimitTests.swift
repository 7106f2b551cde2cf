import Testing
@testable import KLSCoding

// Requests whose results would be enormous are refused before anything is allocated.

@Test func hugeDecodeCountsAreRefused() {
    #expect(throws: CodingError.countTooLarge(maxDecodedSymbols + 1, limit: maxDecodedSymbols)) {
        try arithDecode(probabilities: [0.5, 0.5], bits: "01", count: maxDecodedSymbols + 1)
    }
    #expect(CodingError.countTooLarge(1_000_000_000_000, limit: 100_000_000).description
        == "symbol count 1000000000000 is too large (at most 100000000 symbols are decoded at once)")
}

@Test func hugeEncodedMessagesAreRefused() throws {
    // 2^20 symbols of a 1024-digit word are exactly 2^30 digits; one more symbol is too many.
    let long = String(repeating: "1", count: 1023) + "0"
    let code = try PrefixCode(probabilities: [0.5, 0.5], codewords: ["0", long])
    let message = [Int](repeating: 1, count: 1 << 20) + [0]
    #expect(throws: CodingError.outputTooLong(digits: maxOutputDigits + 1, limit: maxOutputDigits)) {
        try code.encode(message)
    }
}

@Test func hugeKraftCodesAreRefused() {
    // 2^21 words of 1024 digits: Kraft sum 2^-1003 ≤ 1, but 2^31 digits in all.
    let lengths = [Int](repeating: maxCodewordLength, count: 1 << 21)
    #expect(throws: CodingError.outputTooLong(digits: 1 << 31, limit: maxOutputDigits)) {
        try kraftCode(lengths: lengths)
    }
}
