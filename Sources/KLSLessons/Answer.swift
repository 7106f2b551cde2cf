import KLSRuntime
import KLSSyntax

/// What the student typed for a step and what running it gave.
public struct Answer {
    /// The code as typed.
    public var source: String
    /// Its value: the final expression's, or the value of the name a final assignment or
    /// function definition made (so `h = H(P, base=2)` answers as well as `H(P, base=2)`).
    public var value: Value?
    /// Whether it ran without error.
    public var succeeded: Bool

    public init(source: String, value: Value?, succeeded: Bool) {
        self.source = source
        self.value = value
        self.succeeded = succeeded
    }

    /// The answer to `source` after it ran in `session`, given the value it echoed.
    public static func of(_ source: String, echoed: Value?, succeeded: Bool, in session: Session) -> Answer {
        var value = echoed
        if value == nil, succeeded, let name = finalDefinition(in: source) {
            value = session.interpreter.global(name)
        }
        return Answer(source: source, value: value, succeeded: succeeded)
    }

    /// The name a program's last statement assigns or defines, if it does.
    static func finalDefinition(in source: String) -> String? {
        guard case .complete(let program) = Parser.parse(SourceFile(name: "<answer>", text: source)),
              let last = program.statements.last else { return nil }
        switch last {
        case .assign(let name, _, _): return name.name
        case .function(let decl): return decl.name?.name
        default: return nil
        }
    }

    /// Whether the code only looks at a variable (`P`) or makes a definition (`p = 1/8`,
    /// `f(x) = …`): steps to an answer, which a wrong verdict should not count against.
    public var isExploration: Bool {
        guard case .complete(let program) = Parser.parse(SourceFile(name: "<answer>", text: source)),
              let last = program.statements.last else { return false }
        switch last {
        case .assign, .function: return true
        case .expression(.name, _): return program.statements.count == 1
        default: return false
        }
    }

    /// Whether the code is only a number (`1.5`, `-0.25`): no formula.
    var isBareNumber: Bool {
        guard case .complete(let program) = Parser.parse(SourceFile(name: "<answer>", text: source)),
              program.statements.count == 1, case .expression(let e, _) = program.statements[0] else { return false }
        switch e {
        case .number: return true
        case .unary(_, .number, _): return true
        default: return false
        }
    }

    /// The names the code mentions (identifiers, in order of first appearance).
    var names: Set<String> {
        var found: Set<String> = []
        for token in Lexer.tokenize(SourceFile(name: "<answer>", text: source)) {
            if case .identifier(let n) = token.kind { found.insert(n) }
        }
        return found
    }
}
