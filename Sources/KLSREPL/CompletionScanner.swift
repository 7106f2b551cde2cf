import KLSSyntax

/// Where the cursor stands in the text typed so far, as far as completion cares.
enum CompletionContext: Equatable, Sendable {
    /// After a `#` on the same line: nothing completes.
    case comment
    /// Inside a string literal; `partial` is its raw text up to the cursor (a file name, often).
    case string(partial: String)
    /// In code; `callee` names the function of the innermost open call, as in `H(P, ba`.
    case code(callee: String?)
}

/// A light scan of the text before the cursor — strings, comments, brackets, the word being
/// typed — quick enough to run on every Tab (it never builds tokens or a tree).
enum CompletionScanner {
    /// The context at the end of `text`.
    static func context(of text: String) -> CompletionContext {
        let s = Array(text.unicodeScalars)
        var i = 0
        var openCalls: [String?] = []   // one entry per open bracket: the callee of a `(`, else nil
        var lastName: String?          // the identifier just before, if the last token was one
        while i < s.count {
            let c = s[i]
            switch c {
            case " ", "\t", "\r":
                i += 1
            case "\n":
                lastName = nil
                i += 1
            case "#":
                while i < s.count, s[i] != "\n" { i += 1 }
                if i == s.count { return .comment }
            case "\"", "'":
                var j = i + 1
                var closed = false
                while j < s.count {
                    if s[j] == "\\" { j += 2; continue }
                    if s[j] == c { closed = true; break }
                    j += 1
                }
                if !closed {
                    var partial = String.UnicodeScalarView()
                    partial.append(contentsOf: s[min(i + 1, s.count)...])
                    return .string(partial: String(partial))
                }
                lastName = nil
                i = j + 1
            case "(", "[", "{":
                openCalls.append(c == "(" ? lastName : nil)
                lastName = nil
                i += 1
            case ")", "]", "}":
                if !openCalls.isEmpty { openCalls.removeLast() }
                lastName = nil
                i += 1
            default:
                if isIdentifierStart(c) {
                    var j = i
                    while j < s.count, isIdentifierContinue(s[j]) { j += 1 }
                    var name = String.UnicodeScalarView()
                    name.append(contentsOf: s[i..<j])
                    let word = String(name)
                    lastName = keywords.contains(word) ? nil : word
                    i = j
                } else if isIdentifierContinue(c) {
                    // A number (with its digits, letters of an exponent, dots).
                    while i < s.count, isIdentifierContinue(s[i]) || s[i] == "." { i += 1 }
                    lastName = nil
                } else {
                    lastName = nil
                    i += 1
                }
            }
        }
        return .code(callee: openCalls.last ?? nil)
    }

    /// The identifier characters at the very end of `text` (the word being completed).
    static func trailingWord(of text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for c in text.unicodeScalars.reversed() {
            guard isIdentifierContinue(c) else { break }
            scalars.append(c)
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// When the word at the end of `text` (of `wordLength` scalars) follows a `.`, the names of
    /// the dotted path before it (`fit.params.` → `["fit", "params"]`); an empty array when the
    /// receiver is not a plain path of names (`f(x).`); nil when there is no dot.
    static func receiverPath(of text: String, wordLength: Int) -> [String]? {
        var s = Array(text.unicodeScalars.dropLast(wordLength))
        guard s.last == "." else { return nil }
        var path: [String] = []
        while s.last == "." {
            s.removeLast()
            var name = String.UnicodeScalarView()
            while let c = s.last, isIdentifierContinue(c) {
                name.append(c)
                s.removeLast()
            }
            let identifier = String(String.UnicodeScalarView(name.reversed()))
            guard let first = identifier.unicodeScalars.first, isIdentifierStart(first) else { return [] }
            path.insert(identifier, at: 0)
        }
        return path
    }

    static let keywords = Set(Token.keywordNames)

    /// The lexer's identifier rules.
    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool { Lexer.isIdentifierStart(c) }
    static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool { Lexer.isIdentifierContinue(c) }
}
