import KLSLineEditor
import KLSRuntime
import KLSSyntax

/// The texts of `:help`, all drawn from the builtin registry (signature, summary, help,
/// example) and the language topics, so help never disagrees with what runs.
struct HelpBook {
    let registry: BuiltinRegistry
    let palette: Palette
    /// Where the history is kept (shown under `:help keys`).
    var historyPath: String?
    /// The user's variables (`:help x` describes them; suggestions include them).
    var variable: (String) -> Value? = { _ in nil }
    var variableNames: [String] = []

    /// The registry's categories in the order the builtins were declared.
    var categories: [(name: String, builtins: [Builtin])] {
        var order: [String] = []
        var members: [String: [Builtin]] = [:]
        for b in registry.builtins {
            if members[b.category] == nil { order.append(b.category) }
            members[b.category, default: []].append(b)
        }
        return order.map { ($0, members[$0] ?? []) }
    }

    /// Every topic name `:help` accepts (language topics, then builtin categories).
    var topicNames: [String] { LanguageTopic.allCases.map(\.rawValue) + categories.map(\.name) }

    /// The text of `:help QUERY`: the overview, a language topic, a user's variable or
    /// function, a builtin's page, a builtin category, a keyword's topic, a command, or the
    /// nearest names.
    func page(for query: String) -> String {
        let query = query.trimmingBlanks()
        if query.isEmpty { return overview() }
        if let topic = LanguageTopic(rawValue: query) { return topic.text(historyPath: historyPath) }
        if let value = variable(query) { return describeVariable(query, value) }
        if let b = registry.builtin(named: query) { return builtinPage(b, exampleResult: exampleResult(b)) }
        if let category = categories.first(where: { $0.name == query }) {
            return categoryPage(category.name, builtins: category.builtins)
        }
        if let topic = LanguageTopic.forKeyword(query) {
            return "\(palette.dim)'\(query)' is a keyword; from :help \(topic.rawValue):\(palette.reset)\n"
                + topic.text(historyPath: historyPath)
        }
        if let command = PromptCommand(rawValue: query.hasPrefix(":") ? String(query.dropFirst()) : query) {
            return "\(palette.bold)\(command.usage)\(palette.reset)   \(command.summary)\n"
        }
        return unknown(query, names: registry.names + variableNames + Token.keywordNames)
    }

    /// `:help` on one of the user's own names: its definition, or its kind and value.
    func describeVariable(_ name: String, _ value: Value) -> String {
        if case .closure(let c) = value {
            return "\(palette.code)\(FunctionSource.text(of: c))\(palette.reset)\n"
                + "\(palette.dim)your function \(name), defined at \(FunctionSource.site(of: c))\(palette.reset)\n"
        }
        return "\(name) = " + palette.paint(ValueFormatter.display(value), as: value)
            + "\n\(palette.dim)your variable: \(value.typeName)\(palette.reset)\n"
    }

    /// What a builtin's example prints and gives, run in a scratch session (never the user's);
    /// nil for examples that write files or fail.
    func exampleResult(_ b: Builtin) -> String? {
        let example = b.example
        if example.isEmpty || ["savefig", "animate", "file="].contains(where: { example.contains($0) }) { return nil }
        var printed = ""
        let scratch = Session(interpreter: Interpreter(registry: registry, write: { printed += $0 }))
        Interrupts.requested = false
        defer { Interrupts.requested = false }
        guard case .value(let value) = scratch.run(example, name: "<example>") else { return nil }
        if let value, !ValueFacts.isNone(value) {
            printed += palette.paint(ValueFormatter.display(value), as: value)
        }
        return printed.hasSuffix("\n") ? String(printed.dropLast()) : printed
    }

    /// `:help` alone: the topics and commands on a few lines.
    func overview() -> String {
        let p = palette
        var out = "\(p.bold)kls\(p.reset) — type code and press Enter; Tab completes; ↑ recalls earlier input.\n"
        out += "\(p.heading)Language\(p.reset)   " + LanguageTopic.allCases.map(\.rawValue).joined(separator: "  ") + "\n"
        let builtinTopics = categories.map { "\($0.name) (\($0.builtins.count))" }
        out += wrapped(builtinTopics, label: "\(p.heading)Builtins\(p.reset)   ", indent: 11)
        out += wrapped(PromptCommand.allCases.map(\.usage), label: "\(p.heading)Commands\(p.reset)   ", indent: 11)
        out += "\(p.dim):help TOPIC lists a topic; :help NAME shows a builtin's signature, formula and example (:help linspace).\(p.reset)\n"
        return out
    }

    /// The items on lines of at most 80 columns after a label of `indent` columns.
    func wrapped(_ items: [String], label: String, indent: Int) -> String {
        var out = label
        var column = indent
        for (i, item) in items.enumerated() {
            if i > 0, column + 2 + item.count > 80 {
                out += "\n" + String(repeating: " ", count: indent)
                column = indent
            } else if i > 0 {
                out += "  "
                column += 2
            }
            out += item
            column += item.count
        }
        return out + "\n"
    }

    /// The list of a category: usage and summary of each builtin, aligned.
    func categoryPage(_ name: String, builtins: [Builtin]) -> String {
        let p = palette
        var out = "\(p.heading)\(name)\(p.reset) — \(builtins.count) builtin\(builtins.count == 1 ? "" : "s")  \(p.dim)(:help NAME for one of them)\(p.reset)\n"
        let width = min(30, builtins.map(\.usage.count).max() ?? 0)
        for b in builtins {
            let usage = b.usage
            if usage.count > width {
                out += "  \(p.bold)\(usage)\(p.reset)\n  " + String(repeating: " ", count: width + 2) + b.summary + "\n"
            } else {
                out += "  \(p.bold)\(usage)\(p.reset)" + String(repeating: " ", count: width - usage.count + 2) + b.summary + "\n"
            }
        }
        return out
    }

    /// A builtin's page: usage and category, summary (with its formula), help, the example and
    /// what it gives (`exampleResult`, when it could be run), and its neighbours.
    func builtinPage(_ b: Builtin, exampleResult: String?) -> String {
        let p = palette
        var out = "\(p.bold)\(b.usage)\(p.reset)   \(p.dim)[\(b.category)]\(p.reset)\n"
        out += "  " + b.summary + "\n"
        if case .constant(let value) = b.body, !b.summary.contains(ValueFormatter.display(value)) {
            out += "  = " + p.paint(ValueFormatter.display(value), as: value) + "\n"
        }
        let help = b.help.trimmingBlanks()
        if !help.isEmpty {
            out += "\n" + help.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        if !b.example.isEmpty {
            out += "\n\(p.heading)Example\(p.reset)\n"
            for line in b.example.split(separator: "\n", omittingEmptySubsequences: false) {
                out += "  \(p.dim)kls>\(p.reset) \(p.code)\(line)\(p.reset)\n"
            }
            if let exampleResult, !exampleResult.isEmpty {
                out += exampleResult.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
            }
        }
        let others = (categories.first { $0.name == b.category }?.builtins ?? []).map(\.name).filter { $0 != b.name }
        if !others.isEmpty {
            out += "\n" + wrapped(others, label: "\(p.dim)See also\(p.reset)  ", indent: 10)
        }
        return out
    }

    /// What `:help` says for a name it does not know, with the nearest names.
    func unknown(_ query: String, names: [String]) -> String {
        let near = EditDistance.suggestions(for: query, among: names + topicNames)
        var out = "No help for '\(query)'."
        if !near.isEmpty { out += " Did you mean " + near.joined(separator: ", ") + "?" }
        return out + "\n\(palette.dim):help lists the topics.\(palette.reset)\n"
    }
}
