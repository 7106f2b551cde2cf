import Foundation
import KLSRuntime
import KLSSyntax

/// Whether the prompt goes on after a command.
enum CommandOutcome { case proceed, quit }

/// The `:commands`.
extension Prompt {
    /// Runs a `:command` (or explains why it cannot); `.quit` ends the prompt.
    func perform(_ request: CommandRequest) -> CommandOutcome {
        switch request {
        case .unknown(let name, let suggestions):
            var text = "unknown command ':\(name)'"
            if !suggestions.isEmpty { text += "; did you mean " + suggestions.map(\.spelled).joined(separator: " or ") + "?" }
            output.err(text + "\n\(errorPalette.dim)Commands: " + PromptCommand.allCases.map(\.spelled).joined(separator: " ") + "\(errorPalette.reset)\n")
        case .ambiguous(let name, let matches):
            output.err("':\(name)' could be " + matches.map(\.spelled).joined(separator: " or ") + "\n")
        case .run(let command, let argument):
            switch command {
            case .help: (output.page ?? output.out)(helpBook.page(for: argument))
            case .vars: output.out(variablesTable())
            case .type: showType(argument)
            case .load: load(argument)
            case .reset: reset()
            case .time: time(argument)
            case .lesson: startLesson(argument)
            case .hint, .solution, .skip, .back: lessonCommand(command)
            case .quit:
                guard let tutor else { return .quit }
                tutor.quit()
                self.tutor = nil
                if leavesWithLesson { return .quit }
            }
        }
        return .proceed
    }

    /// The help texts over this session's registry and variables.
    var helpBook: HelpBook {
        HelpBook(registry: interpreter.registry, palette: palette, historyPath: historyPath,
                 variable: { [interpreter] name in interpreter.global(name) },
                 variableNames: interpreter.variableNames)
    }

    // MARK: :vars

    /// The user's variables, one a line: name, kind (with its shape) and a one-line preview.
    func variablesTable() -> String {
        let names = interpreter.variableNames
        guard !names.isEmpty else { return "\(palette.dim)No variables yet; assign one: x = 3\(palette.reset)\n" }
        let rows: [(String, String, String, Value)] = names.compactMap { name in
            guard let value = interpreter.global(name) else { return nil }
            let preview: String
            if case .closure(let c) = value {
                let lines = FunctionSource.text(of: c).split(separator: "\n")
                preview = (lines.first.map(String.init) ?? "") + (lines.count > 1 ? " …" : "")
            } else {
                preview = ValueFormatter.display(value)
            }
            return (name, value.typeName, preview, value)
        }
        let nameWidth = max(4, rows.map(\.0.count).max() ?? 0)
        let typeWidth = max(4, rows.map(\.1.count).max() ?? 0)
        var out = "\(palette.dim)" + "name".padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0)
            + "type".padding(toLength: typeWidth + 2, withPad: " ", startingAt: 0) + "value\(palette.reset)\n"
        let room = max(20, 80 - nameWidth - typeWidth - 4)
        for (name, type, preview, value) in rows {
            out += name.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0)
                + type.padding(toLength: typeWidth + 2, withPad: " ", startingAt: 0)
                + palette.paint(Prompt.oneLine(preview, width: room), as: value) + "\n"
        }
        return out
    }

    /// `text` on one line (line breaks shown as spaces, runs of blanks squeezed), cut with `…`
    /// to at most `width` characters.
    static func oneLine(_ text: String, width: Int) -> String {
        let words = text.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" })
        let flat = words.joined(separator: " ")
        return flat.count <= width ? flat : String(flat.prefix(max(1, width - 1))) + "…"
    }

    // MARK: :type, :time

    /// `:type EXPR`: the kind (with shape) of the value; a function's signature too.
    func showType(_ argument: String) {
        guard !argument.isEmpty else {
            output.err("usage: :type EXPR   e.g. :type [0.5, 0.5]\n")
            return
        }
        let (value, succeeded, _) = execute(argument, name: inputName)
        guard let value else {
            if succeeded { output.err(":type needs an expression, e.g. :type Normal(0, 1)\n") }
            return
        }
        var text = value.typeName
        switch value {
        case .closure(let c): text += "  " + c.name + "(" + c.decl.parameters.map(\.name.name).joined(separator: ", ") + ")"
        case .builtin(let b): text += "  " + b.usage
        default: break
        }
        output.out(palette.paint(text, as: value) + "\n")
    }

    /// `:time CODE`: runs it as prompt input (echo, `ans`), then prints the wall time.
    func time(_ argument: String) {
        guard !argument.isEmpty else {
            output.err("usage: :time EXPR   e.g. :time sum(range(1e6))\n")
            return
        }
        let start = DispatchTime.now().uptimeNanoseconds
        evaluate(argument)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        output.out("\(palette.dim)time: \(Durations.format(seconds: seconds)) (wall)\(palette.reset)\n")
    }

    // MARK: :load, :reset

    /// `:load FILE`: runs the file in this session (its definitions stay) and lists the new names.
    func load(_ argument: String) {
        var path = argument.trimmingBlanks()
        if path.count >= 2, let q = path.first, q == "\"" || q == "'", path.last == q {
            path = String(path.dropFirst().dropLast())
        }
        guard !path.isEmpty else {
            output.err("usage: :load FILE   e.g. :load examples/functions.kls\n")
            return
        }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            path = home + path.dropFirst()
        }
        guard let source = Launcher.readSource(path) else { return }
        let before = Set(interpreter.variableNames)
        let succeeded = execute(source, name: path).succeeded
        let added = interpreter.variableNames.filter { !before.contains($0) }
        guard succeeded else { return }
        var text = "loaded \(path)"
        if !added.isEmpty { text += ": " + added.joined(separator: ", ") }
        output.out("\(palette.dim)\(Prompt.oneLine(text, width: 200))\(palette.reset)\n")
    }

    /// `:reset`: a fresh session (same builtins), so every variable and `ans` are gone.
    func reset() {
        session = Prompt.makeSession(registry: interpreter.registry, output: output)
        output.out("\(palette.dim)All variables forgotten.\(palette.reset)\n")
    }
}
