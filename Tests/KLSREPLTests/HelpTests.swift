import KLSRuntime
import Testing
@testable import KLSREPL

/// `:help` pages drawn from the builtin registry and the language topics.
struct HelpTests {
    let registry = BuiltinRegistry.standard()

    func book(variables: [String: Value] = [:]) -> HelpBook {
        HelpBook(registry: registry, palette: Palette(enabled: false), historyPath: "/tmp/h",
                 variable: { variables[$0] }, variableNames: Array(variables.keys))
    }

    @Test func categoriesCoverEveryBuiltinOnce() {
        let categories = book().categories
        let listed = categories.flatMap { $0.builtins.map(\.name) }
        #expect(listed.sorted() == registry.names.sorted())
        #expect(Set(categories.map(\.name)).count == categories.count)
        #expect(categories.first?.name == registry.builtins.first?.category)
    }

    @Test func overviewListsTopicsCategoriesAndCommands() {
        let text = book().overview()
        for topic in LanguageTopic.allCases { #expect(text.contains(topic.rawValue)) }
        for category in book().categories {
            #expect(text.contains("\(category.name) (\(category.builtins.count))"))
        }
        for command in PromptCommand.allCases { #expect(text.contains(command.usage)) }
        // Compact: a handful of lines, none wider than 120 columns.
        let lines = text.split(separator: "\n")
        #expect(lines.count <= 8)
        #expect(lines.allSatisfy { $0.count <= 120 })
    }

    @Test func builtinPageShowsSignatureSummaryExampleAndItsResult() throws {
        let linspace = try #require(registry.builtin(named: "linspace"))
        let page = book().page(for: "linspace")
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix(linspace.usage))
        #expect(lines[0].contains("[\(linspace.category)]"))
        #expect(lines[1] == "  " + linspace.summary)
        #expect(page.contains("kls> " + linspace.example))
        // The example's value, computed by running it: linspace(0, 1, 5).
        #expect(page.contains("  [0, 0.25, 0.5, 0.75, 1]"))
        #expect(page.contains("See also"))
    }

    @Test func exampleOutputIncludesWhatItPrints() throws {
        let print = try #require(registry.builtin(named: "print"))
        #expect(book().exampleResult(print) == "KL = 0.25")
    }

    @Test func constantsShowTheirValueOnce() {
        let page = book().page(for: "pi")
        #expect(page.components(separatedBy: "3.141592653589793").count - 1 == 2)  // summary and example result
    }

    @Test func categoryPageListsItsBuiltins() throws {
        let category = try #require(book().categories.first)
        let page = book().page(for: category.name)
        for b in category.builtins { #expect(page.contains(b.usage)) }
    }

    @Test func languageTopicsKeywordsAndCommands() {
        #expect(book().page(for: "syntax") == LanguageTopic.syntax.text(historyPath: "/tmp/h"))
        #expect(book().page(for: "keys").contains("/tmp/h"))
        #expect(book().page(for: "for").contains("for i in range(3)"))
        #expect(book().page(for: "return").contains("fn h(a, b=1)"))
        #expect(book().page(for: ":load").hasPrefix(":load FILE"))
        #expect(book().page(for: "vars").hasPrefix(":vars"))
        #expect(LanguageTopic.commands.text(historyPath: nil).contains(":time EXPR"))
    }

    @Test func symbolsTopicListsOnlyKnownNames() {
        let text = LanguageTopic.symbols.text(historyPath: nil)
        #expect(text.contains("\\mu μ"))
        #expect(text.contains("\\| ‖"))
        #expect(!text.contains("\\cdot"))
    }

    @Test func userVariablesAndUnknownNames() {
        let b = book(variables: ["rate": .number(0.5)])
        #expect(b.page(for: "rate") == "rate = 0.5\nyour variable: number\n")
        #expect(b.page(for: "sigmod").contains("Did you mean sigmoid?"))
        #expect(b.page(for: "rat").contains("rate"))
        #expect(b.page(for: "zzzzzz") == "No help for 'zzzzzz'.\n:help lists the topics.\n")
    }

    @Test func userFunctionsShowTheirDefinition() throws {
        let session = Session(interpreter: Interpreter(registry: registry, write: { _ in }))
        _ = session.run("sq(t) = t^2\nfn twice(x) {\n  return 2 * x   # doubled\n}\nk = 1", name: "<prompt>")
        let sq = try #require(session.interpreter.global("sq"))
        let twice = try #require(session.interpreter.global("twice"))
        let b = book(variables: ["sq": sq, "twice": twice])
        #expect(b.page(for: "sq") == "sq(t) = t^2\nyour function sq, defined at <prompt>:1\n")
        #expect(b.page(for: "twice").hasPrefix("fn twice(x) {\n  return 2 * x   # doubled\n}\n"))
    }

    @Test func suggestionsByEditDistance() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("ab", "ba") == 1)  // a transposition
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.isNear("Sigmoid", "sigmoid"))
        #expect(!EditDistance.isNear("x", "pi"))
        #expect(EditDistance.suggestions(for: "mena", among: ["mean", "men", "max", "median"]) == ["mean", "men"])
    }
}
