import BigInt
import Foundation

/// Arithmetic coding in exact rational arithmetic: the codeword of a message s is the shortest
/// bit string w whose dyadic interval [0.w, 0.w + 2^−|w|) lies inside the message's interval
/// [F(s), F(s) + P(s)), computed with arbitrary-precision integers.
///
/// Model: every pᵢ is the exact value of its double (a binary fraction), divided by the exact sum
/// of all of them (which is 1 whenever the doubles add up to 1 exactly, as dyadic models and most
/// decimal ones do; `validateProbabilities` accepts sums within 1e-9 of 1). Written over a common
/// denominator, pᵢ = aᵢ/T with whole aᵢ and T = Σaᵢ (a power of two when the doubles sum to 1), and
/// cᵢ = a₀ + … + aᵢ₋₁. After k symbols the interval is [L/Tᵏ, (L + W)/Tᵏ) with
/// L ← L·T + W·c(s), W ← W·a(s): F(s) = L/Tⁿ and P(s) = W/Tⁿ exactly.
///
/// Length: no dyadic interval longer than P(s) fits, and one of 2^−(⌈−log₂ P(s)⌉ + 1) always does,
/// so ⌈−log₂ P(s)⌉ ≤ |w| ≤ ⌈−log₂ P(s)⌉ + 1. The codewords of all messages of one length form a
/// prefix code (their intervals are disjoint).
///
/// Cost: the numbers grow by log₂T bits a symbol, so a message costs O(n²·log₂T) word operations;
/// `isExact(count:)` bounds n·log₂T by `exactArithmeticBits` and n by `maxExactSymbols`; longer
/// messages use the 63-bit
/// `ArithmeticCoder`.
struct ExactArithmeticModel {
    /// aᵢ: pᵢ = aᵢ/T.
    let frequencies: [BigUInt]
    /// c₀ = 0, …, c_n = T.
    let cumulative: [BigUInt]
    /// T = Σaᵢ.
    let total: BigUInt
    /// log₂T when T is a power of two (multiplying by T is then a shift), else nil.
    let totalShift: Int?

    /// The model of `probabilities` (already checked by `validateProbabilities`).
    init(probabilities: [Double]) {
        // pᵢ = mᵢ·2^eᵢ with whole mᵢ; over the common denominator 2^K, K = max(−eᵢ), aᵢ = mᵢ·2^(K+eᵢ).
        let parts = probabilities.map { p -> (BigUInt, Int) in
            guard p > 0 else { return (0, 0) }
            let mantissa = p.significandBitPattern | (p.isNormal ? 1 << 52 : 0)
            let exponent = (p.isNormal ? Int(p.exponentBitPattern) : 1) - 1075
            let zeros = mantissa.trailingZeroBitCount
            return (BigUInt(mantissa >> UInt64(zeros)), exponent + zeros)
        }
        let scale = parts.map { $0.0 == 0 ? 0 : -$0.1 }.max() ?? 0
        let shifted = parts.map { m, e in m << (scale + e) }
        var cumulative: [BigUInt] = [0]
        for a in shifted { cumulative.append(cumulative[cumulative.count - 1] + a) }
        frequencies = shifted
        self.cumulative = cumulative
        total = cumulative[cumulative.count - 1]
        totalShift = total & (total - 1) == 0 ? total.bitWidth - 1 : nil
    }

    /// The most bits n·⌈log₂T⌉ a message may need for exact coding (2^15: about 580 symbols when
    /// the pᵢ are general doubles such as 0.1 or 6/28).
    static let exactArithmeticBits = 1 << 15
    /// The most symbols coded exactly whatever T (2,048, e.g. for (1/2, 1/4, 1/4)): the cost of a
    /// step also grows with n, and 2,048 symbols take about 15 ms.
    static let maxExactSymbols = 2048

    /// Whether messages of `count` symbols are coded exactly (else by the 63-bit coder).
    func isExact(count: Int) -> Bool { count <= exactLimit }

    /// The longest message coded exactly: ⌊2^15 / ⌈log₂T⌉⌋ symbols, at most 2,048.
    var exactLimit: Int { min(Self.maxExactSymbols, Self.exactArithmeticBits / max(1, total.bitWidth)) }

    /// x·T.
    func timesTotal(_ x: BigUInt) -> BigUInt {
        if let shift = totalShift { return x << shift }
        return x * total
    }

    /// The message's interval [low/denominator, (low + width)/denominator), checking each symbol.
    /// - Throws: `CodingError` naming the first symbol out of range or of probability 0.
    func interval(of message: [Int]) throws(CodingError) -> ExactInterval {
        var low = BigUInt(0), width = BigUInt(1)
        for (position, symbol) in message.enumerated() {
            guard symbol >= 0, symbol < frequencies.count else {
                throw .symbolOutOfRange(position: position, symbol: symbol, count: frequencies.count)
            }
            guard !frequencies[symbol].isZero else { throw .zeroProbabilitySymbol(position: position, symbol: symbol) }
            low = timesTotal(low) + width * cumulative[symbol]
            width *= frequencies[symbol]
        }
        let denominator = totalShift.map { BigUInt(1) << ($0 * message.count) } ?? total.power(message.count)
        return ExactInterval(low: low, width: width, denominator: denominator)
    }

    /// The `count` symbols whose exact interval holds 0.`bits` (bits past the ⌈log₂Tⁿ⌉ + 2 that can
    /// matter are ignored).
    func decode(_ bits: BitString, count: Int) -> [Int] {
        // Residual form: with v = 0.bits = V/2^m and the interval [L/Tᵏ, (L + W)/Tᵏ) of the symbols
        // so far, r = (v − L/Tᵏ)·Tᵏ/W = N/E ∈ [0, 1) where N = V·Tᵏ − L·2^m and E = W·2^m. The next
        // symbol s has cₛ ≤ ⌊N·T/E⌋ < cₛ₊₁; then N ← N·T − cₛ·E and E ← E·aₛ.
        let length = min(bits.count, count * total.bitWidth + 2)
        var numerator = BigUInt(0)
        var read = 0
        while read < length {
            let chunk = min(32, length - read)
            numerator = numerator << chunk | BigUInt(bits.bits(from: read, length: chunk))
            read += chunk
        }
        var scale = BigUInt(1) << length
        var result = [Int](repeating: 0, count: count)
        for position in 0..<count {
            let target = timesTotal(numerator) / scale
            var lower = 0
            var upper = frequencies.count
            while upper - lower > 1 {
                let middle = (lower + upper) / 2
                if cumulative[middle] <= target { lower = middle } else { upper = middle }
            }
            result[position] = lower
            numerator = timesTotal(numerator) - cumulative[lower] * scale
            scale *= frequencies[lower]
        }
        return result
    }
}

/// An interval [low/denominator, (low + width)/denominator) of exact rationals (width > 0).
struct ExactInterval {
    let low: BigUInt
    let width: BigUInt
    let denominator: BigUInt

    /// The shortest bit string w with [0.w, 0.w + 2^−|w|) inside the interval: for each length k
    /// from a lower bound of ⌈−log₂(width/denominator)⌉ up, m = ⌈low·2^k/denominator⌉ works when
    /// (m + 1)·denominator ≤ (low + width)·2^k.
    func shortestCodeword() -> String {
        let high = low + width
        var k = max(0, denominator.bitWidth - width.bitWidth - 1)
        while true {
            let (quotient, remainder) = (low << k).quotientAndRemainder(dividingBy: denominator)
            let m = remainder.isZero ? quotient : quotient + 1
            if (m + 1) * denominator <= high << k {
                guard k > 0 else { return "" }
                let digits = String(m, radix: 2)
                return String(repeating: "0", count: k - digits.count) + digits
            }
            k += 1
        }
    }

    /// ⌈−log₂(width/denominator)⌉: the least k with width·2^k ≥ denominator.
    var ceilingInformation: Int {
        var k = max(0, denominator.bitWidth - width.bitWidth - 1)
        while width << k < denominator { k += 1 }
        return k
    }

    /// −log₂ of width/denominator (to about 15 significant digits): the difference of the bit
    /// widths, which is exact, plus the logarithms of the two 53-bit leading parts in [1, 2).
    var information: Double {
        Double(denominator.bitWidth - width.bitWidth) + ExactInterval.leadingLog2(denominator) - ExactInterval.leadingLog2(width)
    }

    /// log₂ of x's leading 53 bits read as a number in [1, 2): log₂x − (bitWidth − 1), to 2^−52.
    static func leadingLog2(_ x: BigUInt) -> Double {
        let drop = max(0, x.bitWidth - 53)
        return Foundation.log2(Double(UInt64(x >> drop)) / Double(sign: .plus, exponent: x.bitWidth - 1 - drop, significand: 1))
    }

    /// log₂x for x ≥ 1.
    static func log2(_ x: BigUInt) -> Double { Double(x.bitWidth - 1) + leadingLog2(x) }

    /// numerator/denominator (at most 1, above 2^−1022) rounded to the nearest double: a quotient
    /// of 63 or 64 bits with a sticky bit for any remainder, so the one rounding is Double's own.
    static func double(_ numerator: BigUInt, over denominator: BigUInt) -> Double {
        guard !numerator.isZero else { return 0 }
        let shift = 63 - (numerator.bitWidth - denominator.bitWidth)
        let (quotient, remainder) = shift >= 0
            ? (numerator << shift).quotientAndRemainder(dividingBy: denominator)
            : numerator.quotientAndRemainder(dividingBy: denominator << -shift)
        let word = UInt64(quotient) | (remainder.isZero ? 0 : 1)
        return Double(sign: .plus, exponent: -shift, significand: Double(word))
    }
}
