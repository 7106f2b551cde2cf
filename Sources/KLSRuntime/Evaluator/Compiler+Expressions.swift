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
        case .none:
            return { _ in .none }
        case .name(let n):
            return load(n)
        case .unary(let op, let a, let span):
            let x = expression(a)
            switch op {
            case .plus: return x
            case .negate:
                return { frame in
                    let v = try x(frame)
                    if case .number(let d) = v { return .number(-d) }
                    return try located(span) { try interp.negate(v) }
                }
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
            return binary(op, expression(a), expression(b), span: span)
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
        case .index(let a, let i, let span):
            let x = expression(a), k = expression(i)
            return { frame in
                let v = try x(frame), idx = try k(frame)
                if case .tensor(let t) = v, t.rank == 1, case .number(let d) = idx, d >= 0, d < Double(t.count), d.rounded() == d {
                    return .number(t.data[Int(d)])
                }
                return try located(span) { try interp.index(v, idx) }
            }
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

    func binary(_ op: BinaryOperator, _ x: @escaping CompiledExpr, _ y: @escaping CompiledExpr,
                span: SourceSpan) -> CompiledExpr {
        let interp = self.interp
        func arith(_ kernel: BinaryOp, _ f: @escaping (Double, Double) -> Double) -> CompiledExpr {
            return { frame in
                let a = try x(frame), b = try y(frame)
                if case .number(let p) = a, case .number(let q) = b { return .number(f(p, q)) }
                return try located(span) { try interp.arithmetic(kernel, a, b) }
            }
        }
        func compare(_ f: @escaping (Double, Double) -> Bool) -> CompiledExpr {
            return { frame in
                let a = try x(frame), b = try y(frame)
                if case .number(let p) = a, case .number(let q) = b { return .bool(f(p, q)) }
                return try located(span) { try interp.compare(op, a, b) }
            }
        }
        switch op {
        case .add: return arith(.add, +)
        case .subtract: return arith(.sub, -)
        case .multiply: return arith(.mul, *)
        case .divide: return arith(.div, /)
        case .power:
            return arith(.pow) { p, q in q == 2 ? p * p : Foundation.pow(p, q) }
        case .modulo: return arith(.mod, BinaryOp.floorMod)
        case .less: return compare(<)
        case .lessEqual: return compare(<=)
        case .greater: return compare(>)
        case .greaterEqual: return compare(>=)
        case .equal, .notEqual:
            let negate = op == .notEqual
            return { frame in
                let a = try x(frame), b = try y(frame)
                if case .number(let p) = a, case .number(let q) = b { return .bool((p == q) != negate) }
                return .bool(Interpreter.equal(a, b) != negate)
            }
        }
    }

    // MARK: Calls

    func call(_ callee: Expr, _ args: [Argument]) -> CompiledExpr {
        let interp = self.interp, file = self.file
        let span = callee.anchor
        let f = expression(callee)
        let positional = args.filter { $0.label == nil }.map { expression($0.value) }
        let labeled = args.compactMap { a in a.label.map { ($0, expression(a.value)) } }
        let n = positional.count
        if labeled.isEmpty {
            return { frame in
                let fv = try f(frame)
                if case .closure(let c) = fv, c.compiled.signature.parameters.count == n {
                    let callFrame = Frame(slotCount: c.decl.slotCount, parent: c.environment)
                    for i in 0..<n { callFrame.slots[i] = try positional[i](frame) }
                    return try interp.invoke(c, frame: callFrame, span: span, file: file)
                }
                let values = try positional.map { try $0(frame) }
                return try interp.call(fv, positional: values, labeled: [], span: span, file: file)
            }
        }
        return { frame in
            let fv = try f(frame)
            let values = try positional.map { try $0(frame) }
            let named = try labeled.map { ($0.0, try $0.1(frame)) }
            return try interp.call(fv, positional: values, labeled: named, span: span, file: file)
        }
    }
}
