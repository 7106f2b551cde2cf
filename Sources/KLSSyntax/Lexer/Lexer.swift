/// Turns source text into tokens. Never throws: malformed input becomes `.error` tokens.
///
/// Newlines end statements, except inside `(…)` or `[…]` and after a token that cannot end
/// an expression (a binary operator, `,`, `=`, `->`, an opening bracket), so multi-line
/// expressions work in files and at the prompt alike. Inside `{…}` newlines count again.
public struct Lexer {
    private let file: SourceFile
    private var s: [Unicode.Scalar] { file.scalars }
    private var i = 0
    private var brackets: [TokenKind] = []
    private var tokens: [Token] = []

    /// Where lexing stops: the end of the file, or of the part being lexed.
    private var end: Int

    public init(_ file: SourceFile) {
        self.file = file
        self.end = file.scalars.count
    }

    /// All tokens of the file, ending with `.eof`.
    public static func tokenize(_ file: SourceFile) -> [Token] {
        var lexer = Lexer(file)
        return lexer.run()
    }

    /// The tokens of one part of the file (an f-string's `{expression}`), with no line breaks,
    /// ending with `.eof` at the part's end.
    static func tokenize(_ file: SourceFile, part: SourceSpan) -> [Token] {
        var lexer = Lexer(file)
        lexer.i = part.start
        lexer.end = part.end
        return lexer.run().filter { $0.kind != .newline }
    }

    private mutating func run() -> [Token] {
        let scalars = file.scalars
        while i < end {
            let c = scalars[i]
            let start = i
            switch c {
            case " ", "\t", "\r":
                i += 1
            case "#":
                while i < end, scalars[i] != "\n" { i += 1 }
            case "\n":
                i += 1
                newline(at: start)
            case "\\" where i + 1 < scalars.count && (scalars[i + 1] == "\n" || scalars[i + 1] == "\r"):
                i += 2  // explicit line continuation
            case "0"..."9":
                number()
            case "." where i + 1 < scalars.count && ("0"..."9").contains(scalars[i + 1]):
                number()
            case "\"", "'":
                string(quote: c)
            default:
                if Lexer.isIdentifierStart(c) {
                    identifier()
                } else {
                    punctuation()
                }
            }
        }
        newline(at: end)
        tokens.append(Token(kind: .eof, span: SourceSpan(end, end)))
        return tokens
    }

    private mutating func add(_ kind: TokenKind, _ start: Int) {
        tokens.append(Token(kind: kind, span: SourceSpan(start, i)))
    }

    private mutating func newline(at offset: Int) {
        if let top = brackets.last, top != .lbrace { return }
        guard let last = tokens.last else { return }
        if Lexer.continuesLine(last.kind) { return }
        tokens.append(Token(kind: .newline, span: SourceSpan(offset, offset + 1)))
    }

    /// Tokens after which a line break does not end the statement.
    static func continuesLine(_ k: TokenKind) -> Bool {
        switch k {
        case .newline, .lparen, .lbracket, .lbrace, .comma, .assign, .arrow, .plus, .minus, .star,
             .slash, .caret, .percent, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual,
             .bars, .kwAnd, .kwOr, .kwNot, .dot, .semicolon, .colon, .root:
            return true
        default:
            return false
        }
    }

    /// Letters (any script) and `_` start identifiers.
    public static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) { return true }
        if c.value < 0x80 { return false }
        return c.properties.isAlphabetic
    }

    /// Letters, digits, sub/superscript digits, combining marks and `′` continue them.
    public static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        if isIdentifierStart(c) || ("0"..."9").contains(c) { return true }
        if c.value < 0x80 { return false }
        let p = c.properties
        // Subscript/superscript digits (x₁, σ²) and combining marks (x̂) continue identifiers.
        return p.numericType != nil || p.generalCategory == .nonspacingMark || c == "′"
    }

    private mutating func identifier() {
        let start = i
        i += 1
        while i < s.count, Lexer.isIdentifierContinue(s[i]) { i += 1 }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: s[start..<i])
        let text = String(name)
        if text == "f", i < s.count, s[i] == "\"" || s[i] == "'" { return formatString(start: start) }
        add(Token.keywords[text] ?? .identifier(text == "π" ? "pi" : text), start)
    }

    private mutating func number() {
        let start = i
        var digits = ""
        func scanDigits(_ lexer: inout Lexer) {
            while lexer.i < lexer.s.count {
                let c = lexer.s[lexer.i]
                if ("0"..."9").contains(c) { digits.unicodeScalars.append(c); lexer.i += 1 }
                else if c == "_", lexer.i + 1 < lexer.s.count, ("0"..."9").contains(lexer.s[lexer.i + 1]) { lexer.i += 1 }
                else { break }
            }
        }
        scanDigits(&self)
        if i < s.count, s[i] == ".", !(i + 1 < s.count && (s[i + 1] == "." || Lexer.isIdentifierStart(s[i + 1]))) {
            digits += "."
            i += 1
            scanDigits(&self)
        }
        if i < s.count, s[i] == "e" || s[i] == "E" {
            var j = i + 1
            if j < s.count, s[j] == "+" || s[j] == "-" { j += 1 }
            if j < s.count, ("0"..."9").contains(s[j]) {
                digits += "e"
                if s[i + 1] == "-" { digits += "-" }
                i = j
                scanDigits(&self)
            }
        }
        if i < s.count, Lexer.isIdentifierStart(s[i]) {
            while i < s.count, Lexer.isIdentifierContinue(s[i]) { i += 1 }
            add(.error("malformed number '\(file.text(of: SourceSpan(start, i)))'"), start)
            return
        }
        if let value = Double(digits) { add(.number(value), start) } else {
            add(.error("malformed number '\(file.text(of: SourceSpan(start, i)))'"), start)
        }
    }

    private mutating func string(quote: Unicode.Scalar) {
        let start = i
        i += 1
        var value = String.UnicodeScalarView()
        while i < s.count, s[i] != quote {
            if s[i] == "\\", i + 1 < s.count {
                guard escape(into: &value, start: start, quote: quote) else { return }
            } else {
                value.append(s[i])
                i += 1
            }
        }
        guard i < s.count, s[i] == quote else {
            add(.error("unterminated string"), start)
            return
        }
        i += 1
        add(.string(String(value)), start)
    }

    /// The escape at `i` (a backslash) appended to `value`; false after reporting a bad one
    /// (the rest of the string, which started at `start`, is skipped).
    private mutating func escape(into value: inout String.UnicodeScalarView, start: Int, quote: Unicode.Scalar) -> Bool {
        i += 1
        switch s[i] {
        case "n": value.append("\n")
        case "t": value.append("\t")
        case "r": value.append("\r")
        case "0": value.append("\0")
        case "\\": value.append("\\")
        case "\"": value.append("\"")
        case "'": value.append("'")
        case "u":
            guard let scalar = unicodeEscape() else {
                add(.error("malformed \\u{…} escape in string"), start)
                skipToEndOfString(quote)
                return false
            }
            value.append(scalar)
            return true
        default:
            let bad = s[i]
            i += 1
            add(.error("unknown escape '\\\(bad)' in string (use \\\\ for a backslash)"), start)
            skipToEndOfString(quote)
            return false
        }
        i += 1
        return true
    }

    /// `f"text {expr} {expr:spec} {{ }}"`, with `i` at the quote after the `f` that began at
    /// `start`. The expressions are kept as source ranges, which the parser parses; a quote of
    /// the other kind inside `{…}` starts a string of the expression.
    private mutating func formatString(start: Int) {
        let quote = s[i]
        i += 1
        var parts: [FormatStringPart] = []
        var text = String.UnicodeScalarView()
        func flush() {
            if !text.isEmpty { parts.append(.text(String(text))); text = String.UnicodeScalarView() }
        }
        while i < s.count, s[i] != quote {
            let c = s[i]
            if c == "\\", i + 1 < s.count {
                guard escape(into: &text, start: start, quote: quote) else { return }
            } else if (c == "{" || c == "}"), i + 1 < s.count, s[i + 1] == c {
                text.append(c)
                i += 2
            } else if c == "}" {
                fail(at: i, "single '}' in an f-string (write '}}' for a brace)", quote: quote)
                return
            } else if c == "{" {
                flush()
                guard let field = formatField(quote: quote, start: start) else { return }
                parts.append(field)
            } else {
                text.append(c)
                i += 1
            }
        }
        guard i < s.count else {
            add(.error("unterminated string"), start)
            return
        }
        i += 1
        flush()
        add(.formatString(parts), start)
    }

    /// One `{expr}`, `{expr:spec}`, `{expr!r}` (or `!s`) or `{expr=}` of the f-string that began
    /// at `start`, `i` at its `{`; leaves `i` after its `}`. As Python: a `!` not starting `!=`
    /// and an `=` that is not part of `==`, `!=`, `<=`, `>=` and is followed (after spaces) by
    /// `}`, `!` or `:` end the expression.
    private mutating func formatField(quote: Unicode.Scalar, start: Int) -> FormatStringPart? {
        let open = i
        i += 1
        var depth = 0
        var colon: Int?
        var equals: Int?
        var bang: Int?
        var conversion: Character?
        while i < s.count, s[i] != quote {
            let c = s[i]
            if c == "\"" || c == "'" {
                let inner = c
                i += 1
                while i < s.count, s[i] != inner, s[i] != quote { i += s[i] == "\\" ? 2 : 1 }
                if i < s.count, s[i] == inner { i += 1 }
                continue
            }
            if colon == nil, depth == 0, bang == nil, c == "!", i + 1 < s.count, s[i + 1] != "=" {
                bang = i
                let letter = s[i + 1]
                guard letter == "r" || letter == "s" else {
                    fail(at: i + 1, "'!' in an f-string starts a conversion: write !r (the source form, strings quoted) or !s (as print writes it)", quote: quote)
                    return nil
                }
                conversion = Character(letter)
                i += 2
                guard i < s.count, s[i] == "}" || s[i] == ":" else {
                    if i < s.count, s[i] != quote { fail(at: i, "expected '}' or ':' after the conversion '!\(letter)'", quote: quote); return nil }
                    continue
                }
                if s[i] == ":" { colon = i; i += 1 }
                continue
            }
            if colon == nil, depth == 0, bang == nil, equals == nil, c == "=", isEchoEquals(at: i) { equals = i }
            if colon == nil {
                if "([{".unicodeScalars.contains(c) { depth += 1 }
                if ")]".unicodeScalars.contains(c) || (c == "}" && depth > 0) { depth -= 1 }
                else if c == "}" { break }
                if c == ":" && depth == 0 { colon = i }
            } else if c == "}" {
                break
            } else if c == "{" {
                fail(at: i, "a format spec cannot contain '{'", quote: quote)
                return nil
            }
            i += 1
        }
        if i == s.count {
            add(.error("unterminated string"), start)  // at the prompt: a continuation line
            return nil
        }
        guard s[i] == "}" else {
            fail(at: open, "unterminated '{' in an f-string (write '{{' for a brace; a string inside {…} takes the other quote)", quote: quote)
            return nil
        }
        let expression = SourceSpan(open + 1, equals ?? bang ?? colon ?? i)
        let echo = equals.map { _ in SourceSpan(open + 1, bang ?? colon ?? i) }
        let spec = colon.map { SourceSpan($0 + 1, i) }
        i += 1
        if file.text(of: expression).allSatisfy(\.isWhitespace) {
            fail(at: open, "empty expression in an f-string", quote: quote)
            return nil
        }
        return .field(expression: expression, spec: spec, conversion: conversion, echo: echo)
    }

    /// True when the `=` at `k` in an f-string field is Python's `{expr=}`: not part of `==`,
    /// `!=`, `<=`, `>=`, and followed, after spaces, by `}`, `:` or a `!` conversion.
    private func isEchoEquals(at k: Int) -> Bool {
        if k > 0, "=!<>".unicodeScalars.contains(s[k - 1]) { return false }
        var j = k + 1
        guard j < s.count, s[j] != "=" else { return false }
        while j < s.count, s[j] == " " { j += 1 }
        guard j < s.count else { return false }
        return s[j] == "}" || s[j] == ":" || (s[j] == "!" && j + 1 < s.count && s[j + 1] != "=")
    }

    /// Reports a malformed f-string at offset `at` (one character) and skips the rest of it.
    private mutating func fail(at offset: Int, _ message: String, quote: Unicode.Scalar) {
        tokens.append(Token(kind: .error(message), span: SourceSpan(offset, offset + 1)))
        skipToEndOfString(quote)
    }

    private mutating func skipToEndOfString(_ quote: Unicode.Scalar) {
        while i < s.count, s[i] != quote { i += 1 }
        if i < s.count, s[i] == quote { i += 1 }
    }

    /// Parses `u{XXXX}` after a backslash (i at 'u'); leaves i after the closing brace.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard i + 1 < s.count, s[i + 1] == "{" else { return nil }
        var j = i + 2
        var hex = ""
        while j < s.count, s[j] != "}", hex.count <= 8 { hex.unicodeScalars.append(s[j]); j += 1 }
        guard j < s.count, s[j] == "}", let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else { return nil }
        i = j + 1
        return scalar
    }

    private mutating func punctuation() {
        let start = i
        let c = s[i]
        let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
        i += 1
        let kind: TokenKind
        switch c {
        case "(": kind = .lparen; brackets.append(.lparen)
        case "[": kind = .lbracket; brackets.append(.lbracket)
        case "{": kind = .lbrace; brackets.append(.lbrace)
        case ")", "]", "}":
            kind = c == ")" ? .rparen : (c == "]" ? .rbracket : .rbrace)
            if !brackets.isEmpty { brackets.removeLast() }
        case ",": kind = .comma
        case ".": kind = .dot
        case ";": kind = .semicolon
        case ":": kind = .colon
        case "+": kind = .plus
        case "-":
            if next == ">" { i += 1; kind = .arrow } else { kind = .minus }
        case "→": kind = .arrow
        case "*":
            if next == "*" { i += 1; kind = .caret } else { kind = .star }
        case "/": kind = .slash
        case "^": kind = .caret
        case "%": kind = .percent
        case "=":
            if next == "=" { i += 1; kind = .equal } else { kind = .assign }
        case "!":
            if next == "=" { i += 1; kind = .notEqual } else { kind = .error("unexpected '!' (use 'not' for negation)") }
        case "<":
            if next == "=" { i += 1; kind = .lessEqual } else { kind = .less }
        case ">":
            if next == "=" { i += 1; kind = .greaterEqual } else { kind = .greater }
        case "−": kind = .minus  // U+2212 MINUS SIGN, as typeset
        case "÷": kind = .slash
        case "√": kind = .root
        case "∞": kind = .identifier("inf")
        case "∑": kind = .identifier("sum")
        case "∏": kind = .identifier("prod")
        case "∧": kind = .kwAnd
        case "∨": kind = .kwOr
        case "¬": kind = .kwNot
        case "∈": kind = .kwIn
        case "≤": kind = .lessEqual
        case "≥": kind = .greaterEqual
        case "≠": kind = .notEqual
        case "·", "×", "⋅": kind = .star
        case "|":
            if next == "|" { i += 1; kind = .bars } else { kind = .error("unexpected '|' (write '||' or '‖' between distributions)") }
        case "‖": kind = .bars
        default:
            kind = .error("unexpected character '\(c)'")
        }
        add(kind, start)
    }
}
