import KLSNumerics
import KLSSyntax

/// Turns a resolved program into Swift closures (one per node), so evaluation walks no
/// tree and does no name lookups: every variable access is a slot access.
struct Compiler {
    unowned let interp: Interpreter
    let file: SourceFile

    /// Converts any error from an operation into a runtime error at `span`.
    @inline(__always)
    func located<T>(_ span: SourceSpan, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as RuntimeError { throw e } catch {
            throw RuntimeError(String(describing: error), at: span, in: file)
        }
    }

    // MARK: Blocks and functions

    /// A statement sequence as a chain of closures (no array of closures: calling through
    /// one would add a reabstraction thunk per statement).
    func block(_ stmts: [Stmt]) -> CompiledStmt {
        guard let first = stmts.first else { return { _ in .normal } }
        let head = statement(first)
        if stmts.count == 1 { return head }
        let rest = block(Array(stmts.dropFirst()))
        return { frame in
            let f = try head(frame)
            if case .normal = f { return try rest(frame) }
            return f
        }
    }

    func function(_ decl: FunctionDecl) -> CompiledFunction {
        let body: (Frame) throws -> Value
        if decl.body.count == 1, case .returnValue(let e?, _) = decl.body[0] {
            body = expression(e)
        } else {
            let b = block(decl.body)
            body = { frame in
                if case .returned(let v) = try b(frame) { return v }
                return .none
            }
        }
        return CompiledFunction(body: body, signature: Signature(decl: decl), file: file)
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
                let v = g.slots[slot]
                if case .unset = v { throw unset() }
                return v
            }
        case .builtin(let i):
            if case .constant(let v) = interp.registry.builtins[i].body { return { _ in v } }
            return { _ in .builtin(i) }
        case nil:
            return { _ in throw RuntimeError("undefined name '\(name)'", at: span, in: file) }
        }
    }

    /// A store into the slot of `n`.
    func store(_ n: NameRef) -> (Frame, Value) -> Void {
        switch n.resolution {
        case .local(let slot): return { frame, v in frame.slots[slot] = v }
        case .enclosing(let depth, let slot): return { frame, v in frame.ancestor(depth).slots[slot] = v }
        case .global(let index):
            let (g, slot) = interp.globals.location(index)
            return { _, v in g.slots[slot] = v }
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
