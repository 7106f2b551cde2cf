import KLSLessons
import KLSLineEditor
import KLSSyntax

/// Tab completion at the prompt, as a pure function of the line, the cursor and what the
/// session knows (names, fields, files): builtins, user variables and functions, keywords,
/// `:commands`, keyword arguments of the call being typed (`H(P, ba` → `base=`), fields after
/// `.`, and file names inside strings and after `:load`. (LaTeX names such as `\mu` are
/// completed by the line editor before it asks.)
struct PromptCompleter {
    /// Builtin names, and which of them are functions (the others are constants).
    var builtinNames: [String]
    var builtinFunctions: Set<String>
    var keywords: [String] = Token.keywordNames
    /// Topic names `:help` accepts besides names.
    var helpTopics: [String]
    /// The session's variables, and whether each holds a function.
    var variables: () -> [(name: String, isFunction: Bool)]
    /// Parameter names of the function called `name` (builtin or user), if known.
    var parameters: (_ name: String) -> [String]?
    /// Field names of the value reached by a dotted path (`["fit"]`, `["fit", "params"]`).
    var fields: (_ path: [String]) -> [String]?
    /// Directory entries starting with a prefix (directories end in `/`).
    var files: (_ prefix: String, _ directory: String) -> [String] = FileNames.matching
    /// The home directory, for `~/` in paths.
    var home: String?

    /// Candidates for the text before `cursor` (a UTF-8 byte offset in `line`); `earlierLines`
    /// holds the lines of an unfinished block typed before this one (they decide whether the
    /// cursor is inside a string or a call). Nil when nothing completes.
    func complete(line: String, cursor: Int, earlierLines: String = "") -> CompletionResult? {
        let bytes = Array(line.utf8)
        guard cursor >= 0, cursor <= bytes.count else { return nil }
        let prefix = String(decoding: bytes[..<cursor], as: UTF8.self)
        let following = String(decoding: bytes[cursor...], as: UTF8.self)
        if earlierLines.isEmpty, let command = completeCommand(prefix: prefix, cursor: cursor, following: following) {
            return command
        }
        let text = earlierLines.isEmpty ? prefix : earlierLines + "\n" + prefix
        return completeCode(text: text, cursor: cursor, following: following)
    }

    // MARK: Commands

    /// Completion on a `:command` line, or nil when the line is not one.
    func completeCommand(prefix: String, cursor: Int, following: String) -> CompletionResult? {
        let text = prefix.drop(while: { $0 == " " || $0 == "\t" })
        guard text.first == ":" else { return nil }
        let name = text.dropFirst().prefix(while: { !$0.isWhitespace })
        let rest = text.dropFirst(1 + name.count)
        if rest.isEmpty {
            let typed = ":" + name
            let matches = PromptCommand.allCases.map(\.spelled).filter { $0.hasPrefix(typed.lowercased()) }.sorted()
            return result(matches, replacingLast: typed, cursor: cursor)
        }
        guard case .run(let command, _)? = CommandRequest.parse(":" + name) else { return .none }
        let argument = String(rest.drop(while: { $0 == " " || $0 == "\t" }))
        switch command {
        case .help:
            let word = CompletionScanner.trailingWord(of: argument)
            let names = helpTopics + builtinNames + keywords + variables().map(\.name)
            return result(matching(word, in: names), replacingLast: word, cursor: cursor)
        case .load:
            let path = argument.hasPrefix("\"") || argument.hasPrefix("'") ? String(argument.dropFirst()) : argument
            return completeFile(path, cursor: cursor)
        case .type, .time:
            return completeCode(text: argument, cursor: cursor, following: following)
        case .lesson:
            let word = CompletionScanner.trailingWord(of: argument)
            return result(matching(word, in: LessonLibrary.standard().entries().map(\.name)), replacingLast: word, cursor: cursor)
        case .vars, .reset, .quit, .hint, .solution, .skip, .back:
            return .none
        }
    }

    // MARK: Code

    /// Completion in code: `text` is everything before the cursor that gives context (earlier
    /// lines of the block, or the code after `:type`), `following` the rest of the line.
    func completeCode(text: String, cursor: Int, following: String) -> CompletionResult? {
        switch CompletionScanner.context(of: text) {
        case .comment:
            return nil
        case .string(let partial):
            // File names hold no line breaks: only the current line of a long string counts.
            let onThisLine = partial.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? partial
            return completeFile(onThisLine, cursor: cursor)
        case .code(let callee):
            let word = CompletionScanner.trailingWord(of: text)
            if let first = word.unicodeScalars.first, !CompletionScanner.isIdentifierStart(first) { return nil }
            if text.unicodeScalars.dropLast(word.unicodeScalars.count).last == "\\" { return nil }
            if let path = CompletionScanner.receiverPath(of: text, wordLength: word.unicodeScalars.count) {
                guard !path.isEmpty, let names = fields(path) else { return nil }
                return result(matching(word, in: names), replacingLast: word, cursor: cursor)
            }
            let keywordArguments = callee.flatMap(parameters).map { $0.map { $0 + "=" } } ?? []
            if word.isEmpty {
                // After `(` or `, `: list the parameters (inserting a lone one would surprise).
                return keywordArguments.count > 1 ? result(keywordArguments, replacingLast: word, cursor: cursor) : nil
            }
            let user = variables()
            var matches = matching(word, in: keywordArguments + keywords + builtinNames + user.map(\.name))
            if matches.count == 1, !following.hasPrefix("(") {
                let only = matches[0]
                if builtinFunctions.contains(only) || user.contains(where: { $0.name == only && $0.isFunction }) {
                    matches = [only + "("]
                }
            }
            return result(matches, replacingLast: word, cursor: cursor)
        }
    }

    /// File names for a partial path typed in a string or after `:load`; only the last path
    /// component is replaced, so the list shows plain names.
    func completeFile(_ partial: String, cursor: Int) -> CompletionResult? {
        let (directory, base) = FileNames.split(partial, home: home)
        return result(files(base, directory), replacingLast: base, cursor: cursor)
    }

    // MARK: Helpers

    /// The names starting with `word` (sorted, without repeats); when none do, those starting
    /// with it ignoring case (`normal` finds `Normal`).
    func matching(_ word: String, in names: [String]) -> [String] {
        var matches = Set(names.filter { $0.hasPrefix(word) })
        if matches.isEmpty {
            let lower = word.lowercased()
            matches = Set(names.filter { $0.lowercased().hasPrefix(lower) })
        }
        return matches.sorted()
    }

    /// A result replacing the `typed` text just before the cursor; nil without candidates.
    func result(_ candidates: [String], replacingLast typed: String, cursor: Int) -> CompletionResult? {
        guard !candidates.isEmpty else { return nil }
        let start = max(0, cursor - typed.utf8.count)
        return CompletionResult(replacing: start..<cursor, candidates: candidates)
    }
}
