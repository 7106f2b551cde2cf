import Testing
@testable import KLSRuntime

/// How `arith_encode`'s result shows at the prompt: the quoted bits, their count, −log₂ P(s)
/// to four decimals and the message's interval [F(s), F(s) + P(s)). Expected values from
/// Python's fractions.Fraction (interval) and math.log2 (information), written out below.
struct CodewordDisplayTests {
    func shown(_ source: String) -> String? {
        KLSTestRun(source).value.map(ValueFormatter.display)
    }

    @Test func exactFractionsForShortMessages() {
        // A, C, B, A under (1/2, 1/4, 1/4): [7/16, 29/64), width 1/64 (coding_arith_explain.kls).
        #expect(shown("arith_encode(Categorical([0.5, 0.25, 0.25], labels=[\"A\", \"B\", \"C\"]), \"ACBA\")")
            == "\"011100\"  6 bits; −log2 P(s) = 6 bits; message interval [7/16, 29/64)")
        // 0, 1, 3 under the doubles 0.4, 0.3, 0.2, 0.1 (binary fractions, not 2/5, …: the interval is
        // no simple fraction): Fraction gives [0.268, 0.28) to 4 places; −log2 P(s) = 6.380821783940931.
        #expect(shown("arith_encode([0.4, 0.3, 0.2, 0.1], [0, 1, 3])")
            == "\"01000101\"  8 bits; −log2 P(s) = 6.3808 bits; message interval [0.268, 0.28)")
        #expect(shown("arith_encode([0.5, 0.5], [1])") == "\"1\"  1 bit; −log2 P(s) = 1 bit; message interval [1/2, 1)")
    }

    @Test func decimalsAndWidthsForLongMessages() {
        // 0, 1, 3, 0 then eighteen 1s: Fraction gives [0.2707428571417945…, 0.2707428571436541…),
        // width 1.86e-12, −log2 P(s) = 38.968130573820005; shown to 14 places.
        let long = "[0, 1, 3, 0" + String(repeating: ", 1", count: 18) + "]"
        #expect(shown("arith_encode([0.4, 0.3, 0.2, 0.1], \(long))")
            == "\"0100010101001111011001110110010100001101\"  40 bits; −log2 P(s) = 38.9681 bits; "
            + "message interval [0.27074285714179, 0.27074285714365)")
        // Thirteen more 3s: width 2^-82.15319580735571; the exact ends correctly rounded to 27 places
        // (Fraction of the doubles, normalised by their exact sum).
        let longer = String(long.dropLast()) + String(repeating: ", 3", count: 13) + "]"
        #expect(shown("arith_encode([0.4, 0.3, 0.2, 0.1], \(longer))")?.hasSuffix("83 bits; −log2 P(s) = 82.1532 bits; "
            + "message interval [0.270742857143654126751467267, 0.270742857143654126751467453)") == true)
        // Past 40 places only the width is shown: 200 symbols of 0.1 (−log2 P(s) = 664.3856189774724).
        #expect(shown("arith_encode([0.4, 0.3, 0.2, 0.1], ones(200) * 3)")?.hasSuffix("message interval of width 2^-664.3856") == true)
    }

    @Test func insideListsAndPrintOnlyTheBits() {
        #expect(shown("[arith_encode([0.5, 0.5], [1, 0])]") == "[\"10\"]")
        #expect(KLSTestRun("print(arith_encode([0.5, 0.5], [1, 0]))").output == "10\n")
        #expect(shown("string(arith_encode([0.5, 0.5], [1, 0]))") == "\"10\"")
    }
}
