/// The sets S₁, S₂, … of the Sardinas–Patterson test as textbooks walk through it: S₁ holds the
/// dangling suffixes w of codeword pairs a·w = b (a ≠ b as words of the list); S₍ᵢ₊₁₎ holds the w
/// with c·w ∈ Sᵢ, or s·w = c, for a codeword c and s ∈ Sᵢ. The code is uniquely decodable
/// exactly when no Sᵢ contains a codeword (Sardinas & Patterson 1953).
///
/// {0, 01, 10}: S₁ = {1}, S₂ = {0}, which holds the codeword 0. {0, 01, 011}: S₁ = {1, 11},
/// then S₂ = ∅. The empty suffix ε (two equal words) is the empty string.
public struct DanglingSuffixSets: Sendable, Equatable {
    /// How the list ends.
    public enum End: Sendable, Equatable {
        /// The last set holds this codeword: not uniquely decodable.
        case codeword(String)
        /// The next set is empty: uniquely decodable.
        case empty
        /// The next set equals S_k (1-based): uniquely decodable, the sets cycle.
        case repeats(Int)
        /// The list was cut after `limit` sets, or the code is too large to list.
        case cut
    }

    /// S₁, S₂, …, each sorted by length, then digits.
    public let sets: [[String]]
    public let end: End

    /// The sets of `words`, at most `limit` of them; codes of more than 4096 digits in all get
    /// none (`.cut`) — the verdict of `sardinasPatterson` does not need them.
    public init(_ words: [String], limit: Int = 32) {
        guard words.reduce(0, { $0 + $1.count }) <= 4096 else {
            (sets, end) = ([], .cut)
            return
        }
        let codewords = Set(words)
        var current = Set<String>()
        for (i, a) in words.enumerated() {
            for (j, b) in words.enumerated() where i != j && b.hasPrefix(a) { current.insert(String(b.dropFirst(a.count))) }
        }
        var sets: [[String]] = []
        var seen: [Set<String>: Int] = [:]
        var end = End.cut
        while sets.count < limit {
            if current.isEmpty { end = .empty; break }
            if let k = seen[current] { end = .repeats(k + 1); break }
            seen[current] = sets.count
            sets.append(current.sorted { ($0.count, $0) < ($1.count, $1) })
            if let word = sets[sets.count - 1].first(where: codewords.contains) { end = .codeword(word); break }
            var next = Set<String>()
            for s in current {
                for c in codewords {
                    if s.count > c.count, s.hasPrefix(c) { next.insert(String(s.dropFirst(c.count))) }
                    if c.count > s.count, c.hasPrefix(s) { next.insert(String(c.dropFirst(s.count))) }
                }
            }
            current = next
        }
        self.sets = sets
        self.end = end
    }
}
