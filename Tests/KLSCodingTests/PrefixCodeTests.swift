import Testing
@testable import KLSCoding

@Test func encodeAndDecodeRoundTrip() throws {
    let code = try huffman(probabilities: [0.5, 0.25, 0.25])
    let bits = try code.encode([0, 1, 2, 0])
    #expect(bits == "010110")                       // 0·10·11·0, 1 + 2 + 2 + 1 bits
    #expect(try code.decode(bits) == [0, 1, 2, 0])
    #expect(try code.decode("") == [])
    let named = try huffman(probabilities: [0.5, 0.25, 0.25], symbols: ["A", "B", "C"])
    #expect(try named.encode(symbols: ["C", "A", "B"]) == "11010")
    #expect(try named.decodeSymbols("11010") == ["C", "A", "B"])
    // Default names "0", "1", … are looked up by value, in canonical spelling only.
    #expect(try code.encode(symbols: ["2", "0"]) == "110")
    #expect(throws: CodingError.unknownSymbol(position: 0, symbol: "01")) { try code.encode(symbols: ["01"]) }
    #expect(throws: CodingError.unknownSymbol(position: 1, symbol: "3")) { try code.encode(symbols: ["0", "3"]) }
    #expect(code.symbols == ["0", "1", "2"])
    #expect(try code.decodeSymbols("110") == ["2", "0"])
}

@Test func dAryEncodeDecode() throws {
    let code = try huffman(probabilities: [0.4, 0.3, 0.2, 0.1], D: 3)  // 0, 1, 20, 21
    let digits = try code.encode([3, 0, 2, 1])
    #expect(digits == "210201")
    #expect(try code.decode(digits) == [3, 0, 2, 1])
    // The dummy leaf leaves "22" unused: decoding it names the position.
    #expect(throws: CodingError.noCodewordMatches(position: 1, bits: "22")) { try code.decode("022") }
    #expect(throws: CodingError.invalidDigit(word: nil, position: 1, character: "3", alphabetSize: 3)) {
        try code.decode("03")
    }
}

@Test func decodeErrorsNameThePosition() throws {
    let code = try huffman(probabilities: [0.5, 0.25, 0.25])
    #expect(throws: CodingError.incompleteCodeword(position: 3, bits: "1")) { try code.decode("0101") }
    #expect(CodingError.incompleteCodeword(position: 3, bits: "1").description
        == "the trailing bits \"1\" from bit position 3 are an incomplete codeword")
    #expect(throws: CodingError.invalidDigit(word: nil, position: 2, character: "x", alphabetSize: 2)) {
        try code.decode("01x0")
    }
    #expect(throws: CodingError.invalidDigit(word: nil, position: 1, character: "é", alphabetSize: 2)) {
        try code.decode("0é")
    }
    #expect(CodingError.invalidDigit(word: nil, position: 2, character: "x", alphabetSize: 2).description
        == "bit position 2: 'x' is not a code digit; only 0 and 1 are allowed")
    // An incomplete binary code: "11" begins no codeword of {0, 10}.
    let partial = try PrefixCode(probabilities: [0.5, 0.5], codewords: ["0", "10"])
    #expect(throws: CodingError.noCodewordMatches(position: 1, bits: "11")) { try partial.decode("0110") }
}

@Test func encodeErrorsNameThePosition() throws {
    let code = try huffman(probabilities: [0.5, 0.25, 0.25], symbols: ["A", "B", "C"])
    #expect(throws: CodingError.symbolOutOfRange(position: 2, symbol: 3, count: 3)) { try code.encode([0, 1, 3]) }
    #expect(throws: CodingError.symbolOutOfRange(position: 0, symbol: -1, count: 3)) { try code.encode([-1]) }
    #expect(throws: CodingError.unknownSymbol(position: 1, symbol: "D")) { try code.encode(symbols: ["A", "D"]) }
}

@Test func explicitCodewordsAreValidated() throws {
    let code = try PrefixCode(symbols: ["a", "b", "c", "d", "e"], probabilities: [0.5, 0.25, 0.125, 0.0625, 0.0625],
                              codewords: ["0", "10", "110", "1110", "1111"])
    #expect(code.averageLength == 1.875)
    #expect(code.efficiency == 1)
    // {0, 10, 011} is not prefix-free but uniquely decodable (Sardinas–Patterson: S1 = {11},
    // S2 = ∅): accepted, and decoded by parsing the whole string.
    let ud = try PrefixCode(probabilities: [0.5, 0.25, 0.25], codewords: ["0", "10", "011"])
    #expect(!ud.isPrefixFree)
    #expect(try ud.decode("0110100") == [2, 0, 1, 0])
    #expect(try ud.decode(ud.encode([2, 0, 1, 2, 2, 0])) == [2, 0, 1, 2, 2, 0])
    #expect(throws: CodingError.incompleteCodeword(position: 4, bits: "1")) { try ud.decode("01101") }
    // {0, 01, 10} is not: "010" = 0·10 = 01·0.
    #expect(throws: CodingError.notUniquelyDecodable(try #require(sardinasPatterson(["0", "01", "10"]).witness))) {
        try PrefixCode(probabilities: [0.5, 0.25, 0.25], codewords: ["0", "01", "10"])
    }
    #expect(throws: CodingError.duplicate(what: "codewords", first: 0, second: 1, value: "0")) {
        try PrefixCode(probabilities: [0.5, 0.5], codewords: ["0", "0"])
    }
    #expect(throws: CodingError.emptyWord(index: 1)) { try PrefixCode(probabilities: [0.5, 0.5], codewords: ["0", ""]) }
    #expect(throws: CodingError.empty(what: "the list of codewords")) { try PrefixCode(probabilities: [], codewords: []) }
    #expect(throws: CodingError.countMismatch(what: "one probability per codeword", expected: 2, got: 1)) {
        try PrefixCode(probabilities: [1], codewords: ["0", "1"])
    }
}

@Test func longMessagesRoundTrip() throws {
    let code = try huffman(probabilities: [0.4, 0.3, 0.2, 0.1])
    var state: UInt64 = 12345
    let message = (0..<200_000).map { _ -> Int in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int(state >> 62)
    }
    let bits = try code.encode(message)
    let expectedBits = message.reduce(0) { $0 + code.lengths[$1] }
    #expect(bits.utf8.count == expectedBits)
    #expect(try code.decode(bits) == message)
}

@Test func tableRendersTheSeedsColumns() throws {
    let code = try huffman(probabilities: [0.5, 0.25, 0.25], symbols: ["A", "B", "C"])
    #expect(code.table() == """
        symbol  probability  codeword  length  -log2 p
        A       0.5          0         1       1.0000
        B       0.25         10        2       2.0000
        C       0.25         11        2       2.0000
        average length 1.5 bits, entropy 1.5 bits, efficiency 1
        """)
    // -log2 p to 4 decimals: Python f"{-math.log2(x):.4f}" gives 1.3219, 1.7370, 2.3219, 3.3219;
    // entropy 1.8464393446710154 and efficiency 0.9718101814057976 (ref.py) rounded to 6 places.
    let c2 = try huffman(probabilities: [0.4, 0.3, 0.2, 0.1])
    #expect(c2.table() == """
        symbol  probability  codeword  length  -log2 p
        0       0.4          0         1       1.3219
        1       0.3          10        2       1.7370
        2       0.2          110       3       2.3219
        3       0.1          111       3       3.3219
        average length 1.9 bits, entropy 1.846439 bits, efficiency 0.97181
        """)
    let ternary = try huffman(probabilities: [0.5, 0.25, 0.25], D: 3)
    #expect(ternary.table().hasSuffix(
        "average length 1 digit (D = 3), entropy 1.5 bits = 0.946395 base-3 digits, efficiency 0.946395"))
}

@Test func markdownTableHasTheSameCells() throws {
    let code = try huffman(probabilities: [0.5, 0.25, 0.25], symbols: ["A", "B", "C"])
    #expect(code.markdownTable() == """
        | symbol | probability | codeword | length | -log2 p |
        |---|---|---|---|---|
        | A | 0.5 | `0` | 1 | 1.0000 |
        | B | 0.25 | `10` | 2 | 2.0000 |
        | C | 0.25 | `11` | 2 | 2.0000 |

        average length 1.5 bits, entropy 1.5 bits, efficiency 1
        """)
}
