/// A D-ary trie of codewords in flat arrays: node `v`'s child for digit `k` is
/// `children[v * d + k]` (−1 when absent) and `word[v]` is the index of the codeword ending at
/// `v` (−1 when none). Node 0 is the root (the empty string).
struct CodewordTrie: Sendable {
    /// The alphabet size.
    let d: Int
    private(set) var children: [Int32]
    private(set) var word: [Int32]

    /// An empty trie for a D-ary alphabet.
    init(d: Int) {
        self.d = d
        children = [Int32](repeating: -1, count: d)
        word = [-1]
    }

    /// A conflict met while inserting: `existing` and `new` word indices, and whether the
    /// existing word is a prefix of (or equal to) the new one, or the new one a prefix of it.
    enum Conflict {
        case existingIsPrefix(existing: Int)
        case newIsPrefix(existing: Int)
    }

    /// The node reached by following `digits` from the root, or nil when the path leaves the trie.
    func node(following digits: some Collection<UInt8>) -> Int? {
        var node = 0
        for digit in digits {
            let child = Int(children[node * d + Int(digit)])
            if child < 0 { return nil }
            node = child
        }
        return node
    }

    /// Adds codeword `index` and reports the first conflict on its path: a stored word that is a
    /// prefix of it (or equal), else a stored word it is a prefix of. The word is stored only where
    /// no word already ends, so a duplicate keeps its first index.
    @discardableResult
    mutating func insert(_ digits: [UInt8], index: Int) -> Conflict? {
        var node = 0
        var conflict: Conflict?
        for digit in digits {
            if conflict == nil, word[node] >= 0 { conflict = .existingIsPrefix(existing: Int(word[node])) }
            let slot = node * d + Int(digit)
            if children[slot] < 0 {
                children[slot] = Int32(word.count)
                word.append(-1)
                children.append(contentsOf: repeatElement(-1, count: d))
            }
            node = Int(children[slot])
        }
        if conflict == nil, word[node] >= 0 { conflict = .existingIsPrefix(existing: Int(word[node])) }
        if conflict == nil, let below = firstWord(below: node) { conflict = .newIsPrefix(existing: below) }
        if word[node] < 0 { word[node] = Int32(index) }
        return conflict
    }

    /// Some word stored strictly below `node` (following the lowest digits), or nil for a leaf.
    /// Every leaf ends a word, because nodes are only created along inserted words.
    func firstWord(below node: Int) -> Int? {
        var current = node
        descend: while true {
            for digit in 0..<d {
                let child = Int(children[current * d + digit])
                guard child >= 0 else { continue }
                if word[child] >= 0 { return Int(word[child]) }
                current = child
                continue descend
            }
            return nil
        }
    }

    /// Every (word index, depth) stored strictly below `node`, in depth-first digit order.
    func words(below node: Int, depth: Int) -> [(word: Int, depth: Int)] {
        var found: [(word: Int, depth: Int)] = []
        var stack: [(node: Int, depth: Int)] = [(node, depth)]
        while let (current, level) = stack.popLast() {
            for digit in stride(from: d - 1, through: 0, by: -1) {
                let child = Int(children[current * d + digit])
                guard child >= 0 else { continue }
                if word[child] >= 0 { found.append((Int(word[child]), level + 1)) }
                stack.append((child, level + 1))
            }
        }
        return found
    }
}
