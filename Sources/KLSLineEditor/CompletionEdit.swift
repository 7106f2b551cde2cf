/// The edit a Tab press makes to the line, in libedit's terms (counts of Unicode scalars):
/// move the cursor, delete before it, insert text, and maybe list the candidates.
struct CompletionEdit: Equatable {
    /// Scalars to move the cursor right (negative: left) to reach the end of the replaced text.
    var cursorMove: Int
    /// Scalars to delete before the moved cursor (the replaced text).
    var deleteCount: Int
    /// Text to insert at the cursor after deleting.
    var insertion: String
    /// Candidates to list below the line; empty when the completion was unique.
    var listing: [String]

    /// Plans the edit for `result` on `line` with the cursor at UTF-8 offset `cursor`.
    /// One candidate replaces the range; several insert their longest common prefix when it
    /// extends the text already there, and are listed. Returns nil when there is no candidate.
    static func plan(line: String, cursor: Int, result: CompletionResult) -> CompletionEdit? {
        let candidates = uniqued(result.candidates)
        guard !candidates.isEmpty else { return nil }
        let length = line.utf8.count
        let lower = min(max(result.replacing.lowerBound, 0), length)
        let upper = min(max(result.replacing.upperBound, lower), length)
        let cursorScalars = WideText.scalarCount(of: line, upToUTF8Offset: min(max(cursor, 0), length))
        let lowerScalars = WideText.scalarCount(of: line, upToUTF8Offset: lower)
        let upperScalars = WideText.scalarCount(of: line, upToUTF8Offset: upper)
        let existing = scalarSlice(line, from: lowerScalars, to: upperScalars)
        let replace = CompletionEdit(cursorMove: upperScalars - cursorScalars,
                                     deleteCount: upperScalars - lowerScalars, insertion: "", listing: [])
        if candidates.count == 1 {
            guard candidates[0] != existing else { return CompletionEdit(cursorMove: 0, deleteCount: 0, insertion: "", listing: []) }
            var edit = replace
            edit.insertion = candidates[0]
            return edit
        }
        let prefix = longestCommonPrefix(candidates)
        if prefix.count > existing.count && prefix.hasPrefix(existing) {
            var edit = replace
            edit.insertion = prefix
            edit.listing = candidates
            return edit
        }
        return CompletionEdit(cursorMove: 0, deleteCount: 0, insertion: "", listing: candidates)
    }

    /// The longest string (whole characters) that every one of `strings` starts with.
    static func longestCommonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map(Array.init) else { return "" }
        for string in strings.dropFirst() {
            var shared = 0
            for character in string {
                guard shared < prefix.count, prefix[shared] == character else { break }
                shared += 1
            }
            prefix.removeSubrange(shared...)
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }

    private static func uniqued(_ strings: [String]) -> [String] {
        var seen = Set<String>()
        return strings.filter { seen.insert($0).inserted }
    }

    private static func scalarSlice(_ text: String, from start: Int, to end: Int) -> String {
        let scalars = text.unicodeScalars
        let first = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let last = scalars.index(first, offsetBy: max(end - start, 0), limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[first..<last])
    }
}
