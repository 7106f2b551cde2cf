import KLSNumerics
import KLSSyntax

/// In-place updates `x = x op e` (the `s = s + …`, `i = i + 1` of every loop) compile to one
/// closure that reads the slot, computes and writes back, with the number–number path inline.
extension Compiler {
    /// A specialised closure for `n = n op rhs`, or nil when the statement has another shape.
    func update(_ n: NameRef, _ value: Expr) -> CompiledStmt? {
        guard !plain, case .binary(let op, .name(let left), let rhs, let span) = value, op.arithmetic != nil,
              left.name == n.name, left.resolution == n.resolution else { return nil }
        switch n.resolution {
        case .local(let i): return op.built(UpdateSite(compiler: self, slot: LocalSlot(index: i), name: left, rhs: rhs, span: span)).code
        case .global(let index):
            let (chunk, i) = interp.globals.location(index)
            return op.built(UpdateSite(compiler: self, slot: GlobalSlot(chunk: chunk, index: i), name: left, rhs: rhs, span: span)).code
        default: return nil
        }
    }

    fileprivate func update<O: NumberOperator, S: SlotAccess>(_: O.Type, _ slot: S, _ n: NameRef, _ rhs: Expr,
                                                          _ span: SourceSpan) -> CompiledStmt {
        let fallback = UpdateFallback<O>(interp: interp, file: file, name: n, span: span)
        if case .number(let c, _) = rhs {
            let update = ConstantUpdate(slot: slot, constant: c, fallback: fallback)
            return { frame in try update.run(frame) }
        }
        let y = expression(rhs)
        // `s = s + i * 0.5`: the right side's operands are read in place and combined here,
        // with no closure call; anything but numbers takes the general path.
        if case .binary(let op, let a, let b, _) = rhs, op.arithmetic != nil,
           Compiler.isDirectOperand(a), Compiler.isDirectOperand(b),
           let fused = op.built(FusedSite<O, S>(slot: slot, left: operand(a), right: operand(b), rhs: y, fallback: fallback)).code {
            return fused
        }
        let update = GeneralUpdate(slot: slot, rhs: y, fallback: fallback)
        return { frame in try update.run(frame) }
    }

    /// `v = append(v, x)` (the builtin `append`, the same variable on both sides) appends in
    /// place when `v` holds a vector or list and `x` fits it: the vector is moved out of its
    /// slot, so it is uniquely held and grows with no copy. Anything else calls `append`.
    /// Only when `x` makes no calls, so evaluating it cannot change `v`.
    func inPlaceAppend(_ n: NameRef, _ value: Expr) -> CompiledStmt? {
        guard !plain, case .call(.name(let callee), let args, _) = value, case .builtin(let i)? = callee.resolution,
              interp.registry.builtins[i].compilerForm == .inPlaceAppend, args.count == 2, args.allSatisfy({ $0.label == nil }),
              case .name(let target) = args[0].value, target.name == n.name, target.resolution == n.resolution,
              Compiler.makesNoCalls(args[1].value) else { return nil }
        let slot = slotPointer(n), general = expression(value), item = expression(args[1].value)
        return { frame in
            guard let p = slot(frame) else { return .normal }
            if case .tensor = p.pointee {
                if case .number(let d) = try item(frame), case .tensor(var vector) = p.pointee, vector.rank == 1 {
                    p.pointee = .none  // the slot lets go: `vector` is the only reference
                    vector.data.append(d)
                    vector.shape[0] += 1
                    p.pointee = .tensor(vector)
                    return .normal
                }
            } else if case .list = p.pointee {
                let x = try item(frame)
                if case .list(var items) = p.pointee {
                    p.pointee = .none
                    items.append(x)
                    p.pointee = .list(items)
                    return .normal
                }
            }
            p.pointee = try general(frame)
            return .normal
        }
    }

    /// Whether evaluating `e` calls no function (so it cannot assign any variable).
    static func makesNoCalls(_ e: Expr) -> Bool {
        switch e {
        case .number, .string, .bool, .none, .name: return true
        case .formatString(let parts, _):
            return parts.allSatisfy { if case .value(let e, _, _, _, _) = $0 { return makesNoCalls(e) }; return true }
        case .unary(_, let a, _): return makesNoCalls(a)
        case .binary(_, let a, let b, _), .logical(_, let a, let b, _):
            return makesNoCalls(a) && makesNoCalls(b)
        case .index(let a, let subscripts, _):
            return makesNoCalls(a) && subscripts.flatMap(\.expressions).allSatisfy(makesNoCalls)
        case .field(let a, _, _): return makesNoCalls(a)
        case .array(let items, _): return items.allSatisfy(makesNoCalls)
        case .call, .lambda: return false
        }
    }
}

// The three forms of `x = x op e`, each one object that its closure captures: the closure's
// context is then a single reference (a context of several captured values is unpacked into
// arguments on every call).

/// `x = x op e` when x or e is not a number, or x is unassigned: the general arithmetic.
final class UpdateFallback<O: NumberOperator> {
    let interp: Interpreter
    let file: SourceFile
    let name: NameRef
    let span: SourceSpan

    init(interp: Interpreter, file: SourceFile, name: NameRef, span: SourceSpan) {
        self.interp = interp
        self.file = file
        self.name = name
        self.span = span
    }

    func apply(_ p: UnsafeMutablePointer<Value>, _ y: Value) throws {
        if O.self == AddOperator.self, case .string = p.pointee, case .string(let t) = y {
            try appendInPlace(p, t)
            return
        }
        let x = p.pointee
        if case .unset = x { throw RuntimeError("'\(name.name)' is used before it is assigned", at: name.span, in: file) }
        p.pointee = try Compiler.located(span, file) { try interp.arithmetic(O.kernel, x, y) }
    }
}

extension UpdateFallback {
    /// `s = s + t` for strings: the string is moved out of its slot, so it is uniquely held
    /// and grows in place (amortised linear, like `append`), then moved back.
    private func appendInPlace(_ p: UnsafeMutablePointer<Value>, _ t: String) throws {
        guard case .string(var s) = p.move() else { preconditionFailure("the slot holds a string") }
        defer { p.initialize(to: .string(s)) }
        try Compiler.located(span, file) { try Interpreter.checkConcatenation(s, t) }
        s += t
    }
}

/// `x = x op c` for a number literal c.
final class ConstantUpdate<O: NumberOperator, S: SlotAccess> {
    let slot: S
    let constant: Double
    let fallback: UpdateFallback<O>

    init(slot: S, constant: Double, fallback: UpdateFallback<O>) {
        self.slot = slot
        self.constant = constant
        self.fallback = fallback
    }

    @inline(__always) func run(_ frame: Frame) throws -> Flow {
        let p = slot.pointer(in: frame)
        if case .number(let x) = p.pointee { p.pointee = .number(O.apply(x, constant)) } else { try fallback.apply(p, .number(constant)) }
        return .normal
    }
}

/// `x = x op (a inner b)` with a and b literals or variables, read in place.
final class FusedUpdate<O: NumberOperator, I: NumberOperator, S: SlotAccess> {
    let slot: S
    let left: Compiler.Operand
    let right: Compiler.Operand
    let rhs: CompiledExpr
    let fallback: UpdateFallback<O>

    init(slot: S, left: Compiler.Operand, right: Compiler.Operand, rhs: @escaping CompiledExpr, fallback: UpdateFallback<O>) {
        self.slot = slot
        self.left = left
        self.right = right
        self.rhs = rhs
        self.fallback = fallback
    }

    @inline(__always) func run(_ frame: Frame) throws -> Flow {
        let p = slot.pointer(in: frame)
        if case .number(let x) = p.pointee, let u = left.number(frame), let w = right.number(frame) {
            p.pointee = .number(O.apply(x, I.apply(u, w)))
            return .normal
        }
        try fallback.apply(p, try rhs(frame))
        return .normal
    }
}

/// `x = x op e` for any other e (evaluated first).
final class GeneralUpdate<O: NumberOperator, S: SlotAccess> {
    let slot: S
    let rhs: CompiledExpr
    let fallback: UpdateFallback<O>

    init(slot: S, rhs: @escaping CompiledExpr, fallback: UpdateFallback<O>) {
        self.slot = slot
        self.rhs = rhs
        self.fallback = fallback
    }

    @inline(__always) func run(_ frame: Frame) throws -> Flow {
        let v = try rhs(frame)
        let p = slot.pointer(in: frame)
        if case .number(let x) = p.pointee, case .number(let q) = v { p.pointee = .number(O.apply(x, q)) } else { try fallback.apply(p, v) }
        return .normal
    }
}

/// `n = n op rhs` for the operator of `op` (`Compiler.update`).
private struct UpdateSite<S: SlotAccess>: ArithmeticSite {
    let compiler: Compiler
    let slot: S
    let name: NameRef
    let rhs: Expr
    let span: SourceSpan
    var code: CompiledStmt?

    init(compiler: Compiler, slot: S, name: NameRef, rhs: Expr, span: SourceSpan) {
        (self.compiler, self.slot, self.name, self.rhs, self.span) = (compiler, slot, name, rhs, span)
    }

    mutating func arithmetic<O: NumberOperator>(_: O.Type) { code = compiler.update(O.self, slot, name, rhs, span) }
}

/// `n = n O (a I b)` with `a` and `b` read in place, for the inner operator `I`.
private struct FusedSite<O: NumberOperator, S: SlotAccess>: ArithmeticSite {
    let slot: S
    let left: Compiler.Operand, right: Compiler.Operand
    let rhs: CompiledExpr
    let fallback: UpdateFallback<O>
    var code: CompiledStmt?

    init(slot: S, left: Compiler.Operand, right: Compiler.Operand, rhs: @escaping CompiledExpr, fallback: UpdateFallback<O>) {
        (self.slot, self.left, self.right, self.rhs, self.fallback) = (slot, left, right, rhs, fallback)
    }

    mutating func arithmetic<I: NumberOperator>(_: I.Type) {
        let update = FusedUpdate<O, I, S>(slot: slot, left: left, right: right, rhs: rhs, fallback: fallback)
        code = { frame in try update.run(frame) }
    }
}
