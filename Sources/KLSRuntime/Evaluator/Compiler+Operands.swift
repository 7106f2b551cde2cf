import KLSNumerics
import KLSSyntax

/// Specialised closures for arithmetic and comparisons whose operands are literals or local
/// slots: the common shapes `s + i * 0.5`, `n - 1`, `i < n` evaluate with no closure call
/// per operand and no boxing on the number–number path.
extension Compiler {
    /// How an operand is fetched.
    enum Operand {
        case constant(Double)
        case local(Int, NameRef)
        /// A slot of the global frame.
        case global(Frame, Int, NameRef)
        case general(CompiledExpr)

        /// The operand's number, or nil when it holds something else (or is unassigned, or
        /// is a general expression): the caller then takes its general path.
        @inline(__always)
        func number(_ frame: Frame) -> Double? {
            switch self {
            case .constant(let c): return c
            case .local(let i, _):
                if case .number(let x) = frame.slots[i] { return x }
                return nil
            case .global(let chunk, let i, _):
                if case .number(let x) = chunk.slots[i] { return x }
                return nil
            case .general: return nil
            }
        }
    }

    /// Whether `e` is a literal number or a local or global variable (an operand read with
    /// no closure call).
    static func isDirectOperand(_ e: Expr) -> Bool {
        if case .number = e { return true }
        if case .name(let n) = e {
            if case .local? = n.resolution { return true }
            if case .global? = n.resolution { return true }
        }
        return false
    }

    func operand(_ e: Expr) -> Operand {
        if case .number(let x, _) = e { return .constant(x) }
        if case .name(let n) = e {
            if case .local(let slot)? = n.resolution { return .local(slot, n) }
            if case .global(let index)? = n.resolution {
                let (chunk, offset) = interp.globals.location(index)
                return .global(chunk, offset, n)
            }
        }
        return .general(expression(e))
    }

    /// Reads a slot of `frame`, reporting an unassigned variable.
    @inline(__always)
    func read(_ frame: Frame, _ slot: Int, _ n: NameRef) throws -> Value {
        // A number is rebuilt from its payload: no call to the enum's outlined copy.
        if case .number(let x) = frame.slots[slot] { return .number(x) }
        let v = frame.slots[slot]
        if case .unset = v { throw RuntimeError("'\(n.name)' is used before it is assigned", at: n.span, in: file) }
        return v
    }

    /// The value of an operand: literals and variables are read in place; anything else
    /// runs its compiled closure.
    @inline(__always)
    func value(of o: Operand, _ frame: Frame) throws -> Value {
        switch o {
        case .constant(let c): return .number(c)
        case .local(let i, let n): return try read(frame, i, n)
        case .global(let chunk, let i, let n): return try read(chunk, i, n)
        case .general(let f): return try f(frame)
        }
    }

    func arithmetic<O: NumberOperator>(_: O.Type, _ a: Expr, _ b: Expr, _ span: SourceSpan) -> CompiledExpr {
        let interp = self.interp
        @inline(__always) func slow(_ x: Value, _ y: Value) throws -> Value {
            try located(span) { try interp.arithmetic(O.kernel, x, y) }
        }
        switch (operand(a), operand(b)) {
        case (.local(let i, let n), .constant(let c)):
            return { frame in
                let x = try read(frame, i, n)
                if case .number(let p) = x { return .number(O.apply(p, c)) }
                return try slow(x, .number(c))
            }
        case (.global(let g, let i, let n), .constant(let c)):
            return { _ in
                let x = try read(g, i, n)
                if case .number(let p) = x { return .number(O.apply(p, c)) }
                return try slow(x, .number(c))
            }
        case (.global(let g, let i, let n), .general(let f)):
            return { frame in
                let x = try read(g, i, n), y = try f(frame)
                if case .number(let p) = x, case .number(let q) = y { return .number(O.apply(p, q)) }
                return try slow(x, y)
            }
        case (.general(let f), .constant(let c)):
            return { frame in
                let x = try f(frame)
                if case .number(let p) = x { return .number(O.apply(p, c)) }
                return try slow(x, .number(c))
            }
        case (.constant(let c), .general(let g)):
            return { frame in
                let y = try g(frame)
                if case .number(let q) = y { return .number(O.apply(c, q)) }
                return try slow(.number(c), y)
            }
        case (.local(let i, let n), .local(let j, let m)):
            return { frame in
                let x = try read(frame, i, n), y = try read(frame, j, m)
                if case .number(let p) = x, case .number(let q) = y { return .number(O.apply(p, q)) }
                return try slow(x, y)
            }
        case (.local(let i, let n), .general(let g)):
            return { frame in
                let x = try read(frame, i, n), y = try g(frame)
                if case .number(let p) = x, case .number(let q) = y { return .number(O.apply(p, q)) }
                return try slow(x, y)
            }
        case (.general(let f), .local(let j, let m)):
            return { frame in
                let x = try f(frame), y = try read(frame, j, m)
                if case .number(let p) = x, case .number(let q) = y { return .number(O.apply(p, q)) }
                return try slow(x, y)
            }
        default:
            let f = expression(a), g = expression(b)
            return { frame in
                let x = try f(frame), y = try g(frame)
                if case .number(let p) = x, case .number(let q) = y { return .number(O.apply(p, q)) }
                return try slow(x, y)
            }
        }
    }

    func comparison<C: NumberComparison>(_: C.Type, _ op: BinaryOperator, _ a: Expr, _ b: Expr,
                                         _ span: SourceSpan) -> CompiledExpr {
        let interp = self.interp
        let f = expression(a), g = expression(b)
        return { frame in
            let x = try f(frame), y = try g(frame)
            if case .number(let p) = x, case .number(let q) = y { return .bool(C.test(p, q)) }
            return try located(span) { try interp.compare(C.self, op, x, y) }
        }
    }

    /// Any expression as a condition: its value must be a boolean (or a number, non-zero
    /// meaning true).
    func condition(_ e: Expr, what: String) -> (Frame) throws -> Bool {
        let x = expression(e), span = e.span
        return { frame in
            let v = try x(frame)
            if case .bool(let b) = v { return b }
            return try truth(v, what: what, span)
        }
    }

    /// The truth of a condition's value (`Interpreter.truth`), or the error of `what` at `span`.
    @inline(__always)
    func truth(_ v: Value, what: String, _ span: SourceSpan) throws -> Bool {
        guard let t = Interpreter.truth(v) else {
            throw RuntimeError("\(what) must be a boolean (got \(v.typeName))", at: span, in: file)
        }
        return t
    }
}
