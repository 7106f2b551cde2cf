import KLSNumerics
import KLSSyntax

extension Compiler {
    func statement(_ s: Stmt) -> CompiledStmt {
        let interp = self.interp
        switch s {
        case .expression(let e, _):
            let x = expression(e)
            return { frame in _ = try x(frame); return .normal }
        case .assign(let n, let e, _):
            // (Not `a ?? b`: through the generic operator each closure would be wrapped in
            // two reabstraction thunks, called on every run of the statement.)
            if let fused = update(n, e) { return fused }
            if let fused = inPlaceAppend(n, e) { return fused }
            let x = expression(e)
            switch n.resolution {
            case .local(let slot):
                return { frame in (frame.slots + slot).replace(with: try x(frame)); return .normal }
            case .global(let index):
                let (g, slot) = interp.globals.location(index)
                return { frame in (g.slots + slot).replace(with: try x(frame)); return .normal }
            default:
                let put = store(n)
                return { frame in put(frame, try x(frame)); return .normal }
            }
        case .assignIndex(let n, let groups, let e, let span):
            let slot = slotPointer(n), x = expression(e)
            let load = self.load(n)
            // Indices only (`v[i] = x`, `m[i][j] = x`, `M[i, j] = x`) walk axes one by one;
            // a slice anywhere (`v[1:3] = w`, `M[:, 0] = 0`) selects through `Subscripts`.
            let indices = groups.joined().compactMap(\.index)
            guard indices.count == groups.joined().count else {
                let parts = groups.map { $0.map(subscriptValue) }
                return { frame in
                    guard let p = slot(frame) else { return .normal }
                    if case .unset = p.pointee { _ = try load(frame) }
                    let path = try parts.map { try $0.map { try $0(frame) } }
                    let v = try x(frame)
                    try located(span) { try interp.assign(into: &p.pointee, subscripts: path[...], v) }
                    return .normal
                }
            }
            let xs = indices.map(expression)
            if !plain, indices.count == 1 {
                let k = expression(indices[0])
                let index = Compiler.isDirectOperand(indices[0]) ? operand(indices[0]) : .general(k)
                func elementStore<S: SlotAccess>(_ slot: S) -> CompiledStmt {
                    let store = ElementStore(slot: slot, index: index, indexExpression: k, value: x, load: load,
                                             interp: interp, span: span, file: file)
                    return { frame in try store.run(frame) }
                }
                switch n.resolution {
                case .local(let i): return elementStore(LocalSlot(index: i))
                case .global(let g):
                    let (chunk, i) = interp.globals.location(g)
                    return elementStore(GlobalSlot(chunk: chunk, index: i))
                default: break
                }
                return { frame in
                    guard let p = slot(frame) else { return .normal }
                    if case .unset = p.pointee { _ = try load(frame) }  // reports the unassigned name
                    let index = try k(frame), v = try x(frame)
                    try located(span) { try interp.assignElement(into: &p.pointee, index: index, v) }
                    return .normal
                }
            }
            return { frame in
                guard let p = slot(frame) else { return .normal }
                if case .unset = p.pointee { _ = try load(frame) }
                let path = try xs.map { try $0(frame) }
                let v = try x(frame)
                try located(span) { try interp.assign(into: &p.pointee, path: path[...], v) }
                return .normal
            }
        case .function(let decl):
            let make = closureMaker(decl, topLevel: decl.name.map { if case .global = $0.resolution { return true }; return false } ?? false)
            guard let name = decl.name else { return { _ in .normal } }
            let put = store(name)
            return { frame in put(frame, try make(frame)); return .normal }
        case .ifElse(let c, let a, let b, let span):
            _ = span
            let cond = condition(c, what: "an 'if' condition"), then = block(a)
            guard let b else {
                return { frame in try cond(frame) ? try then(frame) : .normal }
            }
            let otherwise = block(b)
            return { frame in try cond(frame) ? try then(frame) : try otherwise(frame) }
        case .whileLoop(let c, let body, let span):
            return whileLoop(c, body, span)
        case .forIn(let variable, let seq, let body, let span):
            return forLoop(variable, seq, body, span)
        case .returnValue(let e, _):
            guard let e else { return { _ in .returned(.none) } }
            let x = expression(e)
            return { frame in .returned(try x(frame)) }
        case .breakLoop:
            return { _ in .breakLoop }
        case .continueLoop:
            return { _ in .continueLoop }
        }
    }

    /// `for v in seq { body }`; `for i in range(…)` of numbers counts without building the
    /// vector, by the builtin's own rule (`Tensor.rangeCount`, `Tensor.rangeElement`); other
    /// arguments (booleans, tracked numbers, invalid ones) go through the builtin itself.
    func forLoop(_ variable: NameRef, _ seq: Expr, _ body: [Stmt], _ span: SourceSpan) -> CompiledStmt {
        let interp = self.interp, file = self.file, interrupt = interp.interrupt
        let slot = slotPointer(variable), b = block(body)
        /// Runs the body once per item.
        func loop(_ frame: Frame, _ items: [Value]) throws -> Flow {
            guard let variable = slot(frame) else { return .normal }
            for item in items {
                if interrupt.requested { throw RuntimeError.interrupted(at: span, in: file) }
                variable.pointee = item
                switch try b(frame) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                }
            }
            return .normal
        }
        if !plain, case .call(.name(let callee), let args, _) = seq, case .builtin(let i)? = callee.resolution,
           interp.registry.builtins[i].compilerForm == .countingLoop, (1...3).contains(args.count),
           args.allSatisfy({ $0.label == nil }) {
            let bounds = args.map { expression($0.value) }
            let range = Value.builtin(interp.registry.builtins[i]), rangeSpan = callee.span
            return { frame in
                let values = try bounds.map { try $0(frame) }
                guard case .number(let first) = values[0], case .number(let second) = values.count > 1 ? values[1] : .number(1),
                      case .number(let third) = values.count > 2 ? values[2] : .number(1) else {
                    let v = try interp.call(range, positional: values, labeled: [], span: rangeSpan, file: file)
                    return try loop(frame, try located(span) { try interp.iterationItems(v) })
                }
                let (start, stop, step) = values.count == 1 ? (0, first, 1) : (first, second, third)
                let count = try located(rangeSpan) { try Tensor.rangeCount(start, stop, step) }
                guard let variable = slot(frame) else { return .normal }
                for k in 0..<count {
                    if interrupt.requested { throw RuntimeError.interrupted(at: span, in: file) }
                    let x = Tensor.rangeElement(start, step, k)
                    // The loop variable usually still holds the previous number: overwrite it
                    // in place (a number owns nothing), with no destroy of the old value.
                    if case .number = variable.pointee {
                        variable.initialize(to: .number(x))
                    } else {
                        variable.pointee = .number(x)
                    }
                    switch try b(frame) {
                    case .normal, .continueLoop: break
                    case .breakLoop: return .normal
                    case .returned(let v): return .returned(v)
                    }
                }
                return .normal
            }
        }
        let sequence = expression(seq)
        return { frame in
            let v = try sequence(frame)
            return try loop(frame, try located(span) { try interp.iterationItems(v) })
        }
    }

    /// A loop body as its first statement and a block of the rest, so the usual body of two
    /// statements runs with no block closure between the loop and its statements.
    func loopBody(_ body: [Stmt]) -> (first: CompiledStmt, rest: CompiledStmt, hasRest: Bool) {
        guard let head = body.first else { return ({ _ in .normal }, { _ in .normal }, false) }
        return (statement(head), block(Array(body.dropFirst())), body.count > 1)
    }

    /// `while c { body }`; a comparison of literals and variables (`i < n`) is tested in place.
    func whileLoop(_ c: Expr, _ body: [Stmt], _ span: SourceSpan) -> CompiledStmt {
        let general = condition(c, what: "a 'while' condition"), (first, rest, hasRest) = loopBody(body)
        let loop = WhileLoop(first: first, rest: rest, hasRest: hasRest, interrupt: interp.interrupt, span: span, file: file)
        if let (op, l, r) = comparedOperands(c),
           let code = op.built(DirectTestSite(consumer: loop, left: l, right: r, general: general)).consumer.code {
            return code
        }
        return loop.loop(CompiledCondition(test: general))
    }
}

/// A `while` loop's code on its condition's test (`Compiler.whileLoop`).
private struct WhileLoop: TestConsumer {
    let first: CompiledStmt, rest: CompiledStmt, hasRest: Bool
    let interrupt: InterruptFlag
    let span: SourceSpan
    let file: SourceFile
    var code: CompiledStmt?

    init(first: @escaping CompiledStmt, rest: @escaping CompiledStmt, hasRest: Bool, interrupt: InterruptFlag,
         span: SourceSpan, file: SourceFile) {
        (self.first, self.rest, self.hasRest, self.interrupt, self.span, self.file) = (first, rest, hasRest, interrupt, span, file)
    }

    mutating func make<T: ConditionTest>(_ test: T) { code = loop(test) }

    func loop<T: ConditionTest>(_ test: T) -> CompiledStmt {
        let first = self.first, rest = self.rest, hasRest = self.hasRest, interrupt = self.interrupt, span = self.span, file = self.file
        return { frame in
            while true {
                if interrupt.requested { throw RuntimeError.interrupted(at: span, in: file) }
                if try !test(frame) { return .normal }
                var flow = try first(frame)
                if hasRest, case .normal = flow { flow = try rest(frame) }
                switch flow {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                }
            }
        }
    }
}
