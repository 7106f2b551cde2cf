import KLSSyntax

/// One kls session: the whole pipeline from text to result — lex → parse → resolve →
/// compile → evaluate — with diagnostics returned as data at every stage.
public final class Session {
    public let interpreter: Interpreter

    /// What running one piece of source produced. Indirect: each payload is boxed, so the
    /// case is never packed into spare bits of a payload (a `.failed` outcome read back as
    /// `.value` crashed the test runner once `RuntimeError` carried a `Value`).
    public indirect enum Outcome {
        /// Success; the value of the final expression statement when it should be echoed.
        case value(Value?)
        /// The input is unfinished (the prompt asks for another line).
        case incomplete
        /// Syntax or name errors, found before anything ran.
        case rejected([Diagnostic])
        /// A failure while running (including Ctrl-C).
        case failed(RuntimeError)
    }

    public init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    /// Parses and resolves only (`kls --check`): every syntax error, then name errors.
    public func check(_ source: String, name: String) -> [Diagnostic] {
        let file = SourceFile(name: name, text: source)
        switch Parser.parse(file) {
        case .incomplete:
            if case .failed(let ds) = Parser.parseReportingEnd(file) { return ds }
            return []
        case .failed(let ds): return ds
        case .complete(let program):
            return Resolver.resolve(program, globals: interpreter.globals, registry: interpreter.registry)
        }
    }

    /// Runs `source`. `interactive` turns unfinished input into `.incomplete` rather than an error.
    /// A Ctrl-C that arrives while it runs always ends it as `interrupted`, even when it
    /// arrives during the last statement and nothing after it polls.
    public func run(_ source: String, name: String, interactive: Bool = false) -> Outcome {
        let outcome = interpreter.interrupt.installed { runInstalled(source, name: name, interactive: interactive) }
        if case .value = outcome, interpreter.interrupt.requested {
            interpreter.interrupt.requested = false
            return .failed(RuntimeError.interrupted(at: nil, in: nil))
        }
        return outcome
    }

    private func runInstalled(_ source: String, name: String, interactive: Bool) -> Outcome {
        let file = SourceFile(name: name, text: source)
        let program: Program
        switch Parser.parse(file) {
        case .complete(let p): program = p
        case .incomplete:
            if interactive { return .incomplete }
            if case .failed(let ds) = Parser.parseReportingEnd(file) { return .rejected(ds) }
            return .rejected([])
        case .failed(let ds): return .rejected(ds)
        }
        let problems = Resolver.resolve(program, globals: interpreter.globals, registry: interpreter.registry)
        if !problems.isEmpty { return .rejected(problems) }
        let compiler = Compiler(interp: interpreter, file: file)
        interpreter.stackFloor = NativeStack.floorOfCurrentThread()
        // Top-level code reads and writes globals only; its frame holds no slots.
        let top = Frame.make(slotCount: 0, parent: nil)
        do {
            // Top-level `fn` declarations are hoisted: callable before their definition.
            for case .function(let decl) in program.statements where decl.name != nil {
                _ = try compiler.statement(.function(decl))(top)
            }
            var result: Value?
            for (i, stmt) in program.statements.enumerated() {
                if case .function = stmt { continue }
                if i == program.statements.count - 1, case .expression(let e, let echo) = stmt {
                    let v = try compiler.expression(e)(top)
                    result = echo ? v : nil
                    break
                }
                if case .returned = try compiler.statement(stmt)(top) { break }
            }
            return .value(result)
        } catch let e as RuntimeError {
            interpreter.interrupt.requested = false
            return .failed(e)
        } catch {
            return .failed(RuntimeError(String(describing: error), at: nil, in: file))
        }
    }
}
