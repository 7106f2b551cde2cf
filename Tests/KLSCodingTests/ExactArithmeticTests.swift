import BigInt
import Testing
@testable import KLSCoding

// References: python3 fractions.Fraction, the model of ExactArithmeticModel — each pᵢ is
// Fraction(pᵢ) (the exact value of its double) divided by S = Σ Fraction(pᵢ); F(s) = Σₖ c(sₖ)·Πⱼ₍ⱼ₋ₖ₎ p(sⱼ),
// P(s) = Πₖ p(sₖ); w = the shortest bit string with F(s) ≤ 0.w and 0.w + 2^−|w| ≤ F(s) + P(s):
//     def shortest(low, w):
//         k = 0
//         while True:
//             m = math.ceil(low * 2**k)
//             if Fraction(m + 1, 2**k) <= low + w: return format(m, '0%db' % k) if k else ''
//             k += 1
// (messages drawn with random.seed(7), random.choices(range(len(p)), weights=p)).

/// The outside tester's message: P = (6, 5, 5, 7, 5)/28 (exact sum of the doubles: 1), 25 symbols.
/// Fraction: −log2 P(s) = 56.633407642394005, F(s) ≈ 0.52678621337809627037,
/// F(s) + P(s) ≈ 0.52678621337809627931 (correctly rounded to 20 places); the 63-bit coder's
/// codeword lay 0.39 widths below F(s).
private let tester = (p: [6.0 / 28, 5.0 / 28, 5.0 / 28, 7.0 / 28, 5.0 / 28],
                      s: [2, 3, 3, 3, 0, 0, 0, 0, 0, 2, 0, 0, 1, 4, 1, 2, 3, 3, 2, 3, 1, 3, 0, 1, 4],
                      w: "1000011011011011011101100001011001110001010011100100111110")

/// Messages whose doubles sum to 1 + 2.8e-17, 1 − 5.6e-17, 1 + 5.6e-17 and 1 − 2.8e-17 (normalised
/// exactly by the model), with their Fraction codewords (84, 81, 101, 63 bits; ⌈−log2 P(s)⌉ = 84,
/// 80, 100, 62).
private let normalised: [(p: [Double], s: [Int], w: String)] = [
    ([0.1, 0.2, 0.3, 0.4],
     [2, 1, 3, 0, 2, 2, 0, 2, 0, 2, 0, 0, 2, 3, 1, 1, 3, 3, 2, 2, 3, 0, 3, 1, 1, 1, 2, 3, 1, 2, 3, 2, 2, 0, 0, 1, 3, 2, 2, 2],
     "010111011110111111110100100001100011100000100001000101101010000100010111100001111100"),
    ([1.0 / 3, 1.0 / 3, 1.0 / 3],
     [1, 0, 2, 2, 0, 1, 1, 2, 2, 0, 2, 0, 1, 2, 0, 1, 0, 2, 2, 1, 2, 0, 2, 1, 1, 1, 2, 2, 1, 1, 0, 2, 1, 2, 2, 0, 1, 2, 0, 1,
      0, 0, 0, 2, 0, 0, 1, 2, 0, 1],
     "011011110011000101010110000110111000101000100001111110011011011000100011011111111"),
    ([Double](repeating: 0.1, count: 10),
     [5, 8, 8, 8, 2, 4, 3, 8, 9, 1, 1, 2, 2, 4, 5, 2, 0, 4, 3, 5, 9, 6, 5, 6, 6, 0, 8, 7, 8, 7],
     "10010110101111010011000111110110010100110000001101110111000111000001010000110111110000000101101010110"),
    ([0.7, 0.2, 0.1],
     [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 0, 2,
      1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 2, 1, 1, 1, 1, 0, 0, 0, 0],
     "000000001110000001000000010110110110011100010101000100010111100"),
]

@Test func testerMessageIsCodedInsideItsExactInterval() throws {
    let w = try arithEncode(probabilities: tester.p, message: tester.s)
    #expect(w == tester.w)
    #expect(try arithDecode(probabilities: tester.p, bits: w, count: tester.s.count) == tester.s)
    let summary = ArithmeticSummary(probabilities: tester.p, message: tester.s)
    #expect(abs(summary.information - 56.633407642394005) < 1e-12)
    #expect(summary.intervalText == "[0.52678621337809627037, 0.52678621337809627931)")
    #expect(summary.note(length: w.count).hasPrefix("58 bits; −log2 P(s) = 56.6334 bits; message interval [0.5267"))
}

@Test func normalisedModelsMatchFractionReference() throws {
    for (p, s, expected) in normalised {
        let w = try arithEncode(probabilities: p, message: s)
        #expect(w == expected, "\(p)")
        #expect(try arithDecode(probabilities: p, bits: w, count: s.count) == s)
        #expect(try arithDecode(probabilities: p, bits: w + "1011", count: s.count) == s)  // bits past w are ignored
    }
}

/// Random messages of 25–400 symbols under non-dyadic models: the codeword's dyadic interval lies
/// inside the exact interval, no shorter one does (checked here in exact integers from the definition,
/// independently of the coder's search), len(w) ≤ ⌈−log2 P(s)⌉ + 1, and decoding round-trips.
@Test func randomLongMessagesAreShortestInsideTheExactInterval() throws {
    var state: UInt64 = 20261207
    func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }
    let models: [[Double]] = [[6.0 / 28, 5.0 / 28, 5.0 / 28, 7.0 / 28, 5.0 / 28], [0.4, 0.3, 0.2, 0.1], [0.05, 0.9, 0.05]]
    for trial in 0..<30 {
        let p = models[trial % models.count]
        let s = (0..<(25 + next(375))).map { _ in next(p.count) }
        let w = try arithEncode(probabilities: p, message: s)
        let model = ExactArithmeticModel(probabilities: p)
        let interval = try model.interval(of: s)
        let (low, high, d) = (interval.low, interval.low + interval.width, interval.denominator)
        let m = BigUInt(w, radix: 2) ?? 0
        #expect(low << w.count <= m * d && (m + 1) * d <= high << w.count, "inside, trial \(trial)")
        if w.count > 0 {  // no dyadic interval of w.count − 1 bits fits
            let k = w.count - 1
            let (q, r) = (low << k).quotientAndRemainder(dividingBy: d)
            let start = r.isZero ? q : q + 1
            #expect((start + 1) * d > high << k, "shortest, trial \(trial)")
        }
        #expect(w.count <= interval.ceilingInformation + 1)
        #expect(try arithDecode(probabilities: p, bits: w, count: s.count) == s)
    }
}

@Test func exactValuesAreCorrectlyRounded() {
    // 1/3 and 2/3 of the model (1/3 as a double, three times, normalised): exactly 1/3, 2/3.
    let third = ExactArithmeticModel(probabilities: [1.0 / 3, 1.0 / 3, 1.0 / 3])
    #expect(ExactInterval.double(third.cumulative[1], over: third.total) == 1.0 / 3)
    #expect(ExactInterval.double(third.cumulative[2], over: third.total) == 2.0 / 3)
    #expect(ExactIntervalText.decimal(1, 3, places: 5) == "0.33333")
    #expect(ExactIntervalText.decimal(2, 3, places: 5) == "0.66667")
    #expect(ExactIntervalText.decimal(1, 8, places: 2) == "0.13")  // half up
    #expect(ExactIntervalText.fraction(6, 16) == "3/8")
}

@Test func longMessagesFallBackToTheCoderAndSaySo() throws {
    // 5,000 symbols of a 56-bit model (T = 2^55: the pᵢ are multiples of 2^-55) exceed 2^15 bits:
    // the limit is ⌊32768 / 56⌋ = 585 symbols.
    let model = ExactArithmeticModel(probabilities: tester.p)
    #expect(model.exactLimit == 585)
    let s = (0..<5000).map { ($0 * 7 + $0 / 3) % 5 }
    let w = try arithEncode(probabilities: tester.p, message: s)
    #expect(try arithDecode(probabilities: tester.p, bits: w, count: s.count) == s)
    let text = try explainArithmeticCode(probabilities: tester.p, message: s, symbols: nil)
    #expect(text.contains("inside the 63-bit coder's interval (messages past 585 symbols"))
    #expect(!text.contains("⊂ of"))
}

@Test func explainShowsTheExactIntervalOfALongMessage() throws {
    let text = try explainArithmeticCode(probabilities: tester.p, message: tester.s, symbols: nil)
    let lines = text.split(separator: "\n").map(String.init)
    // The last step: the exact interval (Fraction, 20 places) — never a collapsed one.
    #expect(lines.contains { $0.hasPrefix("25") && $0.contains("[0.52678621337809627037, 0.52678621337809627931)") })
    #expect(lines[lines.count - 2] == "−log2 P(s) = 56.633407642394005 bits; ⌈−log2 P(s)⌉ = 57 ≤ len(w) ≤ 58")
    // 0.w = 0.52678621337809627273…, 0.w + 2^-58 = 0.5267862133780962762 (20 places, Fraction).
    #expect(lines[lines.count - 1] == "codeword \(tester.w) (58 bits) names [0.52678621337809627273, "
        + "0.5267862133780962762) ⊂ [0.52678621337809627037, 0.52678621337809627931)")
}
