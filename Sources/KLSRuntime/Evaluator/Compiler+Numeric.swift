import KLSSyntax

/// Compiling a function's numeric form (see `NumericCode`): `NotNumeric` is thrown as soon as
/// the body uses anything the form does not cover, so only bodies made entirely of numbers get
/// one. (Throwing rather than returning optionals keeps every compiled closure at its own
/// type: a closure taken out of an Optional or an array is called through a thunk.)
private struct NotNumeric: Error {}

/// What compiling one numeric body knows and learns.
private struct NumericScope {
    /// Parameters are slots 0..<arity (the only variables a numeric body reads).
    let arity: Int
    /// Calls compiled so far.
    var calls = 0
}

extension Compiler {
    /// The numeric form of `decl`: a body that always returns, reads only its parameters,
    /// defines no functions, and is a chain of `if … { return … }` ending in `return`.
    func numericCode(_ decl: FunctionDecl) -> NumericCode? {
        let arity = decl.parameters.count
        guard !plain, arity > 0, decl.slotCount == arity, !decl.createsClosures, Compiler.alwaysReturns(decl.body[...]) else { return nil }
        var scope = NumericScope(arity: arity)
        do {
            let body = try numericBlock(decl.body[...], &scope)
            return NumericCode(arity: arity, body: body, makesCalls: scope.calls > 0)
        } catch {
            return nil
        }
    }

    /// A statement list as the value it returns: `return e`, or `if c { … }` with a branch
    /// that always returns (so the rest of the list follows only the other branch).
    private func numericBlock(_ stmts: ArraySlice<Stmt>, _ scope: inout NumericScope) throws -> NumericExpr {
        guard let first = stmts.first else { throw NotNumeric() }
        switch first {
        case .returnValue(let e?, _):
            return try numericExpression(e, &scope)
        case .ifElse(let c, let a, let b, _):
            let rest = stmts.dropFirst(), otherwise = b ?? []
            let thenReturns = Compiler.alwaysReturns(a[...]), elseReturns = b != nil && Compiler.alwaysReturns(otherwise[...])
            guard thenReturns || elseReturns else { throw NotNumeric() }
            let test = try numericCondition(c, &scope)
            let yes = try numericBlock(thenReturns ? a[...] : a[...] + rest, &scope)
            let no = try numericBlock(elseReturns ? otherwise[...] : otherwise[...] + rest, &scope)
            return { slots in try test(slots) ? try yes(slots) : try no(slots) }
        default:
            throw NotNumeric()
        }
    }

    /// A number-valued expression: literals, parameters, `-e`, arithmetic, calls of globals.
    private func numericExpression(_ e: Expr, _ scope: inout NumericScope) throws -> NumericExpr {
        switch e {
        case .number(let x, _):
            return { _ in x }
        case .name(let n):
            guard case .local(let slot)? = n.resolution, slot < scope.arity else { throw NotNumeric() }
            return { slots in slots[slot] }
        case .unary(.negate, let inner, _):
            let x = try numericExpression(inner, &scope)
            return { slots in -(try x(slots)) }
        case .unary(.plus, let inner, _):
            return try numericExpression(inner, &scope)
        case .binary(let op, let a, let b, _):
            guard op.arithmetic != nil else { throw NotNumeric() }
            let site = op.built(NumericOperation(operands: try numericOperands(a, b, &scope)))
            guard let value = site.value else { throw NotNumeric() }
            return value
        case .call(.name(let callee), let arguments, _):
            guard case .global(let index)? = callee.resolution, arguments.allSatisfy({ $0.label == nil }) else { throw NotNumeric() }
            return try numericCall(global: index, arguments.map(\.value), &scope, span: callee.span)
        default:
            throw NotNumeric()
        }
    }

    /// The operands of `a op b`: a parameter-and-literal pair (`n - 1`) is read in place.
    private func numericOperands(_ a: Expr, _ b: Expr, _ scope: inout NumericScope) throws -> NumericOperands {
        if let (slot, c) = parameterAndLiteral(a, b, scope) { return .parameterAndLiteral(slot, c) }
        return .expressions(try numericExpression(a, &scope), try numericExpression(b, &scope))
    }

    /// A call of the function in global slot `index`, numerically when it has a numeric form
    /// of this arity; otherwise numeric running stops (`Deoptimization`). One and two
    /// arguments are compiled as separate closures (no array of closures to call through).
    private func numericCall(global index: Int, _ arguments: [Expr], _ scope: inout NumericScope, span: SourceSpan) throws -> NumericExpr {
        scope.calls += 1
        let (chunk, offset) = interp.globals.location(index)
        let site = NumericCallSite(chunk: chunk, offset: offset, arity: arguments.count, interp: interp)
        let interp = self.interp, file = self.file
        switch arguments.count {
        case 1:
            let a0 = try numericExpression(arguments[0], &scope)
            return { slots in
                let x = try a0(slots)
                let code = try site.callee()
                try interp.pushNumeric(x)
                return try interp.numericCall(code, span: span, file: file)
            }
        case 2:
            let a0 = try numericExpression(arguments[0], &scope), a1 = try numericExpression(arguments[1], &scope)
            return { slots in
                try interp.pushNumeric(try a0(slots))
                try interp.pushNumeric(try a1(slots))
                return try interp.numericCall(try site.callee(), span: span, file: file)
            }
        default:
            var values: [NumericExpr] = []
            for argument in arguments { values.append(try numericExpression(argument, &scope)) }
            return { slots in
                for value in values { try interp.pushNumeric(try value(slots)) }
                return try interp.numericCall(try site.callee(), span: span, file: file)
            }
        }
    }

    /// An `if` condition: comparisons of numeric expressions, `and`, `or`, `not`.
    private func numericCondition(_ c: Expr, _ scope: inout NumericScope) throws -> NumericTest {
        switch c {
        case .binary(let op, let a, let b, _):
            guard op.arithmetic == nil else { throw NotNumeric() }
            let site = op.built(NumericOperation(operands: try numericOperands(a, b, &scope)))
            guard let test = site.test else { throw NotNumeric() }
            return test
        case .logical(let isAnd, let a, let b, _):
            let x = try numericCondition(a, &scope), y = try numericCondition(b, &scope)
            if isAnd { return { slots in try x(slots) && y(slots) } }
            return { slots in try x(slots) || y(slots) }
        case .unary(.not, let inner, _):
            let x = try numericCondition(inner, &scope)
            return { slots in !(try x(slots)) }
        default:
            throw NotNumeric()
        }
    }

    /// The parameter slot and the number of `a op b` when `a` is a parameter and `b` a
    /// literal (`n - 1`, `n < 2`): such operands are read in place.
    private func parameterAndLiteral(_ a: Expr, _ b: Expr, _ scope: NumericScope) -> (Int, Double)? {
        guard case .name(let n) = a, case .local(let slot)? = n.resolution, slot < scope.arity,
              case .number(let c, _) = b else { return nil }
        return (slot, c)
    }
}

/// The compiled operands of a numeric `a op b`.
private enum NumericOperands {
    /// A parameter's slot and a literal (`n - 1`, `n < 2`), read in place.
    case parameterAndLiteral(Int, Double)
    case expressions(NumericExpr, NumericExpr)
}

/// A numeric `a op b` (`BinaryOperator.build`): a number for arithmetic, a test for a
/// comparison (`==` and `!=` compare numbers as `test` does).
private struct NumericOperation: OperatorSite {
    let operands: NumericOperands
    var value: NumericExpr?
    var test: NumericTest?

    init(operands: NumericOperands) { self.operands = operands }

    mutating func arithmetic<O: NumberOperator>(_: O.Type) {
        switch operands {
        case .parameterAndLiteral(let slot, let c): value = { slots in O.apply(slots[slot], c) }
        case .expressions(let x, let y): value = { slots in O.apply(try x(slots), try y(slots)) }
        }
    }

    mutating func ordering<C: NumberComparison>(_: C.Type) {
        switch operands {
        case .parameterAndLiteral(let slot, let c): test = { slots in C.test(slots[slot], c) }
        case .expressions(let x, let y): test = { slots in C.test(try x(slots), try y(slots)) }
        }
    }

    mutating func equality<C: NumberComparison>(_: C.Type, negated: Bool) { ordering(C.self) }
}
