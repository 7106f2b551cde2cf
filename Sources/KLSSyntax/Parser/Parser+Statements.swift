/// Statements: definitions, assignments, control flow, expression statements.
extension Parser {
    /// Statements up to `terminator` (a closing brace) or the end of input, recovering from
    /// errors at statement boundaries.
    mutating func parseStatements(until terminator: TokenKind?) -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            skipNewlines()
            if kind == .eof || (terminator != nil && kind == terminator!) { break }
            let before = pos
            do {
                statements.append(try parseStatement())
            } catch let d as Diagnostic {
                diagnostics.append(d)
                synchronize()
            } catch {}
            if pos == before { _ = advance() }  // never loop without progress
        }
        return statements
    }

    /// Skips to the next statement boundary after an error.
    mutating func synchronize() {
        var depth = 0
        while kind != .eof {
            switch kind {
            case .lbrace, .lparen, .lbracket: depth += 1
            case .rbrace, .rparen, .rbracket:
                if depth == 0 { if kind != .rbrace { _ = advance() }; return }
                depth -= 1
            case .newline, .semicolon:
                if depth == 0 { _ = advance(); return }
            default: break
            }
            _ = advance()
        }
    }

    mutating func parseStatement() throws -> Stmt {
        let start = current
        switch kind {
        case .kwFn where isIdentifier(peek()):
            _ = advance()
            let name = try parseName()
            let fn = try parseFunctionRest(name: name, start: start.span)
            return .function(fn)
        case .kwIf:
            return try parseIf()
        case .kwFor:
            _ = advance()
            let variable = try parseName()
            try expect(.kwIn, "'in' after the loop variable")
            let sequence = try parseExpression()
            let body = try parseBlock()
            return .forIn(variable, sequence, body, start.span.to(variable.span))
        case .kwWhile:
            _ = advance()
            let condition = try parseExpression()
            let body = try parseBlock()
            return .whileLoop(condition, body, start.span)
        case .kwReturn:
            _ = advance()
            if endsStatement(kind) { return .returnValue(nil, start.span) }
            let value = try parseExpression()
            try endStatement()
            return .returnValue(value, start.span)
        case .kwBreak:
            _ = advance()
            try endStatement()
            return .breakLoop(start.span)
        case .kwContinue:
            _ = advance()
            try endStatement()
            return .continueLoop(start.span)
        default:
            return try parseSimpleStatement()
        }
    }

    func isIdentifier(_ k: TokenKind) -> Bool {
        if case .identifier = k { return true }
        return false
    }

    func endsStatement(_ k: TokenKind) -> Bool {
        k == .newline || k == .semicolon || k == .rbrace || k == .eof
    }

    /// Requires the end of a statement: a newline, `;`, a closing brace or the end of input.
    mutating func endStatement() throws {
        guard endsStatement(kind) else {
            throw error("expected end of statement, found \(kind.display)")
        }
    }

    mutating func parseName() throws -> NameRef {
        let t = current
        guard case .identifier(let name) = t.kind else {
            throw error("expected a name, found \(kind.display)")
        }
        _ = advance()
        return NameRef(name, span: t.span)
    }

    /// `(params) { body }` after `fn name` or `fn`.
    mutating func parseFunctionRest(name: NameRef?, start: SourceSpan) throws -> FunctionDecl {
        let open = try expect(.lparen, "'(' to start the parameter list")
        let parameters = try parseParameters(open: open)
        let body = try parseBlock()
        return FunctionDecl(name: name, parameters: parameters, body: body, span: start.to(name?.span ?? start))
    }

    /// Parameter names (with optional `= default`) up to and including `)`.
    mutating func parseParameters(open: Token) throws -> [Parameter] {
        var parameters: [Parameter] = []
        while kind != .rparen {
            let name = try parseName()
            if parameters.contains(where: { $0.name.name == name.name }) {
                throw Diagnostic(.syntax, "parameter '\(name.name)' appears twice", at: name.span, in: file)
            }
            var defaultValue: Expr?
            if match(.assign) { defaultValue = try parseExpression() }
            parameters.append(Parameter(name: name, defaultValue: defaultValue))
            if !match(.comma) { break }
        }
        try expect(.rparen, "')'", opening: open)
        return parameters
    }

    /// `{ statements }`.
    mutating func parseBlock() throws -> [Stmt] {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { throw error("blocks nested too deeply (more than \(Parser.maxDepth) levels)") }
        let open = try expect(.lbrace, "'{' to start a block")
        let body = parseStatements(until: .rbrace)
        try expect(.rbrace, "'}'", opening: open)
        return body
    }

    mutating func parseIf() throws -> Stmt {
        let start = advance()
        let condition = try parseExpression()
        let then = try parseBlock()
        // `else` may start the next line.
        var look = pos
        while tokens[look].kind == .newline, look < tokens.count - 1 { look += 1 }
        guard tokens[look].kind == .kwElse else { return .ifElse(condition, then, nil, start.span) }
        pos = look
        _ = advance()
        if kind == .kwIf { return .ifElse(condition, then, [try parseIf()], start.span) }
        return .ifElse(condition, then, try parseBlock(), start.span)
    }

    /// An assignment, a math-style definition `f(x) = …`, or an expression statement.
    mutating func parseSimpleStatement() throws -> Stmt {
        let expr = try parseExpression()
        if kind == .assign {
            let assignToken = advance()
            let value = try parseExpression()
            try endStatement()
            switch expr {
            case .name(let n):
                return .assign(n, value, n.span.to(assignToken.span))
            case .index:
                var indices: [[Subscript]] = []
                var base = expr
                while case .index(let inner, let i, _) = base { indices.insert(i, at: 0); base = inner }
                guard case .name(let n) = base else {
                    throw Diagnostic(.syntax, "can only assign into elements of a named variable", at: expr.span, in: file)
                }
                return .assignIndex(n, indices, value, expr.span)
            case .call(.name(let n), let args, let span):
                return .function(try mathStyleDefinition(name: n, args: args, body: value, span: span))
            default:
                throw Diagnostic(.syntax, "cannot assign to this expression", at: expr.span, in: file)
            }
        }
        try endStatement()
        let silenced = kind == .semicolon
        return .expression(expr, echo: !silenced)
    }

    /// `f(x, y=2) = body` becomes a one-line function.
    func mathStyleDefinition(name: NameRef, args: [Argument], body: Expr, span: SourceSpan) throws -> FunctionDecl {
        var parameters: [Parameter] = []
        for arg in args {
            if let label = arg.label, let labelSpan = arg.labelSpan {
                parameters.append(Parameter(name: NameRef(label, span: labelSpan), defaultValue: arg.value))
            } else if case .name(let p) = arg.value {
                parameters.append(Parameter(name: NameRef(p.name, span: p.span), defaultValue: nil))
            } else {
                throw Diagnostic(.syntax, "a function definition's parameters must be names", at: arg.value.span, in: file)
            }
        }
        let names = parameters.map { $0.name.name }
        if let dup = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
            throw Diagnostic(.syntax, "parameter '\(dup)' appears twice", at: span, in: file)
        }
        return FunctionDecl(name: name, parameters: parameters,
                            body: [.returnValue(body, body.span)], span: name.span)
    }
}
