/// Every way a coding-theory request can be refused. `description` is the message a user sees,
/// written to name the offending value and, where there is one, its 0-based position.
public enum CodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A list that must not be empty was empty (`what` names it: "probabilities", "codewords", …).
    case empty(what: String)
    /// A probability that is negative, NaN or infinite.
    case invalidProbability(index: Int, value: Double)
    /// Probabilities whose sum differs from 1 by more than the tolerance.
    case probabilitiesDoNotSumToOne(sum: Double)
    /// A code alphabet size D outside 2…36 (the digits 0–9 and a–z).
    case invalidAlphabetSize(Int)
    /// Two lists that must match in length do not.
    case countMismatch(what: String, expected: Int, got: Int)
    /// A codeword length that is negative, zero where a word is needed, or beyond the limit.
    case invalidLength(index: Int, length: Int, reason: String)
    /// Lengths whose Kraft sum Σ D^−l exceeds 1, so no prefix code has them.
    case kraftSumExceedsOne(sum: Double)
    /// A character in a codeword or bit string that is not a digit below D.
    case invalidDigit(word: Int?, position: Int, character: Character, alphabetSize: Int)
    /// A codeword that is the empty string.
    case emptyWord(index: Int)
    /// The same codeword (or symbol name) twice.
    case duplicate(what: String, first: Int, second: Int, value: String)
    /// Two words where one is a prefix of the other, when a prefix code is required.
    case notPrefixFree(prefix: Int, word: Int, prefixWord: String, longerWord: String)
    /// Words that are not uniquely decodable, with the Sardinas–Patterson witness.
    case notUniquelyDecodable(Ambiguity)
    /// A symbol index outside 0..<count in a message.
    case symbolOutOfRange(position: Int, symbol: Int, count: Int)
    /// A symbol name that the code does not contain.
    case unknownSymbol(position: Int, symbol: String)
    /// A message symbol whose probability is 0, so no arithmetic code can represent it.
    case zeroProbabilitySymbol(position: Int, symbol: Int)
    /// Bits from `position` on that no codeword begins with.
    case noCodewordMatches(position: Int, bits: String)
    /// Trailing bits from `position` on that are the start of a codeword but not a whole one.
    case incompleteCodeword(position: Int, bits: String)
    /// A negative symbol count for decoding.
    case invalidCount(Int)
    /// A symbol count for decoding above `limit` (refused before anything is allocated).
    case countTooLarge(Int, limit: Int)
    /// An output of `digits` digits, more than `limit`, refused before it is built.
    case outputTooLong(digits: Int, limit: Int)

    public var description: String {
        switch self {
        case .empty(let what):
            return "\(what) must not be empty"
        case .invalidProbability(let index, let value):
            return "probability \(index) is \(formatNumber(value)); probabilities must be finite and >= 0"
        case .probabilitiesDoNotSumToOne(let sum):
            return "probabilities sum to \(formatNumber(sum)), not 1"
        case .invalidAlphabetSize(let d):
            return "code alphabet size D = \(d) is not supported (D must be 2...36)"
        case .countMismatch(let what, let expected, let got):
            return "\(what): expected \(expected), got \(got)"
        case .invalidLength(let index, let length, let reason):
            return "length \(index) is \(length): \(reason)"
        case .kraftSumExceedsOne(let sum):
            let shown = sum > 1 ? formatNumber(sum) : "1 + (less than 1e-16)"
            return "Kraft sum \(shown) > 1: no prefix code has these lengths"
        case .invalidDigit(let word, let position, let character, let d):
            let place = word.map { "codeword \($0), position \(position)" } ?? "\(d == 2 ? "bit" : "digit") position \(position)"
            let allowed = d == 2 ? "only 0 and 1 are allowed" : "only the digits \(digitRangeText(d)) are allowed for D = \(d)"
            return "\(place): '\(character)' is not a code digit; \(allowed)"
        case .emptyWord(let index):
            return "codeword \(index) is empty; every codeword needs at least one digit"
        case .duplicate(let what, let first, let second, let value):
            return "\(what) \(first) and \(second) are both \"\(value)\""
        case .notPrefixFree(let prefix, let word, let prefixWord, let longerWord):
            return "not a prefix code: codeword \(prefix) \"\(prefixWord)\" is a prefix of codeword \(word) \"\(longerWord)\""
        case .notUniquelyDecodable(let witness):
            return "not uniquely decodable: \(witness); a code must have one parse for every string"
        case .symbolOutOfRange(let position, let symbol, let count):
            return "symbol \(symbol) at position \(position) is out of range (the code has symbols 0...\(count - 1))"
        case .unknownSymbol(let position, let symbol):
            return "symbol \"\(symbol)\" at position \(position) is not in the code"
        case .zeroProbabilitySymbol(let position, let symbol):
            return "symbol \(symbol) at position \(position) has probability 0 and cannot be encoded"
        case .noCodewordMatches(let position, let bits):
            return "no codeword matches the bits \"\(bits)\" starting at bit position \(position)"
        case .incompleteCodeword(let position, let bits):
            return "the trailing bits \"\(bits)\" from bit position \(position) are an incomplete codeword"
        case .invalidCount(let count):
            return "symbol count \(count) must be >= 0"
        case .countTooLarge(let count, let limit):
            return "symbol count \(count) is too large (at most \(limit) symbols are decoded at once)"
        case .outputTooLong(let digits, let limit):
            return "the result would have \(digits) digits, more than the limit of \(limit)"
        }
    }
}

/// "0–9" or "0–9, a–f" style text for the digits of a D-ary alphabet.
private func digitRangeText(_ d: Int) -> String {
    guard d > 10 else { return "0-\(d - 1)" }
    let last = CodeAlphabet.character(forDigit: d - 1)
    return "0-9 and a-\(last)"
}
