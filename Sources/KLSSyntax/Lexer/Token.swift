/// The kinds of token of the kls language.
public enum TokenKind: Equatable, Sendable {
    case number(Double)
    case string(String)
    /// `f"…{expr:spec}…"`: literal text and the source ranges of the fields.
    case formatString([FormatStringPart])
    case identifier(String)
    // Keywords.
    case kwFn, kwReturn, kwIf, kwElse, kwFor, kwIn, kwWhile, kwBreak, kwContinue
    case kwAnd, kwOr, kwNot, kwTrue, kwFalse, kwNone
    // Punctuation and operators.
    case lparen, rparen, lbracket, rbracket, lbrace, rbrace
    case comma, dot, semicolon, colon, assign, arrow
    case plus, minus, star, slash, caret, percent
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    /// `√`: the square root as a prefix operator, `√x` = `sqrt(x)`.
    case root
    /// `||` or `‖`: separates the two distributions of a divergence, `KL(P || Q)`.
    case bars
    case newline
    case eof
    /// A malformed token; the lexer never throws, the parser reports these.
    case error(String)

    /// How the token reads in messages.
    public var display: String {
        switch self {
        case .number(let x): return "number \(x)"
        case .string, .formatString: return "a string"
        case .identifier(let n): return "'\(n)'"
        case .newline: return "end of line"
        case .eof: return "end of input"
        case .error(let m): return m
        default: return "'\(Token.spelling(of: self) ?? "?")'"
        }
    }
}

/// A piece of an f-string as the lexer found it.
public enum FormatStringPart: Equatable, Sendable {
    case text(String)
    /// `{expression}` or `{expression:spec}`: where the expression's text and the spec are;
    /// `{expression!r}` / `{expression!s}` convert the value first (`conversion` is r or s), and
    /// `{expression=}` writes `echo` (the expression's text, `=` and the spaces around it) before it.
    case field(expression: SourceSpan, spec: SourceSpan?, conversion: Character?, echo: SourceSpan?)
}

/// A token and where it is.
public struct Token: Sendable {
    public var kind: TokenKind
    public var span: SourceSpan

    static let keywords: [String: TokenKind] = [
        "fn": .kwFn, "return": .kwReturn, "if": .kwIf, "else": .kwElse, "for": .kwFor, "in": .kwIn,
        "while": .kwWhile, "break": .kwBreak, "continue": .kwContinue, "and": .kwAnd, "or": .kwOr,
        "not": .kwNot, "true": .kwTrue, "false": .kwFalse, "none": .kwNone,
    ]

    /// The keywords, for completion and docs.
    public static var keywordNames: [String] { keywords.keys.sorted() }

    /// Source spelling of fixed tokens.
    public static func spelling(of kind: TokenKind) -> String? {
        switch kind {
        case .lparen: return "("
        case .rparen: return ")"
        case .lbracket: return "["
        case .rbracket: return "]"
        case .lbrace: return "{"
        case .rbrace: return "}"
        case .comma: return ","
        case .dot: return "."
        case .semicolon: return ";"
        case .colon: return ":"
        case .assign: return "="
        case .arrow: return "->"
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .caret: return "^"
        case .percent: return "%"
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .bars: return "||"
        case .root: return "√"
        default:
            return keywords.first(where: { $0.value == kind })?.key
        }
    }
}
