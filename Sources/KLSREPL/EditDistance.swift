/// Damerau–Levenshtein distance (optimal string alignment), for "did you mean" suggestions.
enum EditDistance {
    /// The number of single-character insertions, deletions, substitutions and adjacent
    /// transpositions that turn `a` into `b`.
    static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }

    /// Whether `typed` is plausibly a misspelling of `name`: a case-insensitive match, or an
    /// edit distance of at most 1 for short names and 2 for names of five or more characters.
    static func isNear(_ typed: String, _ name: String) -> Bool {
        if typed.isEmpty { return false }
        let a = typed.lowercased(), b = name.lowercased()
        if a == b { return true }
        let limit: Int = b.count >= 5 ? 2 : 1
        let lengthGap: Int = abs(a.count - b.count)
        if lengthGap > limit { return false }
        return between(a, b) <= limit
    }

    /// The names near `typed`, nearest first (at most `limit`).
    static func suggestions(for typed: String, among names: [String], limit: Int = 3) -> [String] {
        let lower = typed.lowercased()
        let scored: [(name: String, distance: Int)] = names.filter { isNear(typed, $0) }
            .map { (name: $0, distance: between(lower, $0.lowercased())) }
        let ordered = scored.sorted { a, b in a.distance != b.distance ? a.distance < b.distance : a.name < b.name }
        var unique: [String] = []
        for entry in ordered where !unique.contains(entry.name) { unique.append(entry.name) }
        return Array(unique.prefix(limit))
    }
}
