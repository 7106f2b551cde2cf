/// A string with two different parses into codewords: the proof that a code is not uniquely
/// decodable. Parses are lists of word indices; both concatenate to `string`.
public struct Ambiguity: Sendable, Equatable, CustomStringConvertible {
    /// The ambiguous digit string.
    public let string: String
    /// One parse, as indices into the word list.
    public let firstParse: [Int]
    /// Another parse of the same string, different from `firstParse`.
    public let secondParse: [Int]
    /// The words of `firstParse`, in order.
    public let firstWords: [String]
    /// The words of `secondParse`, in order.
    public let secondWords: [String]

    /// Checks the witness: both parses spell `string` and they differ; nil otherwise.
    init?(words: [String], firstParse: [Int], secondParse: [Int]) {
        let first = firstParse.map { words[$0] }
        let second = secondParse.map { words[$0] }
        let string = first.joined()
        guard firstParse != secondParse, second.joined() == string else { return nil }
        self.string = string
        self.firstParse = firstParse
        self.secondParse = secondParse
        self.firstWords = first
        self.secondWords = second
    }

    /// `"010" = 0·10 = 01·0`.
    public var description: String {
        "\"\(string)\" = \(firstWords.joined(separator: "·")) = \(secondWords.joined(separator: "·"))"
    }
}

/// The verdict of the Sardinas–Patterson test.
public enum UniqueDecodability: Sendable, Equatable, CustomStringConvertible {
    /// Every digit string has at most one parse; `prefixFree` tells whether the code is also a
    /// prefix (instantaneous) code.
    case uniquelyDecodable(prefixFree: Bool)
    /// Some string has two parses; the associated value is one such string.
    case ambiguous(Ambiguity)

    /// True for `.uniquelyDecodable`.
    public var isUniquelyDecodable: Bool {
        if case .uniquelyDecodable = self { return true }
        return false
    }

    /// The witness of ambiguity, if any.
    public var witness: Ambiguity? {
        if case .ambiguous(let witness) = self { return witness }
        return nil
    }

    /// A one-line verdict, e.g. `not uniquely decodable: "010" = 0·10 = 01·0`.
    public var description: String {
        switch self {
        case .uniquelyDecodable(let prefixFree):
            return prefixFree ? "a prefix code (uniquely decodable)" : "uniquely decodable, but not a prefix code"
        case .ambiguous(let witness):
            return "not uniquely decodable: \(witness)"
        }
    }
}

/// Decides unique decodability of a code by Sardinas–Patterson, with a witness when it fails.
///
/// A *dangling suffix* w records two partial parses X and Y with concat(X) = concat(Y)·w. The
/// start states come from pairs of words a·w = b. From w, a word c that is a proper prefix of w
/// leaves w′ = w minus c (Y extended by c); a word c that w is a proper prefix of leaves
/// w′ = c minus w with the parses' roles swapped; a word equal to w closes the two parses on the
/// same string. The code is uniquely decodable iff no reachable dangling suffix is a codeword.
/// The search is breadth-first over the finitely many suffixes of codewords, and every suffix
/// keeps a pointer to the state and word it came from; following those pointers rebuilds both
/// parses, which are checked to spell the same string and to differ. Two equal words are
/// ambiguous at once (the word parses as either).
///
/// Examples: {0, 01, 10} is ambiguous ("010" = 0·10 = 01·0); {0, 01, 011} is uniquely decodable
/// but not prefix-free; {0, 10, 011} likewise (0 is a prefix of 011).
/// - Throws: `CodingError` for an empty list, an empty word, a character that is not a digit
///   below D, or D outside 2…36.
public func sardinasPatterson(_ words: [String], D: Int = 2) throws(CodingError) -> UniqueDecodability {
    let digits = try CodeAlphabet.codewordDigits(words, d: D)
    var trie = CodewordTrie(d: D)
    var prefixFree = true
    for (index, word) in digits.enumerated() where trie.insert(word, index: index) != nil {
        prefixFree = false
    }
    for (index, word) in digits.enumerated() {
        guard let node = trie.node(following: word) else { continue }
        let first = Int(trie.word[node])
        if first != index, first >= 0, let witness = Ambiguity(words: words, firstParse: [first], secondParse: [index]) {
            return .ambiguous(witness)
        }
    }
    if prefixFree { return .uniquelyDecodable(prefixFree: true) }
    var search = DanglingSuffixSearch(words: words, digits: digits, trie: trie)
    if let witness = search.run() { return .ambiguous(witness) }
    return .uniquelyDecodable(prefixFree: false)
}

/// Whether the code is uniquely decodable (Sardinas–Patterson); see `sardinasPatterson`.
public func isUniquelyDecodable(_ words: [String], D: Int = 2) throws(CodingError) -> Bool {
    try sardinasPatterson(words, D: D).isUniquelyDecodable
}

/// The breadth-first search over dangling suffixes, with parent pointers for the witness.
private struct DanglingSuffixSearch {
    /// How a dangling suffix was first reached.
    struct State {
        let suffix: ArraySlice<UInt8>
        /// The state it came from, or −1 for a start state.
        let parent: Int
        /// The word appended to the lagging parse (for a start state: the shorter word a).
        let word: Int
        /// Whether the lagging parse overtook the leading one (for a start state: the longer word b).
        let swapped: Bool
        let startLonger: Int
    }

    let words: [String]
    let digits: [[UInt8]]
    let trie: CodewordTrie
    var states: [State] = []
    var seen: [ArraySlice<UInt8>: Int] = [:]

    init(words: [String], digits: [[UInt8]], trie: CodewordTrie) {
        self.words = words
        self.digits = digits
        self.trie = trie
    }

    /// Runs the search; the witness when some dangling suffix is a codeword, else nil.
    mutating func run() -> Ambiguity? {
        for (shorter, word) in digits.enumerated() {
            guard let node = trie.node(following: word), trie.word[node] == Int32(shorter) else { continue }
            for (longer, _) in trie.words(below: node, depth: word.count) {
                add(digits[longer][word.count...], parent: -1, word: shorter, swapped: false, startLonger: longer)
            }
        }
        var next = 0
        while next < states.count {
            if let witness = expand(next) { return witness }
            next += 1
        }
        return nil
    }

    /// Records a dangling suffix the first time it is reached.
    private mutating func add(_ suffix: ArraySlice<UInt8>, parent: Int, word: Int, swapped: Bool, startLonger: Int) {
        guard seen[suffix] == nil else { return }
        seen[suffix] = states.count
        states.append(State(suffix: suffix, parent: parent, word: word, swapped: swapped, startLonger: startLonger))
    }

    /// Follows every word from state `index`; returns the witness if the suffix is itself a word.
    private mutating func expand(_ index: Int) -> Ambiguity? {
        let suffix = states[index].suffix
        var node = 0
        var depth = 0
        for digit in suffix {
            let child = Int(trie.children[node * trie.d + Int(digit)])
            if child < 0 { return nil }
            node = child
            depth += 1
            let ending = Int(trie.word[node])
            if ending >= 0, depth < suffix.count {
                add(suffix.dropFirst(depth), parent: index, word: ending, swapped: false, startLonger: -1)
            }
        }
        let whole = Int(trie.word[node])
        if whole >= 0, let witness = witness(from: index, closingWord: whole) { return witness }
        for (longer, _) in trie.words(below: node, depth: depth) {
            add(digits[longer][suffix.count...], parent: index, word: longer, swapped: true, startLonger: -1)
        }
        return nil
    }

    /// Rebuilds the two parses that end in state `index`, closed by appending `closingWord` to
    /// the lagging one; the parse that starts with the shorter start word comes first.
    private func witness(from index: Int, closingWord: Int) -> Ambiguity? {
        var chain: [Int] = []
        var current = index
        while current >= 0 {
            chain.append(current)
            current = states[current].parent
        }
        chain.reverse()
        guard let start = chain.first.map({ states[$0] }) else { return nil }
        var leading = [start.startLonger]
        var lagging = [start.word]
        var shorterIsLagging = true
        for step in chain.dropFirst() {
            lagging.append(states[step].word)
            if states[step].swapped {
                swap(&leading, &lagging)
                shorterIsLagging.toggle()
            }
        }
        lagging.append(closingWord)
        let (shorterFirst, longerFirst) = shorterIsLagging ? (lagging, leading) : (leading, lagging)
        return Ambiguity(words: words, firstParse: shorterFirst, secondParse: longerFirst)
    }
}
