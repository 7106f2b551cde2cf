/// Expressions by precedence climbing over a binding-power table (see grammar.md):
///
/// | level | operators | associativity |
/// |---|---|---|
/// | 1 | `->` (lambda) | right |
/// | 2 | `or` | left |
/// | 3 | `and` | left |
/// | 4 | `not` (prefix) | — |
/// | 5 | `== != < <= > >=` | none (`a < b < c` is an error) |
/// | 6 | `+ -` | left |
/// | 7 | `* / %` | left |
/// | 8 | unary `-` `+` `√` | — |
/// | 9 | `^` | right |
/// | 10 | call `f(…)`, index `v[i]`, field `x.name` | left |
extension Parser {
    /// Left binding power of an infix token, or nil when it does not continue an expression.
    static func infixPower(_ k: TokenKind) -> (left: Int, right: Int)? {
        switch k {
        case .kwOr: return (20, 21)
        case .kwAnd: return (30, 31)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return (50, 51)
        case .plus, .minus: return (60, 61)
        case .star, .slash, .percent: return (70, 71)
        case .caret: return (91, 90)
        case .lparen, .lbracket, .dot: return (100, 0)
        default: return nil
        }
    }

    /// Whether `k` is one of the comparison operators `== != < <= > >=` (and ≠ ≤ ≥).
    static func isComparison(_ k: TokenKind) -> Bool {
        switch k {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }

    static let notPower = 40
    static let unaryMinusPower = 80

    /// A full expression (including lambdas).
    mutating func parseExpression() throws -> Expr {
        try parseExpression(minPower: 0)
    }

    mutating func parseExpression(minPower: Int) throws -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { throw error("expression nested too deeply (more than \(Parser.maxDepth) levels)") }
        var left = try parsePrefix()
        let outerLinks = chainLinks
        defer { chainLinks = outerLinks }
        var lastComparison: Token?
        while let power = Parser.infixPower(kind), power.left >= minPower {
            if Parser.isComparison(kind) {
                // `0 < x < 3` would compare the boolean `0 < x` with 3 (true as 1): a silent
                // wrong answer for anyone who reads it as mathematics or Python, so it is refused.
                if let first = lastComparison {
                    let (o1, o2) = (Token.spelling(of: first.kind) ?? "<", Token.spelling(of: kind) ?? "<")
                    throw error("comparisons do not chain: a \(o1) b \(o2) c would compare the true/false of a \(o1) b with c; write a \(o1) b and b \(o2) c")
                }
                lastComparison = current
            }
            chainLinks += 1
            if chainLinks > Parser.maxChainLength {
                throw error("expression too long (more than \(Parser.maxChainLength) operators, calls or indexes in a row); split it over several statements")
            }
            left = try parseInfix(left, power: power)
        }
        return left
    }

    mutating func parsePrefix() throws -> Expr {
        let t = current
        switch t.kind {
        case .number(let x):
            _ = advance()
            return .number(x, t.span)
        case .string(let s):
            _ = advance()
            return .string(s, t.span)
        case .formatString(let parts):
            _ = advance()
            var pieces: [FormatPart] = []
            for part in parts { pieces.append(try formatPart(part)) }
            return .formatString(pieces, t.span)
        case .kwTrue, .kwFalse:
            _ = advance()
            return .bool(t.kind == .kwTrue, t.span)
        case .kwNone:
            _ = advance()
            return .none(t.span)
        case .identifier(let name):
            _ = advance()
            let ref = NameRef(name, span: t.span)
            if kind == .arrow {
                _ = advance()
                return .lambda(try lambdaBody(parameters: [Parameter(name: ref, defaultValue: nil)], start: t.span))
            }
            return .name(ref)
        case .minus, .plus:
            _ = advance()
            let operand = try parseExpression(minPower: Parser.unaryMinusPower)
            if case .number(let x, let s) = operand, t.kind == .minus { return .number(-x, t.span.to(s)) }
            return .unary(t.kind == .minus ? .negate : .plus, operand, t.span)
        case .root:
            // `√x` is `sqrt(x)`, binding like unary minus: `√x^2` is `√(x^2)`, `√4 * 2` is 4.
            _ = advance()
            let operand = try parseExpression(minPower: Parser.unaryMinusPower)
            let sqrt = Expr.name(NameRef("sqrt", span: t.span))
            return .call(sqrt, [Argument(label: nil, labelSpan: nil, value: operand)], t.span.to(operand.span))
        case .kwNot:
            _ = advance()
            let operand = try parseExpression(minPower: Parser.notPower)
            return .unary(.not, operand, t.span)
        case .lparen:
            if isLambdaParameterList() {
                _ = advance()
                let parameters = try parseParameters(open: t)
                try expect(.arrow, "'->'")
                return .lambda(try lambdaBody(parameters: parameters, start: t.span))
            }
            _ = advance()
            let inner = try parseExpression()
            try expect(.rparen, "')'", opening: t)
            return inner
        case .lbracket:
            _ = advance()
            var items: [Expr] = []
            while kind != .rbracket {
                items.append(try parseExpression())
                if !match(.comma) { break }
            }
            let close = try expect(.rbracket, "']'", opening: t)
            return .array(items, t.span.to(close.span))
        case .kwFn:
            _ = advance()
            return .lambda(try parseFunctionRest(name: nil, start: t.span))
        case .error(let message):
            throw error(message)
        default:
            throw error("expected an expression, found \(t.kind.display)")
        }
    }

    /// A piece of an f-string, its expression parsed from its place in the file.
    func formatPart(_ part: FormatStringPart) throws -> FormatPart {
        switch part {
        case .text(let text): return .text(text)
        case .field(let span, let spec, let conversion, let echo):
            // The field's tokens end with its closing `}` (or the `:` before its spec).
            var tokens = Lexer.tokenize(file, part: span)
            tokens.insert(Token(kind: .rbrace, span: SourceSpan(span.end, span.end + 1)), at: tokens.count - 1)
            var inner = Parser(file: file, tokens: tokens)
            inner.depth = depth
            let value = try inner.parseExpression()
            if inner.kind != .rbrace { throw inner.error("expected '}' or ':' after the f-string's expression, found \(inner.kind.display)") }
            return .value(value, spec: spec.map { file.text(of: $0) }, specSpan: spec, conversion: conversion,
                          echo: echo.map { file.text(of: $0) })
        }
    }

    /// True when the `(` at the current position opens `(a, b) -> …`.
    func isLambdaParameterList() -> Bool {
        var i = pos + 1
        var depth = 1
        while i < tokens.count {
            switch tokens[i].kind {
            case .lparen, .lbracket: depth += 1
            case .rparen, .rbracket:
                depth -= 1
                if depth == 0 { return i + 1 < tokens.count && tokens[i + 1].kind == .arrow }
            case .eof: return false
            default: break
            }
            i += 1
        }
        return false
    }

    /// The body after `->`: an expression, or a `{ block }`.
    mutating func lambdaBody(parameters: [Parameter], start: SourceSpan) throws -> FunctionDecl {
        if kind == .lbrace {
            let body = try parseBlock()
            return FunctionDecl(name: nil, parameters: parameters, body: body, span: start)
        }
        let value = try parseExpression(minPower: 0)
        return FunctionDecl(name: nil, parameters: parameters, body: [.returnValue(value, value.span)],
                            span: start.to(value.span))
    }

    mutating func parseInfix(_ left: Expr, power: (left: Int, right: Int)) throws -> Expr {
        let op = advance()
        switch op.kind {
        case .lparen:
            let args = try parseArguments(open: op)
            return .call(left, args, left.span.to(tokens[pos - 1].span))
        case .lbracket:
            var subscripts: [Subscript] = []
            repeat {
                subscripts.append(try parseSubscript())
            } while match(.comma) && kind != .rbracket
            let close = try expect(.rbracket, "']'", opening: op)
            return .index(left, subscripts, left.span.to(close.span))
        case .dot:
            let t = current
            guard case .identifier(let name) = t.kind else { throw error("expected a field name after '.', found \(kind.display)") }
            _ = advance()
            return .field(left, name, left.span.to(t.span))
        case .kwAnd, .kwOr:
            let right = try parseExpression(minPower: power.right)
            return .logical(isAnd: op.kind == .kwAnd, left, right, op.span)
        default:
            let right = try parseExpression(minPower: power.right)
            return .binary(Parser.binaryOperator(op.kind), left, right, op.span)
        }
    }

    /// One subscript inside `[…]`: an index, or a slice `start:stop:step` with each part
    /// optional (`:`, `a:`, `:b`, `::s`).
    mutating func parseSubscript() throws -> Subscript {
        let first = current
        if kind == .rbracket || kind == .comma { throw error("expected an index or a slice, found \(kind.display)") }
        let start = kind == .colon ? nil : try parseExpression()
        guard kind == .colon else { return .index(start!) }
        var end = advance().span
        func bound(_ parser: inout Parser) throws -> Expr? {
            switch parser.kind {
            case .colon, .comma, .rbracket: return nil
            default: return try parser.parseExpression()
            }
        }
        let stop = try bound(&self)
        if let stop { end = stop.span }
        var step: Expr?
        if kind == .colon {
            end = advance().span
            step = try bound(&self)
            if let step { end = step.span }
        }
        return .slice(start: start, stop: stop, step: step, first.span.to(end))
    }

    static func binaryOperator(_ k: TokenKind) -> BinaryOperator {
        switch k {
        case .plus: return .add
        case .minus: return .subtract
        case .star: return .multiply
        case .slash: return .divide
        case .caret: return .power
        case .percent: return .modulo
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        default: return .greaterEqual
        }
    }

    /// Call arguments up to and including `)`: positional, `name=value`, and `P || Q`
    /// (two positional arguments, as in `KL(P || Q)`).
    mutating func parseArguments(open: Token) throws -> [Argument] {
        var args: [Argument] = []
        var seenLabel = false
        while kind != .rparen {
            if case .identifier(let label) = kind, peek() == .assign {
                let labelToken = advance()
                _ = advance()
                if args.contains(where: { $0.label == label }) {
                    throw Diagnostic(.syntax, "argument '\(label)' is given twice", at: labelToken.span, in: file)
                }
                args.append(Argument(label: label, labelSpan: labelToken.span, value: try parseExpression()))
                seenLabel = true
            } else {
                let value = try parseExpression()
                if seenLabel {
                    throw Diagnostic(.syntax, "positional argument after a keyword argument", at: value.span, in: file)
                }
                args.append(Argument(label: nil, labelSpan: nil, value: value))
            }
            if match(.bars) || match(.comma) { continue }
            break
        }
        try expect(.rparen, "')'", opening: open)
        return args
    }
}
