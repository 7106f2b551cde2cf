import Testing
@testable import KLSCoding

// Reference: ref.py (PythonReference.swift) `brute_ambiguity` — the shortest string with two parses,
// found by trying every bit string up to 14 bits — gives:
//   {0, 01, 10}: "010" = 0·10 = 01·0          {1, 011, 01110, 1110, 10011}: "111011" ambiguous
//   {01, 10, 0, 1}: "01"                       {00, 01, 10, 0}: "00"
//   none up to 14 bits for {0, 01, 011}, {0, 10, 110, 111}, {0, 10, 011}, {0, 10, 110, 1110, 1111},
//   {1, 10, 00}, {0, 01, 11}.

/// Checks a witness: both parses spell the string and differ.
private func checkWitness(_ witness: Ambiguity, _ words: [String]) {
    #expect(witness.firstParse.map { words[$0] }.joined() == witness.string)
    #expect(witness.secondParse.map { words[$0] }.joined() == witness.string)
    #expect(witness.firstParse != witness.secondParse)
}

@Test func seedsAmbiguousCode() throws {
    let words = ["0", "01", "10"]
    let verdict = try sardinasPatterson(words)
    let witness = try #require(verdict.witness)
    #expect(witness.string == "010")
    #expect(witness.firstWords == ["0", "10"])
    #expect(witness.secondWords == ["01", "0"])
    #expect(witness.description == "\"010\" = 0·10 = 01·0")
    #expect(verdict.description == "not uniquely decodable: \"010\" = 0·10 = 01·0")
    #expect(try !isUniquelyDecodable(words))
    #expect(try !isPrefixFree(words))
}

@Test func textbookAmbiguousCode() throws {
    let words = ["1", "011", "01110", "1110", "10011"]
    let witness = try #require(try sardinasPatterson(words).witness)
    checkWitness(witness, words)
    // 011101110011 = 01110·1110·011 = 011·1·011·10011: a valid parse pair, as the textbook says.
    let textbook = Ambiguity(words: words, firstParse: [2, 3, 1], secondParse: [1, 0, 1, 4])
    #expect(textbook?.string == "011101110011")
}

@Test func uniquelyDecodableButNotPrefixFree() throws {
    #expect(try sardinasPatterson(["0", "01", "011"]) == .uniquelyDecodable(prefixFree: false))
    #expect(try !isPrefixFree(["0", "01", "011"]))
    // The seed's first slip: 0 is a prefix of 011, so {0, 10, 011} is not a prefix code; it is UD.
    #expect(try prefixViolation(["0", "10", "011"]) == PrefixViolation(prefix: 0, word: 2, prefixWord: "0", longerWord: "011"))
    #expect(try sardinasPatterson(["0", "10", "011"]) == .uniquelyDecodable(prefixFree: false))
    #expect(try sardinasPatterson(["1", "10", "00"]) == .uniquelyDecodable(prefixFree: false))
    #expect(try sardinasPatterson(["0", "01", "11"]) == .uniquelyDecodable(prefixFree: false))
    #expect(try sardinasPatterson(["0", "01", "011"]).description == "uniquely decodable, but not a prefix code")
}

@Test func prefixCodes() throws {
    #expect(try isPrefixFree(["0", "10", "110", "111"]))
    #expect(try sardinasPatterson(["0", "10", "110", "111"]) == .uniquelyDecodable(prefixFree: true))
    // The seed's second slip: {0, 10, 110, 1110, 1111} is a prefix code.
    #expect(try isPrefixFree(["0", "10", "110", "1110", "1111"]))
    #expect(try isUniquelyDecodable(["0", "10", "110", "1110", "1111"]))
    #expect(try isPrefixFree(["2", "10", "0", "11", "12"], D: 3))
}

@Test func ternaryCodes() throws {
    let words = ["0", "1", "2", "10"]
    let witness = try #require(try sardinasPatterson(words, D: 3).witness)
    #expect(witness.description == "\"10\" = 1·0 = 10")
    #expect(try sardinasPatterson(["0", "1", "20", "21", "22"], D: 3) == .uniquelyDecodable(prefixFree: true))
    #expect(try sardinasPatterson(["0", "01", "011"], D: 3) == .uniquelyDecodable(prefixFree: false))
    #expect(throws: CodingError.invalidDigit(word: 0, position: 0, character: "3", alphabetSize: 3)) {
        try isPrefixFree(["3"], D: 3)
    }
}

@Test func duplicatesAndShortWitnesses() throws {
    let duplicate = try #require(try sardinasPatterson(["00", "01", "10", "0", "01"]).witness)
    #expect(duplicate.firstParse == [1] && duplicate.secondParse == [4])
    #expect(try prefixViolation(["1", "0", "1"]) == PrefixViolation(prefix: 0, word: 2, prefixWord: "1", longerWord: "1"))
    #expect(PrefixViolation(prefix: 0, word: 2, prefixWord: "1", longerWord: "1").description
        == "codewords 0 and 2 are both \"1\"")
    // A duplicate hidden behind an earlier prefix conflict is still found.
    #expect(try sardinasPatterson(["0", "01", "01"]).witness?.string == "01")
    let words = ["01", "10", "0", "1"]
    let witness = try #require(try sardinasPatterson(words).witness)
    checkWitness(witness, words)
    #expect(witness.string == "01")                                   // brute_ambiguity: "01"
    #expect(try sardinasPatterson(["00", "01", "10", "0"]).witness?.string == "00")   // brute_ambiguity: "00"
}

@Test func wordListErrors() {
    #expect(throws: CodingError.empty(what: "the list of codewords")) { try isPrefixFree([]) }
    #expect(throws: CodingError.emptyWord(index: 1)) { try sardinasPatterson(["0", ""]) }
    #expect(throws: CodingError.invalidDigit(word: 1, position: 1, character: "2", alphabetSize: 2)) {
        try isUniquelyDecodable(["0", "12"])
    }
    #expect(CodingError.invalidDigit(word: 1, position: 1, character: "2", alphabetSize: 2).description
        == "codeword 1, position 1: '2' is not a code digit; only 0 and 1 are allowed")
    #expect(CodingError.invalidDigit(word: 0, position: 0, character: "3", alphabetSize: 3).description
        == "codeword 0, position 0: '3' is not a code digit; only the digits 0-2 are allowed for D = 3")
    #expect(throws: CodingError.invalidAlphabetSize(0)) { try isPrefixFree(["0"], D: 0) }
}

/// Brute force as in ref.py: does some string of at most `maxLength` bits have two parses?
/// Strings and words are integers (value, length); parse counts are capped at 2.
private func bruteForceAmbiguous(_ words: [String], maxLength: Int) -> Bool {
    let coded = words.map { word in (value: word.reduce(0) { $0 << 1 | ($1 == "1" ? 1 : 0) }, length: word.count) }
    var count = [Int](repeating: 0, count: maxLength + 1)
    for length in 1...maxLength {
        for s in 0..<(1 << length) {
            for i in 0...length { count[i] = 0 }
            count[0] = 1
            for i in 0..<length where count[i] > 0 {
                for (value, wordLength) in coded where i + wordLength <= length {
                    let piece = (s >> (length - i - wordLength)) & ((1 << wordLength) - 1)
                    if piece == value { count[i + wordLength] = min(2, count[i + wordLength] + count[i]) }
                }
            }
            if count[length] > 1 { return true }
        }
    }
    return false
}

@Test func agreesWithBruteForceOnRandomSmallCodes() throws {
    // 300 random codes of 2–4 words of 1–4 bits. An "ambiguous" verdict is proved by its checked
    // witness; a "uniquely decodable" one must agree with a brute-force search finding no string
    // of up to 12 bits with two parses.
    var state: UInt64 = 2024
    func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
    var ambiguousCount = 0
    for _ in 0..<300 {
        let words = (0..<(2 + next(3))).map { _ in
            String((0..<(1 + next(4))).map { _ in next(2) == 0 ? Character("0") : Character("1") })
        }
        let verdict = try sardinasPatterson(words)
        switch verdict {
        case .ambiguous(let witness):
            checkWitness(witness, words)
            ambiguousCount += 1
        case .uniquelyDecodable(let prefixFree):
            #expect(!bruteForceAmbiguous(words, maxLength: 12), "\(words)")
            #expect(prefixFree == (try isPrefixFree(words)))
        }
    }
    #expect(ambiguousCount > 50 && ambiguousCount < 300)
}
