/// The digits of a D-ary code alphabet: `0`–`9` then `a`–`z`, so D ranges over 2…36.
/// Binary codewords are strings of `0` and `1`; ternary ones of `0`, `1`, `2`; and so on.
enum CodeAlphabet {
    /// The largest supported alphabet size.
    static let maxSize = 36

    /// Checks that `d` is a supported alphabet size (2…36).
    static func validate(size d: Int) throws(CodingError) {
        guard (2...maxSize).contains(d) else { throw .invalidAlphabetSize(d) }
    }

    /// The ASCII byte of digit `value` (0 ≤ value < 36).
    static func byte(forDigit value: Int) -> UInt8 {
        value < 10 ? UInt8(48 + value) : UInt8(97 + value - 10)
    }

    /// The character of digit `value` (0 ≤ value < 36).
    static func character(forDigit value: Int) -> Character {
        Character(Unicode.Scalar(byte(forDigit: value)))
    }

    /// The digit value of an ASCII byte, or nil when it is not a digit below `d`.
    @inline(__always)
    static func digit(of byte: UInt8, d: Int) -> Int? {
        let value: Int
        switch byte {
        case 48...57: value = Int(byte) - 48
        case 97...122: value = Int(byte) - 97 + 10
        default: return nil
        }
        return value < d ? value : nil
    }

    /// The digits of `word` as values 0..<d; throws naming the first bad character.
    /// `wordIndex` is the word's position in its list (nil for a bare bit string).
    static func digits(of word: String, d: Int, wordIndex: Int?) throws(CodingError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(word.utf8.count)
        var position = 0
        for scalar in word.unicodeScalars {
            guard scalar.isASCII, let value = digit(of: UInt8(scalar.value), d: d) else {
                throw .invalidDigit(word: wordIndex, position: position, character: Character(scalar), alphabetSize: d)
            }
            result.append(UInt8(value))
            position += 1
        }
        return result
    }

    /// The digit arrays of a list of codewords, refusing an empty list, empty words and bad digits.
    static func codewordDigits(_ words: [String], d: Int) throws(CodingError) -> [[UInt8]] {
        try validate(size: d)
        guard !words.isEmpty else { throw .empty(what: "the list of codewords") }
        var result: [[UInt8]] = []
        result.reserveCapacity(words.count)
        for (index, word) in words.enumerated() {
            guard !word.isEmpty else { throw .emptyWord(index: index) }
            result.append(try digits(of: word, d: d, wordIndex: index))
        }
        return result
    }

    /// The string spelling of a digit array.
    static func string(of digits: some Collection<UInt8>) -> String {
        String(decoding: digits.map { byte(forDigit: Int($0)) }, as: UTF8.self)
    }
}
