import Foundation

/// The Kraft sum Σᵢ D^−lᵢ of codeword lengths (a prefix code with these lengths exists iff it is ≤ 1).
///
/// Exact whenever the true sum is representable as a Double: binary sums are formed by carrying
/// counts of equal lengths into binary digits and adding those from the smallest up, so
/// `[1, 1, 2]` gives exactly 1.25; D-ary sums use one correctly rounded integer division
/// Σ D^(L−lᵢ) / D^L when both fit in 2^53 (`[1, 1, 2]`, D = 3 → 7/9), else a float sum of the
/// terms from the smallest up. Lengths may be 0 (the term is 1) but not negative.
/// - Throws: `CodingError` for an empty list, a negative length, or D outside 2…36.
public func kraftSum(lengths: [Int], D: Int = 2) throws(CodingError) -> Double {
    try CodeAlphabet.validate(size: D)
    guard !lengths.isEmpty else { throw .empty(what: "the list of lengths") }
    for (index, length) in lengths.enumerated() where length < 0 {
        throw .invalidLength(index: index, length: length, reason: "a codeword length must be >= 0")
    }
    let groups = lengthCounts(lengths)  // (length, count), longest first
    if D == 2 { return binaryKraftSum(groups) }
    if let exact = integerKraftSum(groups, d: D) { return exact }
    var sum = 0.0
    for (length, count) in groups { sum += Double(count) * pow(Double(D), -Double(length)) }
    return sum
}

/// Codewords with the given lengths, built by the greedy construction of the seed: visit the
/// lengths in increasing order (ties by position), give each the D-ary numeral of a counter
/// `available` written with l digits, add 1, and multiply by D^(l′−l) when the next length l′ is
/// longer. Word i has length `lengths[i]`, and the words come back in the original order, so
/// `[1, 2, 3, 3]` → `["0", "10", "110", "111"]` and `[3, 1, 2, 3]` → `["110", "0", "10", "111"]`.
/// The counter is a digit array, so no length overflows it.
/// - Throws: `CodingError` when the Kraft sum exceeds 1 (the message shows the sum), for an empty
///   list, a length below 1 (codewords cannot be empty) or above `maxCodewordLength`, more than
///   `maxOutputDigits` digits in all, or D outside 2…36.
public func kraftCode(lengths: [Int], D: Int = 2) throws(CodingError) -> [String] {
    try CodeAlphabet.validate(size: D)
    guard !lengths.isEmpty else { throw .empty(what: "the list of lengths") }
    var total = 0
    for (index, length) in lengths.enumerated() {
        if length < 1 {
            throw .invalidLength(index: index, length: length, reason: "a codeword needs at least one digit")
        }
        if length > maxCodewordLength {
            throw .invalidLength(index: index, length: length,
                                 reason: "codewords longer than \(maxCodewordLength) digits are not supported")
        }
        total += length  // each length ≤ 1024 and there are fewer than 2^53 of them: no overflow
    }
    guard total <= maxOutputDigits else { throw .outputTooLong(digits: total, limit: maxOutputDigits) }
    guard let words = greedyCodewords(lengths: lengths, d: D) else {
        throw .kraftSumExceedsOne(sum: try kraftSum(lengths: lengths, D: D))
    }
    return words.map { CodeAlphabet.string(of: $0) }
}

/// The seed's greedy construction on validated lengths (each 1…maxCodewordLength), as digit
/// arrays in the original order; nil when the counter runs out, i.e. when Σ D^−l > 1.
func greedyCodewords(lengths: [Int], d: Int) -> [[UInt8]]? {
    let order = lengths.indices.sorted { (lengths[$0], $0) < (lengths[$1], $1) }
    var words = [[UInt8]](repeating: [], count: lengths.count)
    var counter: [UInt8] = []  // the numeral of `available`, most significant digit first
    var exhausted = false      // `available` reached D^length: no word of this length or longer is left
    let top = UInt8(d - 1)
    for index in order {
        if exhausted { return nil }
        let length = lengths[index]
        if counter.count < length {
            counter.append(contentsOf: repeatElement(0, count: length - counter.count))
        }
        words[index] = counter
        var position = counter.count - 1
        while position >= 0, counter[position] == top {
            counter[position] = 0
            position -= 1
        }
        if position < 0 { exhausted = true } else { counter[position] += 1 }
    }
    return words
}

/// (length, count) pairs, longest length first.
private func lengthCounts(_ lengths: [Int]) -> [(length: Int, count: Int)] {
    var groups: [(length: Int, count: Int)] = []
    for length in lengths.sorted(by: >) {
        if let last = groups.last, last.length == length {
            groups[groups.count - 1].count += 1
        } else {
            groups.append((length, 1))
        }
    }
    return groups
}

/// Σ count·2^−length exactly: carry the counts into binary digits from the longest length up and
/// add each digit's value from the smallest up, so every partial sum is exact when the total is.
private func binaryKraftSum(_ groups: [(length: Int, count: Int)]) -> Double {
    var sum = 0.0
    var carry = 0  // in units of 2^−level
    var next = 0   // next group to add
    var level = groups[0].length
    while true {
        if next < groups.count, groups[next].length == level {
            carry += groups[next].count
            next += 1
        }
        if level == 0 { return sum + Double(carry) }
        if carry & 1 == 1 { sum += Double(sign: .plus, exponent: -level, significand: 1) }
        carry >>= 1
        if carry == 0 {
            guard next < groups.count else { return sum }
            level = groups[next].length
        } else {
            level -= 1
        }
    }
}

/// Σ count·D^(L−length) / D^L as one correctly rounded division, when numerator and denominator
/// are integers below 2^53 (so both are exact Doubles); nil otherwise.
private func integerKraftSum(_ groups: [(length: Int, count: Int)], d: Int) -> Double? {
    let limit = 1 << 53
    let longest = groups[0].length
    var denominator = 1
    for _ in 0..<longest {
        let (product, overflow) = denominator.multipliedReportingOverflow(by: d)
        guard !overflow, product <= limit else { return nil }
        denominator = product
    }
    var numerator = 0
    for (length, count) in groups {
        var weight = 1
        for _ in 0..<(longest - length) { weight *= d }  // ≤ denominator, cannot overflow
        let (term, productOverflow) = weight.multipliedReportingOverflow(by: count)
        let (total, sumOverflow) = numerator.addingReportingOverflow(term)
        guard !productOverflow, !sumOverflow, total <= limit else { return nil }
        numerator = total
    }
    return Double(numerator) / Double(denominator)
}
