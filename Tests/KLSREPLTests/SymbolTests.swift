import KLSLineEditor
import KLSSyntax
import Testing

/// Everything Tab completion offers as a LaTeX symbol can be used in a program (issue 15):
/// letters make names, sub- and superscript digits continue them, and every other symbol is a
/// token the lexer knows. A symbol that meant nothing would lex as an error here.
struct SymbolTests {
    @Test func everyOfferedSymbolLexes() {
        for (name, symbol) in LatexSymbols.table.sorted(by: { $0.key < $1.key }) {
            let scalar = symbol.unicodeScalars.first!
            // A sub- or superscript digit continues a name (x₁, σ²); anything else stands alone.
            let text = Lexer.isIdentifierStart(scalar) || !Lexer.isIdentifierContinue(scalar) ? symbol : "x" + symbol
            let tokens = Lexer.tokenize(SourceFile(name: "t", text: text))
            let kinds = tokens.map(\.kind).filter { $0 != .newline && $0 != .eof }
            #expect(kinds.count == 1, "\\\(name) \(symbol): \(kinds)")
            if case .error(let message)? = kinds.first { Issue.record("\\\(name) \(symbol): \(message)") }
        }
    }

    @Test func boardSymbolsMeanTheirBuiltins() {
        func kinds(_ text: String) -> [TokenKind] {
            Lexer.tokenize(SourceFile(name: "t", text: text)).map(\.kind).filter { $0 != .newline && $0 != .eof }
        }
        #expect(kinds("π") == [.identifier("pi")])
        #expect(kinds("∞") == [.identifier("inf")])
        #expect(kinds("∑") == [.identifier("sum")])
        #expect(kinds("∏") == [.identifier("prod")])
        #expect(kinds("πr") == [.identifier("πr")])  // only π alone is pi
        #expect(kinds("√ ≤ ≥ ≠ − ÷ ∧ ∨ ¬ ∈") == [.root, .lessEqual, .greaterEqual, .notEqual, .minus, .slash,
                                                 .kwAnd, .kwOr, .kwNot, .kwIn])
    }
}
