import KLSSyntax

/// The prompt's own commands, typed after a colon (`:help`, `:vars`, …). Any unique prefix
/// works (`:h`, `:v`, `:q`).
enum PromptCommand: String, CaseIterable, Sendable {
    case help, vars, type, load, reset, time, lesson, hint, solution, skip, back, quit

    /// Extra spellings: `:?` and `:h` for help (`:hint` shares its first letter), `:exit` for quit.
    static let aliases: [String: PromptCommand] = ["?": .help, "h": .help, "exit": .quit]

    /// How it is typed, as shown in help.
    var usage: String {
        switch self {
        case .help: return ":help [TOPIC|NAME]"
        case .vars: return ":vars"
        case .type: return ":type EXPR"
        case .load: return ":load FILE"
        case .reset: return ":reset"
        case .time: return ":time EXPR"
        case .lesson: return ":lesson [NAME]"
        case .hint: return ":hint"
        case .solution: return ":solution"
        case .skip: return ":skip"
        case .back: return ":back"
        case .quit: return ":quit"
        }
    }

    /// One line: what it does.
    var summary: String {
        switch self {
        case .help: return "topics; a builtin's signature, formula and example"
        case .vars: return "your variables with their types and shapes"
        case .type: return "the kind and shape of a value"
        case .load: return "run a file in this session; its definitions stay"
        case .reset: return "forget every variable and start afresh"
        case .time: return "run code, show its value and the wall time"
        case .lesson: return "list the lessons, or start (or resume) one"
        case .hint: return "in a lesson: the step's next hint"
        case .solution: return "in a lesson: show an answer to the step"
        case .skip: return "in a lesson: run the solution and go to the next step"
        case .back: return "in a lesson: go back one step"
        case .quit: return "leave the lesson, or the prompt (Ctrl-D does too)"
        }
    }

    /// Whether the argument is kls code (it may then continue over several lines).
    var takesCode: Bool { self == .type || self == .time }

    /// `:help` with its name, as completion offers it.
    var spelled: String { ":" + rawValue }
}

/// What a line beginning with `:` asks for.
enum CommandRequest: Equatable, Sendable {
    /// A known command and the rest of the input (trimmed; may span lines for code).
    case run(PromptCommand, argument: String)
    /// No command has this name; `suggestions` are the nearest ones.
    case unknown(String, suggestions: [PromptCommand])
    /// Several commands start with this prefix.
    case ambiguous(String, matches: [PromptCommand])

    /// Reads `input` as a command: nil when it does not start with `:` (after blanks).
    static func parse(_ input: String) -> CommandRequest? {
        let text = input.drop(while: { $0 == " " || $0 == "\t" })
        guard text.first == ":" else { return nil }
        let afterColon = text.dropFirst()
        let name = String(afterColon.prefix(while: { !$0.isWhitespace }))
        let argument = String(afterColon.dropFirst(name.count)).trimmingBlanks()
        let key = name.lowercased()
        if let command = PromptCommand(rawValue: key) ?? PromptCommand.aliases[key] {
            return .run(command, argument: argument)
        }
        let matches = key.isEmpty ? [] : PromptCommand.allCases.filter { $0.rawValue.hasPrefix(key) }
        if matches.count == 1 { return .run(matches[0], argument: argument) }
        if matches.count > 1 { return .ambiguous(name, matches: matches) }
        let near = PromptCommand.allCases.filter { EditDistance.isNear(key, $0.rawValue) }
        return .unknown(name, suggestions: near)
    }
}

/// What one finished piece of input at the prompt is.
enum PromptInput: Equatable, Sendable {
    /// Nothing but blanks and comments.
    case blank
    /// Unfinished: the prompt asks for a continuation line.
    case incomplete
    /// A `:command`.
    case command(CommandRequest)
    /// kls code to run (complete, or with syntax errors to report).
    case code

    /// Classifies the text typed so far (a block may span several lines): the parser, not a
    /// bracket count, decides whether it is unfinished — for code, and for the code argument of
    /// `:type` and `:time`.
    static func classify(_ text: String) -> PromptInput {
        if let request = CommandRequest.parse(text) {
            if case .run(let command, let argument) = request, command.takesCode, isUnfinished(argument) {
                return .incomplete
            }
            return .command(request)
        }
        if text.trimmingBlanks().isEmpty { return .blank }
        return isUnfinished(text) ? .incomplete : .code
    }

    /// Whether the parser wants more input after `code`.
    static func isUnfinished(_ code: String) -> Bool {
        if case .incomplete = Parser.parse(SourceFile(name: "<prompt>", text: code)) { return true }
        return false
    }
}
