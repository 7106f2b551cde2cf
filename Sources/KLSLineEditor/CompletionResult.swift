/// What a completer proposes when Tab is pressed: the part of the line to replace and the
/// texts that could replace it.
public struct CompletionResult: Equatable, Sendable {
    /// UTF-8 byte offsets into the line of the text a candidate replaces; usually it ends at
    /// the cursor (e.g. the partial word `sig` in `x = sig`).
    public var replacing: Range<Int>
    /// Whole replacement texts, in the order they are listed (e.g. `sigma`, `sign`).
    public var candidates: [String]

    /// A proposal to replace the UTF-8 byte range `replacing` of the line with one of `candidates`.
    public init(replacing: Range<Int>, candidates: [String]) {
        self.replacing = replacing
        self.candidates = candidates
    }
}

/// Supplies completions: called with the current line and the cursor's UTF-8 byte offset in
/// it; returns nil (or no candidates) when there is nothing to complete. It is called on the
/// thread that runs `readLine` and must return quickly (the REPL targets < 10 ms).
public typealias Completer = (_ line: String, _ cursorUTF8Offset: Int) -> CompletionResult?
