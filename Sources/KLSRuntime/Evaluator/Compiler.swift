import KLSNumerics
import KLSSyntax

/// Turns a resolved program into Swift closures (one per node), so evaluation walks no
/// tree and does no name lookups: every variable access is a slot access.
struct Compiler {
    unowned let interp: Interpreter
    let file: SourceFile

    /// Whether to compile the general code only, with no specialisation (`Interpreter.plain`).
    var plain: Bool { interp.plain }

    /// Converts any error from an operation into a runtime error at `span`.
    @inline(__always)
    func located<T>(_ span: SourceSpan, _ body: () throws -> T) throws -> T {
        try Compiler.located(span, file, body)
    }

    /// Converts any error from an operation into a runtime error at `span` of `file`.
    @inline(__always)
    static func located<T>(_ span: SourceSpan, _ file: SourceFile, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as RuntimeError { throw e } catch {
            throw RuntimeError(String(describing: error), at: span, in: file)
        }
    }

    // MARK: Blocks and functions

    /// A statement sequence. Short blocks (the common case) are a chain of closures, with no
    /// array to walk and no reabstraction thunk per statement; long ones loop over an array,
    /// so neither compiling nor running them recurses once per statement.
    func block(_ stmts: [Stmt]) -> CompiledStmt {
        // Short blocks compile their statements directly: a closure taken out of an array
        // is called through a reabstraction thunk.
        switch stmts.count {
        case 0: return { _ in .normal }
        case 1: return statement(stmts[0])
        case 2:
            let s0 = statement(stmts[0]), s1 = statement(stmts[1])
            return { frame in
                let f = try s0(frame)
                if case .normal = f { return try s1(frame) }
                return f
            }
        case 3:
            let s0 = statement(stmts[0]), s1 = statement(stmts[1]), s2 = statement(stmts[2])
            return { frame in
                var f = try s0(frame)
                guard case .normal = f else { return f }
                f = try s1(frame)
                guard case .normal = f else { return f }
                return try s2(frame)
            }
        default:
            let compiled = stmts.map(statement)
            return { frame in
                for s in compiled {
                    let f = try s(frame)
                    guard case .normal = f else { return f }
                }
                return .normal
            }
        }
    }

    func function(_ decl: FunctionDecl) -> CompiledFunction {
        CompiledFunction(body: valueBlock(decl.body[...]), numeric: numericCode(decl), signature: Signature(decl: decl), file: file)
    }

    /// A function body as one closure producing the call's value: `return e` is `e`, and an
    /// `if` whose branch ends in `return` is a conditional expression, so the usual shapes
    /// (`if n < 2 { return n }; return …`) pass no control-flow value around.
    func valueBlock(_ stmts: ArraySlice<Stmt>) -> CompiledExpr {
        guard let first = stmts.first else { return { _ in .none } }
        let rest = stmts.dropFirst()
        if plain {
            let body = block(Array(stmts))
            return { frame in
                if case .returned(let v) = try body(frame) { return v }
                return .none
            }
        }
        if case .returnValue(let e, _) = first {
            guard let e else { return { _ in .none } }
            return expression(e)
        }
        if stmts.count <= Compiler.maxValueBlockLength, case .ifElse(let c, let a, let b, _) = first {
            let otherwise = b ?? []
            let thenReturns = Compiler.alwaysReturns(a[...]), elseReturns = b != nil && Compiler.alwaysReturns(otherwise[...])
            if thenReturns || elseReturns {
                let yes = valueBlock(thenReturns ? a[...] : a[...] + rest)
                let no = valueBlock(elseReturns ? otherwise[...] : otherwise[...] + rest)
                let general = condition(c, what: "an 'if' condition")
                // `if c { return n }`: a literal or variable result is read in place.
                var direct: Operand?
                if thenReturns, a.count == 1, case .returnValue(let e?, _) = a[0], Compiler.isDirectOperand(e) { direct = operand(e) }
                let choice = Choice(yes: yes, no: no, direct: direct, compiler: self)
                if let (op, l, r) = comparedOperands(c),
                   let code = op.built(DirectTestSite(consumer: choice, left: l, right: r, general: general)).consumer.code {
                    return code
                }
                return choice.choose(CompiledCondition(test: general))
            }
        }
        // A run of statements for effect, then the value of the rest.
        let split = stmts.firstIndex(where: { if case .returnValue = $0 { return true }; return false }) ?? stmts.endIndex
        let effects = block(Array(stmts[..<split]))
        let value = split < stmts.endIndex ? valueBlock(stmts[split...]) : { _ in .none }
        return { frame in
            if case .returned(let v) = try effects(frame) { return v }
            return try value(frame)
        }
    }

    /// Bodies longer than this compile as plain blocks (bounds the compiler's recursion).
    static let maxValueBlockLength = 32

    /// Whether running `stmts` always ends in a `return`.
    static func alwaysReturns(_ stmts: ArraySlice<Stmt>) -> Bool {
        switch stmts.last {
        case .returnValue?: return true
        case .ifElse(_, let a, let b?, _)?: return alwaysReturns(a[...]) && alwaysReturns(b[...])
        default: return false
        }
    }

    /// A closure value for `decl`, created in `frame` (nil environment at the top level).
    func closureMaker(_ decl: FunctionDecl, topLevel: Bool) -> CompiledExpr {
        let compiled = function(decl)
        let defaults: [CompiledExpr?] = decl.parameters.map { $0.defaultValue.map(expression) }
        return { frame in
            let values = try defaults.map { try $0?(frame) }
            return .closure(Closure(decl: decl, compiled: compiled, environment: topLevel ? nil : frame, defaults: values))
        }
    }

    // MARK: Variables

    func load(_ n: NameRef) -> CompiledExpr {
        let name = n.name, span = n.span, file = self.file
        let interp = self.interp
        func unset() -> RuntimeError { RuntimeError("'\(name)' is used before it is assigned", at: span, in: file) }
        switch n.resolution {
        case .local(let slot):
            return { frame in
                if case .number(let x) = frame.slots[slot] { return .number(x) }
                let v = frame.slots[slot]
                if case .unset = v { throw unset() }
                return v
            }
        case .enclosing(let depth, let slot):
            return { frame in
                let v = frame.ancestor(depth).slots[slot]
                if case .unset = v { throw unset() }
                return v
            }
        case .global(let index):
            let (g, slot) = interp.globals.location(index)
            return { _ in
                if case .number(let x) = g.slots[slot] { return .number(x) }
                let v = g.slots[slot]
                if case .unset = v { throw unset() }
                return v
            }
        case .builtin(let i):
            if case .constant(let v) = interp.registry.builtins[i].body { return { _ in v } }
            let builtin = Value.builtin(interp.registry.builtins[i])
            return { _ in builtin }
        case nil:
            return { _ in throw RuntimeError("undefined name '\(name)'", at: span, in: file) }
        }
    }

    /// A store into the slot of `n`.
    func store(_ n: NameRef) -> (Frame, Value) -> Void {
        switch n.resolution {
        case .local(let slot): return { frame, v in (frame.slots + slot).replace(with: v) }
        case .enclosing(let depth, let slot): return { frame, v in (frame.ancestor(depth).slots + slot).replace(with: v) }
        case .global(let index):
            let (g, slot) = interp.globals.location(index)
            return { _, v in (g.slots + slot).replace(with: v) }
        case .builtin, nil: return { _, _ in }
        }
    }

    /// Reads and writes the slot of `n` in place (for `v[i] = x`).
    func slotPointer(_ n: NameRef) -> (Frame) -> UnsafeMutablePointer<Value>? {
        switch n.resolution {
        case .local(let slot): return { frame in frame.slots + slot }
        case .enclosing(let depth, let slot): return { frame in frame.ancestor(depth).slots + slot }
        case .global(let index):
            let (g, slot) = interp.globals.location(index)
            return { _ in g.slots + slot }
        case .builtin, nil: return { _ in nil }
        }
    }
}

/// A function body's `if c { … return } …` as a choice between two values on the test of
/// `c` (`Compiler.valueBlock`); a literal or variable `yes` is read in place.
private struct Choice: TestConsumer {
    let yes: CompiledExpr, no: CompiledExpr
    let direct: Compiler.Operand?
    let compiler: Compiler
    var code: CompiledExpr?

    init(yes: @escaping CompiledExpr, no: @escaping CompiledExpr, direct: Compiler.Operand?, compiler: Compiler) {
        (self.yes, self.no, self.direct, self.compiler) = (yes, no, direct, compiler)
    }

    mutating func make<T: ConditionTest>(_ test: T) { code = choose(test) }

    func choose<T: ConditionTest>(_ test: T) -> CompiledExpr {
        if let direct { return choose(test, DirectArgument(direct, compiler)) }
        return choose(test, CompiledArgument(yes))
    }

    private func choose<T: ConditionTest, Y: ArgumentReader>(_ test: T, _ yes: Y) -> CompiledExpr {
        let no = self.no
        return { frame in try test(frame) ? try yes(frame) : try no(frame) }
    }
}
