import KLSSyntax

/// Compiling a function's numeric form (see `NumericCode`): `NotNumeric` is thrown as soon as
/// the body uses anything the form does not cover, so only bodies made entirely of numbers get
/// one. (Throwing rather than returning optionals keeps every compiled closure at its own
/// type: a closure taken out of an Optional or an array is called through a thunk.)
private struct NotNumeric: Error {}

extension Compiler {
    /// The numeric form of `decl`: a body that always returns, reads only its parameters,
    /// defines no functions, and is a chain of `if … { return … }` ending in `return`.
    func numericCode(_ decl: FunctionDecl) -> NumericCode? {
        let arity = decl.parameters.count
        guard arity > 0, decl.slotCount == arity, !decl.createsClosures, Compiler.alwaysReturns(decl.body[...]) else { return nil }
        do { return NumericCode(arity: arity, body: try numericBlock(decl.body[...], arity: arity)) } catch { return nil }
    }

    /// A statement list as the value it returns: `return e`, or `if c { … }` with a branch
    /// that always returns (so the rest of the list follows only the other branch).
    private func numericBlock(_ stmts: ArraySlice<Stmt>, arity: Int) throws -> NumericExpr {
        guard let first = stmts.first else { throw NotNumeric() }
        switch first {
        case .returnValue(let e?, _):
            return try numericExpression(e, arity: arity)
        case .ifElse(let c, let a, let b, _):
            let rest = stmts.dropFirst(), otherwise = b ?? []
            let thenReturns = Compiler.alwaysReturns(a[...]), elseReturns = b != nil && Compiler.alwaysReturns(otherwise[...])
            guard thenReturns || elseReturns else { throw NotNumeric() }
            let test = try numericCondition(c, arity: arity)
            let yes = try numericBlock(thenReturns ? a[...] : a[...] + rest, arity: arity)
            let no = try numericBlock(elseReturns ? otherwise[...] : otherwise[...] + rest, arity: arity)
            return { slots in try test(slots) ? try yes(slots) : try no(slots) }
        default:
            throw NotNumeric()
        }
    }

    /// A number-valued expression: literals, parameters, `-e`, arithmetic, calls of globals.
    private func numericExpression(_ e: Expr, arity: Int) throws -> NumericExpr {
        switch e {
        case .number(let x, _):
            return { _ in x }
        case .name(let n):
            guard case .local(let slot)? = n.resolution, slot < arity else { throw NotNumeric() }
            return { slots in slots[slot] }
        case .unary(.negate, let inner, _):
            let x = try numericExpression(inner, arity: arity)
            return { slots in -(try x(slots)) }
        case .unary(.plus, let inner, _):
            return try numericExpression(inner, arity: arity)
        case .binary(let op, let a, let b, _):
            switch op {
            case .add: return try numericArithmetic(AddOperator.self, a, b, arity: arity)
            case .subtract: return try numericArithmetic(SubtractOperator.self, a, b, arity: arity)
            case .multiply: return try numericArithmetic(MultiplyOperator.self, a, b, arity: arity)
            case .divide: return try numericArithmetic(DivideOperator.self, a, b, arity: arity)
            case .power: return try numericArithmetic(PowerOperator.self, a, b, arity: arity)
            case .modulo: return try numericArithmetic(ModuloOperator.self, a, b, arity: arity)
            default: throw NotNumeric()
            }
        case .call(.name(let callee), let arguments, _):
            guard case .global(let index)? = callee.resolution, arguments.allSatisfy({ $0.label == nil }) else { throw NotNumeric() }
            return try numericCall(global: index, arguments.map(\.value), arity: arity, span: callee.span)
        default:
            throw NotNumeric()
        }
    }

    /// `a op b`, with a parameter-and-literal operand pair (`n - 1`) read in place.
    private func numericArithmetic<O: NumberOperator>(_: O.Type, _ a: Expr, _ b: Expr, arity: Int) throws -> NumericExpr {
        if case .name(let n) = a, case .local(let slot)? = n.resolution, slot < arity, case .number(let c, _) = b {
            return { slots in O.apply(slots[slot], c) }
        }
        let x = try numericExpression(a, arity: arity), y = try numericExpression(b, arity: arity)
        return { slots in O.apply(try x(slots), try y(slots)) }
    }

    /// A call of the function in global slot `index`, numerically when it has a numeric form
    /// of this arity; otherwise numeric running stops (`Deoptimization`). One and two
    /// arguments are compiled as separate closures (no array of closures to call through).
    private func numericCall(global index: Int, _ arguments: [Expr], arity: Int, span: SourceSpan) throws -> NumericExpr {
        let (chunk, offset) = interp.globals.location(index)
        let site = NumericCallSite(chunk: chunk, offset: offset, arity: arguments.count, interp: interp)
        let interp = self.interp, file = self.file
        switch arguments.count {
        case 1:
            let a0 = try numericExpression(arguments[0], arity: arity)
            return { slots in
                let x = try a0(slots)
                let code = try site.callee()
                try interp.pushNumeric(x)
                return try interp.numericCall(code, span: span, file: file)
            }
        case 2:
            let a0 = try numericExpression(arguments[0], arity: arity), a1 = try numericExpression(arguments[1], arity: arity)
            return { slots in
                try interp.pushNumeric(try a0(slots))
                try interp.pushNumeric(try a1(slots))
                return try interp.numericCall(try site.callee(), span: span, file: file)
            }
        default:
            let values = try arguments.map { try numericExpression($0, arity: arity) }
            return { slots in
                for value in values { try interp.pushNumeric(try value(slots)) }
                return try interp.numericCall(try site.callee(), span: span, file: file)
            }
        }
    }

    /// An `if` condition: comparisons of numeric expressions, `and`, `or`, `not`.
    private func numericCondition(_ c: Expr, arity: Int) throws -> NumericTest {
        switch c {
        case .binary(let op, let a, let b, _):
            switch op {
            case .less: return try numericComparison(LessComparison.self, a, b, arity: arity)
            case .lessEqual: return try numericComparison(LessEqualComparison.self, a, b, arity: arity)
            case .greater: return try numericComparison(GreaterComparison.self, a, b, arity: arity)
            case .greaterEqual: return try numericComparison(GreaterEqualComparison.self, a, b, arity: arity)
            case .equal: return try numericComparison(EqualComparison.self, a, b, arity: arity)
            case .notEqual: return try numericComparison(NotEqualComparison.self, a, b, arity: arity)
            default: throw NotNumeric()
            }
        case .logical(let isAnd, let a, let b, _):
            let x = try numericCondition(a, arity: arity), y = try numericCondition(b, arity: arity)
            if isAnd { return { slots in try x(slots) && y(slots) } }
            return { slots in try x(slots) || y(slots) }
        case .unary(.not, let inner, _):
            let x = try numericCondition(inner, arity: arity)
            return { slots in !(try x(slots)) }
        default:
            throw NotNumeric()
        }
    }

    private func numericComparison<C: NumberComparison>(_: C.Type, _ a: Expr, _ b: Expr, arity: Int) throws -> NumericTest {
        if case .name(let n) = a, case .local(let slot)? = n.resolution, slot < arity, case .number(let c, _) = b {
            return { slots in C.test(slots[slot], c) }
        }
        let x = try numericExpression(a, arity: arity), y = try numericExpression(b, arity: arity)
        return { slots in C.test(try x(slots), try y(slots)) }
    }
}
