/// Two codewords that break the prefix condition: `words[prefix]` is a prefix of, or equal to,
/// `words[word]`.
public struct PrefixViolation: Sendable, Equatable, CustomStringConvertible {
    /// Index of the shorter word (or the first of two equal words).
    public let prefix: Int
    /// Index of the word it begins.
    public let word: Int
    /// The shorter word's text.
    public let prefixWord: String
    /// The longer word's text.
    public let longerWord: String

    /// "\"0\" (word 0) is a prefix of \"011\" (word 2)", or the duplicate form for equal words.
    public var description: String { error.description }

    /// The matching `CodingError`, for callers that must refuse a non-prefix code.
    public var error: CodingError {
        prefixWord == longerWord
            ? .duplicate(what: "codewords", first: prefix, second: word, value: prefixWord)
            : .notPrefixFree(prefix: prefix, word: word, prefixWord: prefixWord, longerWord: longerWord)
    }
}

/// Whether no codeword is a prefix of (or equal to) another, so the code is instantaneous.
/// Words are strings of the digits 0…D−1 (D = 2: "0"/"1"). O(total length) with a trie.
/// - Throws: `CodingError` for an empty list, an empty word, a character that is not a digit
///   below D, or D outside 2…36.
public func isPrefixFree(_ words: [String], D: Int = 2) throws(CodingError) -> Bool {
    try prefixViolation(words, D: D) == nil
}

/// The first pair of words, in index order of the later word, where one is a prefix of (or equal
/// to) the other; nil for a prefix code. For `["0", "10", "011"]` it reports "0" before "011".
/// - Throws: as `isPrefixFree`.
public func prefixViolation(_ words: [String], D: Int = 2) throws(CodingError) -> PrefixViolation? {
    let digits = try CodeAlphabet.codewordDigits(words, d: D)
    return firstPrefixViolation(words, digits: digits, d: D)
}

/// The first violation among already validated digit arrays.
func firstPrefixViolation(_ words: [String], digits: [[UInt8]], d: Int) -> PrefixViolation? {
    var trie = CodewordTrie(d: d)
    for (index, word) in digits.enumerated() {
        switch trie.insert(word, index: index) {
        case nil:
            continue
        case .existingIsPrefix(let existing)?:
            return PrefixViolation(prefix: existing, word: index, prefixWord: words[existing], longerWord: words[index])
        case .newIsPrefix(let existing)?:
            return PrefixViolation(prefix: index, word: existing, prefixWord: words[index], longerWord: words[existing])
        }
    }
    return nil
}
