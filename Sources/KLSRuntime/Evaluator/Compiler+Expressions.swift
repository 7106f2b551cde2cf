import Foundation
import KLSNumerics
import KLSSyntax

extension Compiler {
    func expression(_ e: Expr) -> CompiledExpr {
        let interp = self.interp, file = self.file
        switch e {
        case .number(let x, _):
            let v = Value.number(x)
            return { _ in v }
        case .string(let s, _):
            let v = Value.string(s)
            return { _ in v }
        case .bool(let b, _):
            let v = Value.bool(b)
            return { _ in v }
        case .formatString(let parts, _):
            let pieces = parts.map(formatPiece)
            return { frame in .string(try pieces.map { try $0(frame) }.joined()) }
        case .none:
            return { _ in .none }
        case .name(let n):
            return load(n)
        case .unary(let op, let a, let span):
            let x = expression(a)
            switch op {
            case .plus: return x
            case .negate:
                return { frame in let v = try x(frame); return try located(span) { try interp.negate(v) } }
            case .not:
                return { frame in
                    let v = try x(frame)
                    guard let b = Interpreter.truth(v) else {
                        throw RuntimeError("'not' needs a boolean (got \(v.typeName))", at: span, in: file)
                    }
                    return .bool(!b)
                }
            }
        case .binary(let op, let a, let b, let span):
            return binary(op, a, b, span: span)
        case .logical(let isAnd, let a, let b, let span):
            let x = expression(a), y = expression(b)
            return { frame in
                let l = try x(frame)
                guard let lb = Interpreter.truth(l) else {
                    throw RuntimeError("'\(isAnd ? "and" : "or")' needs booleans (got \(l.typeName))", at: span, in: file)
                }
                if isAnd != lb { return .bool(lb) }
                let r = try y(frame)
                guard let rb = Interpreter.truth(r) else {
                    throw RuntimeError("'\(isAnd ? "and" : "or")' needs booleans (got \(r.typeName))", at: span, in: file)
                }
                return .bool(rb)
            }
        case .call(let callee, let args, _):
            return call(callee, args)
        case .index(let a, let subscripts, let span):
            let x = expression(a)
            guard subscripts.count == 1, let i = subscripts[0].index else {
                let parts = subscripts.map(subscriptValue)
                return { frame in
                    let v = try x(frame)
                    let s = try parts.map { try $0(frame) }
                    return try located(span) { try interp.subscripted(v, s) }
                }
            }
            let k = expression(i)
            return { frame in let v = try x(frame), idx = try k(frame); return try located(span) { try interp.index(v, idx) } }
        case .field(let a, let name, let span):
            let x = expression(a)
            return { frame in
                let v = try x(frame)
                return try located(span) { try interp.field(v, name) }
            }
        case .array(let items, let span):
            let xs = items.map(expression)
            return { frame in
                let values = try xs.map { try $0(frame) }
                return try located(span) { try interp.array(values) }
            }
        case .lambda(let decl):
            return closureMaker(decl, topLevel: false)
        }
    }

    /// The text of one piece of an f-string, as Python's: literal text; a value as `print`
    /// writes it, or in its source form (`repr`) after `!r` or `=`, or as `print` after `!s`;
    /// or the value (converted first by `!r` / `!s`) formatted by its spec (a spec that does not
    /// apply to the value is an error at the spec). `{x=}` writes `x=` first.
    func formatPiece(_ part: FormatPart) -> (Frame) throws -> String {
        switch part {
        case .text(let text):
            return { _ in text }
        case .value(let e, let spec, let specSpan, let conversion, let echo):
            let x = expression(e)
            let prefix = echo ?? ""
            let convert: ((Value) -> String)?
            if conversion == "r" || (conversion == nil && echo != nil && spec == nil) {
                convert = { ValueFormatter.repr($0) }
            } else if conversion == "s" {
                convert = { ValueFormatter.plain($0) }
            } else {
                convert = nil
            }
            guard let spec, let specSpan else {
                let text = convert ?? ValueFormatter.plain
                return { frame in prefix + text(try x(frame)) }
            }
            let parsed = Result { try FormatSpec(spec) }
            return { [self] frame in
                let v = try x(frame)
                let formatted = try located(specSpan) { try parsed.get().format(convert.map { .string($0(v)) } ?? v) }
                return prefix + formatted
            }
        }
    }

    /// A subscript's parts evaluated, in order: start, stop, step.
    func subscriptValue(_ s: Subscript) -> (Frame) throws -> SubscriptValue {
        let file = self.file, span = s.span
        switch s {
        case .index(let e):
            let x = expression(e)
            return { frame in SubscriptValue(part: .index(try x(frame)), span: span, file: file) }
        case .slice(let a, let b, let c, _):
            let xs = [a, b, c].map { $0.map(expression) }
            return { frame in
                let v = try xs.map { try $0?(frame) }
                return SubscriptValue(part: .slice(start: v[0], stop: v[1], step: v[2]), span: span, file: file)
            }
        }
    }

    func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, span: SourceSpan) -> CompiledExpr {
        if plain { return generalBinary(op, a, b, span: span) }
        // (Not `code ?? generalBinary(…)`: through the generic operator the closure would be
        // wrapped in two reabstraction thunks, called on every evaluation.)
        if let code = op.built(BinarySite(compiler: self, op: op, a: a, b: b, span: span)).code { return code }
        return generalBinary(op, a, b, span: span)
    }
    // MARK: Calls

    func call(_ callee: Expr, _ args: [Argument]) -> CompiledExpr {
        if let rewritten = explainedMeasure(callee, args) { return call(callee, rewritten) }
        let interp = self.interp, file = self.file
        let span = callee.anchor
        let f = expression(callee)
        guard !plain, args.allSatisfy({ $0.label == nil }) else {
            let positional = args.filter { $0.label == nil }.map { expression($0.value) }
            let labeled = args.compactMap { a in a.label.map { ($0, expression(a.value)) } }
            return { frame in
                let fv = try f(frame)
                let values = try positional.map { try $0(frame) }
                let named = try labeled.map { ($0.0, try $0.1(frame)) }
                return try interp.call(fv, positional: values, labeled: named, span: span, file: file)
            }
        }
        // Fixed-arity fast paths (Compiler+Calls.swift). Each argument is compiled once
        // (twice per level would make nested calls compile in exponential time).
        var target = CallTarget(global: nil, load: f, interp: interp, span: span, file: file)
        if case .name(let name) = callee, case .global(let index)? = name.resolution {
            target.global = interp.globals.location(index)
        }
        let direct = args.allSatisfy { Compiler.isDirectOperand($0.value) }
        switch args.count {
        case 1:
            return call1(target, args[0].value)
        case 2:
            if direct {
                return call2(target, DirectArgument(operand(args[0].value), self), DirectArgument(operand(args[1].value), self))
            }
            return call2(target, CompiledArgument(expression(args[0].value)), CompiledArgument(expression(args[1].value)))
        default:
            return callN(target, args.map { expression($0.value) })
        }
    }
}

/// `a op b` with its number–number path specialised for the operator (`Compiler.binary`).
private struct BinarySite: OperatorSite {
    let compiler: Compiler
    let op: BinaryOperator
    let a: Expr, b: Expr
    let span: SourceSpan
    var code: CompiledExpr?

    init(compiler: Compiler, op: BinaryOperator, a: Expr, b: Expr, span: SourceSpan) {
        (self.compiler, self.op, self.a, self.b, self.span) = (compiler, op, a, b, span)
    }

    mutating func arithmetic<O: NumberOperator>(_: O.Type) { code = compiler.arithmetic(O.self, a, b, span) }
    mutating func ordering<C: NumberComparison>(_: C.Type) { code = compiler.comparison(C.self, op, a, b, span) }
    mutating func equality<C: NumberComparison>(_: C.Type, negated: Bool) {
        let x = compiler.expression(a), y = compiler.expression(b)
        code = { frame in
            let l = try x(frame), r = try y(frame)
            if case .number(let p) = l, case .number(let q) = r { return .bool((p == q) != negated) }
            return .bool(Interpreter.equal(l, r) != negated)
        }
    }
}

extension Compiler {
    /// `explain(KL(P || Q, base=2))` is evaluated as `explain("KL", P, Q, base=2)`: the measure's
    /// arguments, not its value, are what explain needs (likewise `explain(arith_encode(P, s))`).
    func explainedMeasure(_ callee: Expr, _ args: [Argument]) -> [Argument]? {
        guard case .name(let n) = callee, case .builtin(let i)? = n.resolution,
              interp.registry.builtins[i].compilerForm == .explainsMeasure, args.count == 1, args[0].label == nil,
              case .call(.name(let inner), let innerArgs, _) = args[0].value, case .builtin(let j)? = inner.resolution,
              interp.registry.builtins[j].compilerForm == .explainableMeasure else { return nil }
        let name = Argument(label: nil, labelSpan: nil, value: .string(interp.registry.builtins[j].name, inner.span))
        return [name] + innerArgs
    }

    /// `a op b` through the interpreter's operations on values, with no number fast path.
    func generalBinary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, span: SourceSpan) -> CompiledExpr {
        let interp = self.interp
        let x = expression(a), y = expression(b)
        switch op.meaning {
        case .arithmetic(let o):
            let kernel = o.kernel
            return { frame in
                let l = try x(frame), r = try y(frame)
                return try located(span) { try interp.arithmetic(kernel, l, r) }
            }
        case .ordering(let c):
            func ordering<C: NumberComparison>(_: C.Type) -> CompiledExpr {
                { frame in
                    let l = try x(frame), r = try y(frame)
                    return try located(span) { try interp.compare(C.self, op, l, r) }
                }
            }
            return ordering(c)
        case .equality(_, let negate):
            return { frame in
                let l = try x(frame), r = try y(frame)
                return .bool(Interpreter.equal(l, r) != negate)
            }
        }
    }
}
