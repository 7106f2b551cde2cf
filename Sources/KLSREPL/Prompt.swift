import Foundation
import KLSLessons
import KLSLineEditor
import KLSRuntime
import KLSSyntax

/// The interactive prompt: reads input with the libedit editor (or plain lines when the
/// terminal cannot edit), lets the parser decide when a block is finished, runs it in one
/// session whose variables persist, echoes values (colour by kind) into `ans`, shows errors
/// with a caret under the typed input, and runs the `:commands`.
public final class Prompt {
    /// The session the input runs in (replaced by `:reset`).
    var session: Session
    let reader: any LineReader
    /// Colours for standard output (values, help) and standard error (errors).
    let palette: Palette
    let errorPalette: Palette
    let historyPath: String?
    /// The lines of an unfinished block typed so far (completion reads them).
    var pendingBlock = ""
    /// The lesson being worked through, if any (`:lesson`, `kls lesson NAME`).
    var tutor: LessonTutor?
    /// Whether `:quit` in the lesson also leaves kls (the prompt was opened for the lesson).
    var leavesWithLesson = false
    /// Where output, values, errors and pictures go.
    let output: PromptOutput
    /// The name errors give for typed input (a notebook names each cell).
    var inputName = "<prompt>"
    /// The number of the next code entry: the prompt reads `kls[5]>`, and entry 5 runs as the
    /// source `<prompt 5>`, so an error inside a function defined there names it (`<prompt 5>:2:3`,
    /// as Julia's `REPL[5]:2`).
    var entry = 1

    public init() {
        output = .console
        palette = Palette.forDescriptor(STDOUT_FILENO)
        errorPalette = Palette.forDescriptor(STDERR_FILENO)
        var path: String?
        do {
            path = try HistoryStore.defaultPath()
        } catch {
            output.err("kls: history: \(error) (history is kept in memory only)\n")
        }
        historyPath = path
        reader = makeLineReader(historyFile: path)
        session = Prompt.makeSession(registry: nil, output: output)
        if let editor = reader as? LineEditor {
            editor.colorPrompt = palette.enabled
            editor.completer = { [weak self] line, cursor in
                self?.completer.complete(line: line, cursor: cursor, earlierLines: self?.pendingBlock ?? "")
            }
        }
    }

    /// A prompt without a terminal, for a front end that sends it input and shows `output`
    /// (the Jupyter kernel): no colours, no line editor, history kept by the front end.
    public init(output: PromptOutput) {
        self.output = output
        palette = Palette(enabled: false)
        errorPalette = Palette(enabled: false)
        historyPath = nil
        reader = PlainLineReader(historyFile: nil)
        session = Prompt.makeSession(registry: nil, output: output)
    }

    /// A fresh session writing to `output` (sharing `registry` when given).
    static func makeSession(registry: BuiltinRegistry?, output: PromptOutput) -> Session {
        let write = output.out
        let interpreter = registry.map { Interpreter(registry: $0, write: write) } ?? Interpreter(write: write)
        interpreter.outputIsTerminal = output.isTerminal
        interpreter.display = output.display
        return Session(interpreter: interpreter)
    }

    /// The current session's interpreter (globals, registry).
    var interpreter: Interpreter { session.interpreter }

    /// Runs the prompt until `:quit`, Ctrl-D or the end of input, first starting `lesson` when
    /// one is given; returns the exit status (0).
    public func run(lesson: Lesson? = nil, restart: Bool = false) -> Int32 {
        output.out(Banner.text(palette: palette))
        if let lesson { begin(lesson, progress: LessonProgress(path: LessonProgress.standardPath()), restart: restart) }
        var emptyContinuations = 0
        while true {
            output.flush()
            let continuing = !pendingBlock.isEmpty
            switch reader.readLine(prompt: continuing ? "...  " : "kls[\(entry)]> ", continuation: continuing) {
            case .eof:
                return 0
            case .interrupted:
                pendingBlock = ""
            case .line(let text):
                let block = continuing ? pendingBlock + "\n" + text : text
                emptyContinuations = continuing && text.trimmingBlanks().isEmpty ? emptyContinuations + 1 : 0
                switch PromptInput.classify(block) {
                case .blank:
                    pendingBlock = ""
                    runBlank()
                case .incomplete:
                    pendingBlock = block
                    if emptyContinuations == 2 {
                        output.err("\(errorPalette.dim)\(OpenBrackets.waitingFor(block)) (Ctrl-C discards the input)\(errorPalette.reset)\n")
                    }
                case .command(let request):
                    pendingBlock = ""
                    reader.addHistory(block)
                    if perform(request) == .quit { return 0 }
                case .code:
                    pendingBlock = ""
                    reader.addHistory(block)
                    inputName = "<prompt \(entry)>"
                    runCode(block)
                    inputName = "<prompt>"
                    entry += 1
                }
            }
        }
    }

    // MARK: Running code

    /// Runs finished code input (at the prompt or in a notebook cell) and, while a lesson
    /// runs, hands it to the lesson as the student's answer. Python's `?name` is answered with
    /// the kls command instead.
    func runCode(_ code: String) {
        if let answer = Prompt.questionHelp(code) {
            output.err("\(code.trimmingBlanks()) is not kls; did you mean '\(answer)'?\n")
            return
        }
        let outcome = evaluate(code)
        tutor?.answered(code, value: outcome.value, succeeded: outcome.succeeded, interrupted: outcome.interrupted)
        if tutor?.finished == true { tutor = nil }
    }

    /// An empty input: in a lesson, Enter leaves a step that only shows something.
    func runBlank() {
        tutor?.blankLine()
    }

    /// The answer for Python's and Julia's `?name` (`?KL` → `:help KL`), or nil for other input.
    static func questionHelp(_ input: String) -> String? {
        let text = input.trimmingBlanks()
        guard text.hasPrefix("?") else { return nil }
        let topic = text.dropFirst().trimmingBlanks()
        guard !topic.isEmpty, topic.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { return nil }
        return Habits.question(topic)
    }

    /// Runs prompt input, echoes its value in colour and keeps it in `ans`; errors are shown.
    /// Returns the echoed value and how the run ended.
    @discardableResult
    func evaluate(_ code: String) -> (value: Value?, succeeded: Bool, interrupted: Bool) {
        let outcome = execute(code, name: inputName)
        guard let value = outcome.value, !ValueFacts.isNone(value) else { return (nil, outcome.succeeded, outcome.interrupted) }
        show(value)
        interpreter.setGlobal("ans", value)
        return (value, true, false)
    }

    /// Runs code (prompt input, or a loaded file named by its path) in the session and shows
    /// its errors; gives the final expression's value (nil after `;` or a statement) and
    /// whether it ran without error. The interrupt flag is cleared before and after.
    func execute(_ code: String, name: String) -> (value: Value?, succeeded: Bool, interrupted: Bool) {
        Interrupts.requested = false
        defer { Interrupts.requested = false }
        let outcome = session.run(code, name: name)
        output.flush()
        switch outcome {
        case .value(let value):
            return (value, true, false)
        case .incomplete:
            return (nil, false, false)
        case .rejected(let diagnostics):
            for d in diagnostics { showError(d) }
        case .failed(let error):
            if error.isInterrupt {
                if let failure = output.failure {
                    failure(.interrupted(error.message))
                } else {
                    output.err("\(errorPalette.warning)\(error.message)\(errorPalette.reset)\n")
                }
                if let partial = interpreter.interruptedResult {
                    interpreter.interruptedResult = nil
                    show(partial)
                    interpreter.setGlobal("ans", partial)
                }
                return (nil, false, true)
            }
            showError(error.diagnostic)
        }
        return (nil, false, false)
    }

    /// Echoes a value in the colour of its kind.
    func show(_ value: Value) {
        if let shown = output.value { return shown(value) }
        output.out(palette.paint(ValueFormatter.display(value), as: value) + "\n")
    }

    /// Prints a diagnostic with its caret, then a hint when it concerns a builtin.
    func showError(_ d: Diagnostic) {
        if let failure = output.failure { return failure(.error(d, shown: errorText(d))) }
        output.err(errorText(d))
    }

    /// A diagnostic as shown: the located message with its line and caret, then a hint when
    /// it concerns a builtin.
    func errorText(_ d: Diagnostic) -> String {
        var text = DiagnosticRenderer.render(d, color: errorPalette.enabled)
        if let hint = ErrorHint.hint(for: d, registry: interpreter.registry) {
            text += "\(errorPalette.dim)\(hint)\(errorPalette.reset)\n"
        }
        return text
    }

    // MARK: Completion

    /// The completer over this session's names (built on each Tab: a few hundred names).
    var completer: PromptCompleter {
        let registry = interpreter.registry
        let functions = registry.builtins.filter { if case .function = $0.body { return true }; return false }
        return PromptCompleter(
            builtinNames: registry.names,
            builtinFunctions: Set(functions.map(\.name)),
            helpTopics: HelpBook(registry: registry, palette: palette).topicNames + PromptCommand.allCases.map(\.rawValue),
            variables: { [interpreter] in
                interpreter.variableNames.map { name in
                    (name, interpreter.global(name).map(ValueFacts.isFunction) ?? false)
                }
            },
            parameters: { [interpreter] name in Prompt.parameters(of: name, in: interpreter) },
            fields: { [interpreter] path in Prompt.fields(at: path, in: interpreter) },
            home: ProcessInfo.processInfo.environment["HOME"])
    }

    /// The parameter names of the function called `name`: a user function's, or a builtin's
    /// (without a variadic rest parameter).
    static func parameters(of name: String, in interpreter: Interpreter) -> [String]? {
        if let value = interpreter.global(name) {
            if case .closure(let c) = value { return c.decl.parameters.map(\.name.name) }
            return nil
        }
        guard let b = interpreter.registry.builtin(named: name), case .function = b.body else { return nil }
        let names = b.parameters.map(\.name)
        guard b.variadic else { return names }
        return Array(names[..<b.variadicIndex] + names[(b.variadicIndex + 1)...])
    }

    /// The field names of the value at a dotted path of names, starting from a variable.
    static func fields(at path: [String], in interpreter: Interpreter) -> [String]? {
        guard let first = path.first, var value = interpreter.global(first) else { return nil }
        for name in path.dropFirst() {
            guard case .object(let o) = value, let next = o.field(name) else { return nil }
            value = next
        }
        return ValueFacts.fieldNames(of: value)
    }
}

/// Facts about values the prompt needs (kept here, not on `Value`, so they cannot collide with
/// the runtime's own members).
enum ValueFacts {
    /// True for `none`.
    static func isNone(_ value: Value) -> Bool {
        if case .none = value { return true }
        return false
    }

    /// True for kls functions and builtin functions.
    static func isFunction(_ value: Value) -> Bool {
        switch value {
        case .closure, .builtin: return true
        default: return false
        }
    }

    /// The fields `.name` can read: an object's own, `shape` on numbers and arrays, and `T`
    /// on matrices.
    static func fieldNames(of value: Value) -> [String] {
        switch value {
        case .object(let o): return o.fieldNames
        case .number, .bool: return ["shape"]
        case .tensor(let t): return t.rank == 2 ? ["T", "shape"] : ["shape"]
        case .tracked(let n): return n.value.rank == 2 ? ["T", "shape"] : ["shape"]
        default: return []
        }
    }
}
