import KLSBase

/// Binary arithmetic coding with 63-bit integer arithmetic: `arithEncode`'s coder for messages too
/// long for `ExactArithmeticModel` (whose codeword lies in the exact message interval). This one
/// runs in linear time at any length; its codeword lies in the coder's own final interval, which
/// approximates [F(s), F(s) + P(s)) as described below.
///
/// Model: each probability pᵢ is quantised to an integer frequency fᵢ = round(pᵢ·2^60) out of a
/// total T = 2^60 (any pᵢ > 0 gets fᵢ ≥ 1; the rounding remainder goes to the most probable
/// symbol), with cumulative counts cᵢ = f₀ + … + fᵢ₋₁.
///
/// Coder: the Witten–Neal–Cleary scheme on 63-bit integers. The interval [low, high] starts as
/// [0, 2^63 − 1]; symbol s with range r = high − low + 1 narrows it to
/// [low + ⌊r·cₛ/T⌋, low + ⌊r·cₛ₊₁/T⌋ − 1], computed exactly with a 128-bit product
/// (`multipliedFullWidth`). Renormalisation emits the settled top bit (with any pending opposite
/// bits) or, when the interval straddles the middle inside the middle half, counts a pending
/// bit (E3); afterwards r > 2^61 > T, so every symbol with fᵢ ≥ 1 keeps a non-empty interval.
/// Flush: the code ends with the shortest bit string w whose dyadic interval [0.w, 0.w + 2^−|w|)
/// lies inside the final interval, so every continuation of w decodes to the same message and
/// the codewords of all messages of one length form a prefix code (Cover & Thomas §5.9, 13.3).
///
/// Length: a dyadic interval of 2^−(⌈−log₂ W⌉ + 1) fits in any interval of width W, and no
/// shorter one than 2^−⌈−log₂ W⌉ does, so ⌈−log₂ W⌉ ≤ |w| ≤ ⌈−log₂ W⌉ + 1 for the coder's final
/// width W. W is P(s) exactly when every pᵢ is a multiple of 2^−60 (dyadic models); otherwise the
/// quantisation of each pᵢ and the ⌊·⌋ of each narrowing step change it by a relative 2^−60/pᵢ
/// or so per symbol, which can move ⌈−log₂ W⌉ one past ⌈−log₂ P(s)⌉ when −log₂ P(s) lies just
/// below a whole number: the one place finite precision costs a bit, so
/// ⌈−log₂ P(s)⌉ ≤ |w| ≤ ⌈−log₂ P(s)⌉ + 2.
public struct ArithmeticCoder: Sendable {
    /// The probabilities the coder was built from.
    public let probabilities: [Double]
    /// c₀ = 0, …, c_n = T: symbol s owns [cₛ, cₛ₊₁) of the total T = 2^60.
    let cumulative: [UInt64]

    /// log₂ T: the quantisation total is 2^60.
    static let frequencyBits: UInt64 = 60
    /// The bits of the coding interval.
    static let precision = 63
    static let top: UInt64 = (1 << 63) - 1
    static let half: UInt64 = 1 << 62
    static let quarter: UInt64 = 1 << 61

    /// A coder for symbols 0..<probabilities.count.
    /// - Throws: `CodingError` for an empty vector, a negative or non-finite probability, or a
    ///   sum other than 1 (within 1e-9).
    public init(probabilities: [Double]) throws(CodingError) {
        try validateProbabilities(probabilities)
        let total: UInt64 = 1 << Self.frequencyBits
        let scale = Double(total)
        var frequencies = probabilities.map { p -> UInt64 in
            p > 0 ? max(1, UInt64((p * scale).rounded())) : 0
        }
        var largest = 0
        for index in frequencies.indices where frequencies[index] > frequencies[largest] { largest = index }
        var sum: UInt64 = 0
        for f in frequencies { sum &+= f }
        // Σpᵢ is within 1e-9 of 1, so the remainder is tiny next to the largest frequency (≥ T/n).
        let adjusted = Int64(bitPattern: frequencies[largest]) + (Int64(bitPattern: total) - Int64(bitPattern: sum))
        guard adjusted >= 1 else { throw .probabilitiesDoNotSumToOne(sum: Double(sum) / scale) }
        frequencies[largest] = UInt64(adjusted)
        var cumulative = [UInt64](repeating: 0, count: probabilities.count + 1)
        for index in frequencies.indices { cumulative[index + 1] = cumulative[index] + frequencies[index] }
        self.probabilities = probabilities
        self.cumulative = cumulative
    }

    /// The bits of `message` (symbol indices).
    /// - Throws: `CodingError` naming the first position holding a symbol outside 0..<n or a
    ///   symbol of probability 0.
    public func encode(_ message: [Int]) throws(CodingError) -> BitString {
        try message.withUnsafeBufferPointer { (buffer) throws(CodingError) -> BitString in try encodeSymbols(buffer) }
    }

    /// The bits of a byte message, each byte a symbol index (for compressing text or data with a
    /// model of up to 256 symbols).
    /// - Throws: as `encode(_:)`.
    public func encode(bytes message: [UInt8]) throws(CodingError) -> BitString {
        try message.withUnsafeBufferPointer { (buffer) throws(CodingError) -> BitString in try encodeSymbols(buffer) }
    }

    /// The encoder loop over any buffer of integer symbols.
    private func encodeSymbols<Symbol: BinaryInteger>(_ message: UnsafeBufferPointer<Symbol>) throws(CodingError) -> BitString {
        var bits = BitString()
        var low: UInt64 = 0
        var high: UInt64 = Self.top
        var pending = 0
        let symbolCount = cumulative.count - 1
        try cumulative.withUnsafeBufferPointer { (cum) throws(CodingError) in
            for position in 0..<message.count {
                let symbol = Int(message[position])
                guard symbol >= 0, symbol < symbolCount else {
                    throw .symbolOutOfRange(position: position, symbol: symbol, count: symbolCount)
                }
                let lowCount = cum[symbol]
                let highCount = cum[symbol + 1]
                guard highCount > lowCount else { throw .zeroProbabilitySymbol(position: position, symbol: symbol) }
                let range = high - low + 1
                high = low + Self.scaled(range, highCount) - 1
                low = low + Self.scaled(range, lowCount)
                Self.renormalize(low: &low, high: &high, pending: &pending, bits: &bits)
            }
        }
        Self.flush(low: low, high: high, pending: pending, bits: &bits)
        return bits
    }

    /// Ends the code with the shortest bit string m (k bits) whose dyadic interval
    /// [m·2^(63−k), (m+1)·2^(63−k)) lies inside [low, high]: written as its first bit, the
    /// `pending` opposite bits, then the rest (the E3 steps undone). When bits are pending the
    /// interval is strictly inside the one they stand for, so k ≥ 1. The interval is wider than
    /// a quarter after renormalisation, so k ≤ 2.
    static func flush(low: UInt64, high: UInt64, pending: Int, bits: inout BitString) {
        if pending == 0, low == 0, high == top { return }
        for k in 1...precision {
            let shift = UInt64(precision - k)
            let size: UInt64 = 1 << shift
            let m = (low + size - 1) >> shift
            guard m << shift + (size - 1) <= high else { continue }
            bits.append(m >> UInt64(k - 1))
            if pending > 0 { bits.append(m >> UInt64(k - 1) ^ 1, repeating: pending) }
            if k > 1 { bits.append(topBits: m << UInt64(65 - k), length: k - 1) }
            return
        }
    }

    /// Shifts settled bits out of [low, high] until it straddles the middle widely enough
    /// (high − low + 1 > 2^61), a run of equal bits at a time instead of one bit per step:
    /// - the `settled` top bits that low and high share are final: the first is written with the
    ///   `pending` opposite bits after it, then the rest, and the interval is scaled up past them;
    /// - then, while low = 01… and high = 10… (the interval lies in the middle half), each step
    ///   doubles the interval about the middle and defers one bit (E3): `pending` counts them.
    @inline(__always)
    static func renormalize(low: inout UInt64, high: inout UInt64, pending: inout Int, bits: inout BitString) {
        // low < high always (every step leaves an interval at least 2 wide), so settled ≤ 62.
        let settled = (low ^ high).leadingZeroBitCount - 1
        if settled > 0 {
            let first = low >> 62
            bits.append(first)
            if pending > 0 {
                bits.append(first ^ 1, repeating: pending)
                pending = 0
            }
            if settled > 1 { bits.append(topBits: low << 2, length: settled - 1) }
            low = low << UInt64(settled) & top
            high = (high << UInt64(settled) | (1 << UInt64(settled) - 1)) & top
        }
        let straddle = straddleRun(low: low, high: high)
        if straddle > 0 {
            pending += straddle
            low = low << UInt64(straddle) & (half - 1)
            high = (high << UInt64(straddle) | (1 << UInt64(straddle) - 1)) & (half - 1) | half
        }
    }

    /// How many E3 steps apply to an interval with low < 2^62 ≤ high: the length of the run of
    /// bit positions from bit 61 down where low has a 1 and high a 0 (0 unless low = 01…, high = 10…).
    @inline(__always)
    static func straddleRun(low: UInt64, high: UInt64) -> Int {
        let onesOfLow = (~(low << 2)).leadingZeroBitCount
        let zerosOfHigh = (high << 2 | 3).leadingZeroBitCount
        return min(onesOfLow, zerosOfHigh)
    }

    /// ⌊r·c / T⌋ with a 128-bit product (r ≤ 2^63, c ≤ 2^60, so the result is below 2^63).
    @inline(__always)
    static func scaled(_ range: UInt64, _ count: UInt64) -> UInt64 {
        let product = range.multipliedFullWidth(by: count)
        return product.high << (64 - frequencyBits) | product.low >> frequencyBits
    }

    /// The `count` symbols whose encoding begins with `bits` (read as if followed by zeros).
    /// Bits beyond those the symbols need are ignored.
    /// - Throws: `CodingError.invalidCount` for a negative count, `.countTooLarge` above
    ///   `maxDecodedSymbols`.
    public func decode(_ bits: BitString, count: Int) throws(CodingError) -> [Int] {
        guard count >= 0 else { throw .invalidCount(count) }
        guard count <= maxDecodedSymbols else { throw .countTooLarge(count, limit: maxDecodedSymbols) }
        var result = [Int](repeating: 0, count: count)
        var low: UInt64 = 0
        var high: UInt64 = Self.top
        var value = bits.bits(from: 0, length: Self.precision)
        var nextBit = Self.precision
        let symbolCount = cumulative.count - 1
        cumulative.withUnsafeBufferPointer { cum in
            for position in 0..<count {
                if position & 0xFFFF == 0, Cancellation.isRequested { break }  // Ctrl-C: the caller discards it
                let range = high - low + 1
                // target = ⌊((value − low + 1)·T − 1) / r⌋: the largest c with ⌊r·c/T⌋ ≤ value − low.
                let offset = value - low + 1
                var dividend = (high: offset >> (64 - Self.frequencyBits), low: offset << Self.frequencyBits)
                if dividend.low == 0 { dividend.high -= 1 }
                dividend.low &-= 1
                let target = range.dividingFullWidth(dividend).quotient
                // The symbol s with cₛ ≤ target < cₛ₊₁ (zero-width symbols are never chosen).
                var lower = 0
                var upper = symbolCount
                while upper - lower > 1 {
                    let middle = (lower + upper) / 2
                    if cum[middle] <= target { lower = middle } else { upper = middle }
                }
                result[position] = lower
                high = low + Self.scaled(range, cum[lower + 1]) - 1
                low = low + Self.scaled(range, cum[lower])
                // Same steps as `renormalize`, shifting the next input bits into `value`.
                let settled = (low ^ high).leadingZeroBitCount - 1
                if settled > 0 {
                    low = low << UInt64(settled) & Self.top
                    high = (high << UInt64(settled) | (1 << UInt64(settled) - 1)) & Self.top
                    value = value << UInt64(settled) & Self.top | bits.bits(from: nextBit, length: settled)
                    nextBit += settled
                }
                let straddle = Self.straddleRun(low: low, high: high)
                if straddle > 0 {
                    low = low << UInt64(straddle) & (Self.half - 1)
                    high = (high << UInt64(straddle) | (1 << UInt64(straddle) - 1)) & (Self.half - 1) | Self.half
                    value = value & Self.half | value << UInt64(straddle) & (Self.half - 1)
                        | bits.bits(from: nextBit, length: straddle)
                    nextBit += straddle
                }
            }
        }
        return result
    }
}

/// Arithmetic-codes `message` (symbol indices) under `probabilities`, as a "0"/"1" string,
/// prefix-free among messages of its length. Messages within `ExactArithmeticModel.isExact` (any
/// message a lecture types: thousands of symbols) get the shortest bit string w whose dyadic
/// interval [0.w, 0.w + 2^−|w|) lies inside the exact interval [F(s), F(s) + P(s)), so
/// ⌈−log₂ P(s)⌉ ≤ |w| ≤ ⌈−log₂ P(s)⌉ + 1; longer ones are coded by the 63-bit `ArithmeticCoder`,
/// whose w lies inside the coder's own interval (⌈−log₂ P(s)⌉ ≤ |w| ≤ ⌈−log₂ P(s)⌉ + 2 unless tiny
/// probabilities recur).
/// - Throws: `CodingError` for invalid probabilities, an empty message (it has nothing to code:
///   its codeword would be the empty string, a prefix of every other), or naming the first
///   position holding a symbol out of range or of probability 0.
public func arithEncode(probabilities: [Double], message: [Int]) throws(CodingError) -> String {
    try validateProbabilities(probabilities)
    guard !message.isEmpty else { throw .empty(what: "the message") }
    let model = ExactArithmeticModel(probabilities: probabilities)
    if model.isExact(count: message.count) { return try model.interval(of: message).shortestCodeword() }
    return try ArithmeticCoder(probabilities: probabilities).encode(message).description
}

/// Decodes `count` symbols from a "0"/"1" string made by `arithEncode` with the same probabilities
/// (exactly when messages of `count` symbols are coded exactly, else with the 63-bit coder).
/// - Throws: `CodingError` for invalid probabilities, a character other than 0/1 (with its
///   position), or a count below 0 or above `maxDecodedSymbols`.
public func arithDecode(probabilities: [Double], bits: String, count: Int) throws(CodingError) -> [Int] {
    try validateProbabilities(probabilities)
    let bitString = try BitString(bits)
    guard count >= 0 else { throw .invalidCount(count) }
    let model = ExactArithmeticModel(probabilities: probabilities)
    if model.isExact(count: count) { return model.decode(bitString, count: count) }
    return try ArithmeticCoder(probabilities: probabilities).decode(bitString, count: count)
}
