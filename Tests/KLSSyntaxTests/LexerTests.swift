import Testing
@testable import KLSSyntax

/// The lexer's token rules: literals, Unicode names, operators, and where newlines end statements.
struct LexerTests {
    func kinds(_ text: String) -> [TokenKind] {
        Lexer.tokenize(SourceFile(name: "t", text: text)).map(\.kind)
    }

    @Test func numberLiterals() {
        #expect(kinds("3 0.5 1e-3 2.5E+2 1_000 .25") ==
                [.number(3), .number(0.5), .number(0.001), .number(250), .number(1000), .number(0.25), .newline, .eof])
    }

    @Test func malformedNumberIsAnErrorToken() {
        guard case .error(let m) = kinds("12abc")[0] else { Issue.record("no error token"); return }
        #expect(m.contains("malformed number"))
    }

    @Test func unicodeIdentifiers() {
        #expect(kinds("μ = σ₁ + x̂") == [.identifier("μ"), .assign, .identifier("σ₁"), .plus, .identifier("x̂"), .newline, .eof])
    }

    @Test func stringEscapes() {
        #expect(kinds(#""a\n\t\"b\\" 'c' "\u{3bc}""#) == [.string("a\n\t\"b\\"), .string("c"), .string("μ"), .newline, .eof])
    }

    @Test func unterminatedString() {
        guard case .error(let m) = kinds("\"abc")[0] else { Issue.record("no error token"); return }
        #expect(m == "unterminated string")
    }

    @Test func divergenceBars() {
        #expect(kinds("KL(P || Q) KL(P ‖ Q)") == [
            .identifier("KL"), .lparen, .identifier("P"), .bars, .identifier("Q"), .rparen,
            .identifier("KL"), .lparen, .identifier("P"), .bars, .identifier("Q"), .rparen, .newline, .eof,
        ])
    }

    @Test func operators() {
        #expect(kinds("a == b != c <= d >= e -> ** ^ %") == [
            .identifier("a"), .equal, .identifier("b"), .notEqual, .identifier("c"), .lessEqual, .identifier("d"),
            .greaterEqual, .identifier("e"), .arrow, .caret, .caret, .percent, .eof,  // a trailing operator continues
        ])
    }

    @Test func newlinesInsideBracketsAndAfterOperatorsContinue() {
        #expect(kinds("f(1,\n2)\nx = 1 +\n2") == [
            .identifier("f"), .lparen, .number(1), .comma, .number(2), .rparen, .newline,
            .identifier("x"), .assign, .number(1), .plus, .number(2), .newline, .eof,
        ])
    }

    @Test func newlinesInsideBracesEndStatements() {
        #expect(kinds("{ a\nb }") == [.lbrace, .identifier("a"), .newline, .identifier("b"), .rbrace, .newline, .eof])
    }

    @Test func commentsAreSkipped() {
        #expect(kinds("x # comment ( [\ny") == [.identifier("x"), .newline, .identifier("y"), .newline, .eof])
    }

    @Test func keywords() {
        #expect(kinds("fn if else for in while return break continue and or not true false none").count == 17)
    }
}
