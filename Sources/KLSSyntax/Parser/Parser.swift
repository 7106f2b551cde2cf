/// The outcome of parsing: a program, a request for more input (the prompt then shows a
/// continuation line), or the syntax errors found.
public enum ParseResult {
    case complete(Program)
    /// The input ends inside an unfinished construct: an open bracket, brace or string, or
    /// after an operator.
    case incomplete
    case failed([Diagnostic])
}

/// A Pratt parser over the lexer's tokens, split by grammar category
/// (`Parser+Statements`, `Parser+Expressions`). It recovers at statement boundaries, so one
/// run reports every syntax error, and every loop is guarded against making no progress.
public struct Parser {
    let file: SourceFile
    var tokens: [Token]
    var pos = 0
    var diagnostics: [Diagnostic] = []
    /// Set when an error was caused by the input ending early.
    var hitEndOfInput = false
    /// Nesting depth of expressions, limited so absurd inputs cannot exhaust the stack.
    var depth = 0
    static let maxDepth = 400
    /// Longest run of operators, calls or indexes in one expression (`1 + 1 + …`, `f(1)(2)…`):
    /// later stages recurse once per link, so an absurd chain must stop here, not overflow
    /// the native stack.
    static let maxChainLength = 20_000
    /// Operators, calls and indexes on the path from the outermost expression being parsed
    /// (an upper bound on the depth of its tree).
    var chainLinks = 0
    /// Syntax errors reported at most per input (the rest are counted in one last message).
    static let maxDiagnostics = 50

    init(file: SourceFile, tokens: [Token]? = nil) {
        self.file = file
        self.tokens = tokens ?? Lexer.tokenize(file)
    }

    /// Parses a whole file or prompt input.
    public static func parse(_ file: SourceFile) -> ParseResult {
        var parser = Parser(file: file)
        let statements = parser.parseStatements(until: nil)
        if parser.diagnostics.isEmpty { return .complete(Program(statements: statements, file: file)) }
        parser.capDiagnostics()
        if parser.hitEndOfInput, parser.diagnostics.count == 1 || parser.firstErrorAtEnd { return .incomplete }
        return .failed(parser.diagnostics)
    }

    /// Keeps the first `maxDiagnostics` errors and notes how many more there were.
    mutating func capDiagnostics() {
        guard diagnostics.count > Parser.maxDiagnostics else { return }
        let extra = diagnostics.count - Parser.maxDiagnostics
        diagnostics.removeLast(extra)
        diagnostics[diagnostics.count - 1].notes.append("… and \(extra) more syntax errors")
    }

    var firstErrorAtEnd: Bool {
        guard let first = diagnostics.first?.span else { return false }
        return first.start >= (tokens.last?.span.start ?? 0)
    }

    // MARK: Token access

    var current: Token { tokens[pos] }
    var kind: TokenKind { tokens[pos].kind }

    func peek(_ offset: Int = 1) -> TokenKind {
        let i = pos + offset
        return i < tokens.count ? tokens[i].kind : .eof
    }

    mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    mutating func match(_ k: TokenKind) -> Bool {
        if kind == k { _ = advance(); return true }
        return false
    }

    mutating func skipNewlines() {
        while kind == .newline || kind == .semicolon { _ = advance() }
    }

    /// Consumes `k` or reports `expected …` at the current token.
    @discardableResult
    mutating func expect(_ k: TokenKind, _ what: String, opening: Token? = nil) throws -> Token {
        if kind == k { return advance() }
        var message = "expected \(what), found \(kind.display)"
        if let opening {
            let (line, col) = file.location(of: opening.span.start)
            message = "expected \(what) to close '\(Token.spelling(of: opening.kind) ?? "")' at \(line):\(col), found \(kind.display)"
        }
        throw error(message)
    }

    /// A syntax error at the current token (remembering whether input simply ran out).
    mutating func error(_ message: String, at span: SourceSpan? = nil) -> Diagnostic {
        if kind == .eof { hitEndOfInput = true }
        if case .error(let m) = kind, m == "unterminated string" { hitEndOfInput = true }
        return Diagnostic(.syntax, message, at: span ?? current.span, in: file)
    }
}

extension Parser {
    /// Parses, reporting an unfinished construct at the end of input as an error (for files,
    /// where no more input will come).
    public static func parseReportingEnd(_ file: SourceFile) -> ParseResult {
        var parser = Parser(file: file)
        let statements = parser.parseStatements(until: nil)
        if parser.diagnostics.isEmpty { return .complete(Program(statements: statements, file: file)) }
        parser.capDiagnostics()
        return .failed(parser.diagnostics)
    }
}
