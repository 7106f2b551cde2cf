import Testing
@testable import KLSLineEditor

@Suite struct LatexSymbolsTests {
    /// Code points checked with Python: `unicodedata.name(symbol)`.
    @Test(arguments: [
        ("mu", "\u{03BC}"),       // GREEK SMALL LETTER MU
        ("sigma", "\u{03C3}"),    // GREEK SMALL LETTER SIGMA
        ("|", "\u{2016}"),        // DOUBLE VERTICAL LINE
        ("sum", "\u{2211}"),      // N-ARY SUMMATION
        ("infty", "\u{221E}"),    // INFINITY
        ("le", "\u{2264}"),       // LESS-THAN OR EQUAL TO
        ("ge", "\u{2265}"),       // GREATER-THAN OR EQUAL TO
        ("ne", "\u{2260}"),       // NOT EQUAL TO
        ("minus", "\u{2212}"),    // MINUS SIGN
        ("cdot", "\u{22C5}"),     // DOT OPERATOR
        ("times", "\u{00D7}"),    // MULTIPLICATION SIGN
        ("sqrt", "\u{221A}"),     // SQUARE ROOT
        ("theta", "\u{03B8}"),    // GREEK SMALL LETTER THETA
        ("lambda", "\u{03BB}"),   // GREEK SMALL LETTER LAMDA
        ("pi", "\u{03C0}"),       // GREEK SMALL LETTER PI
        ("tau", "\u{03C4}"),      // GREEK SMALL LETTER TAU
        ("Omega", "\u{03A9}"),    // GREEK CAPITAL LETTER OMEGA
        ("Alpha", "\u{0391}"),    // GREEK CAPITAL LETTER ALPHA
        ("epsilon", "\u{03F5}"),  // GREEK LUNATE EPSILON SYMBOL (Julia's \epsilon)
        ("varepsilon", "\u{03B5}"), // GREEK SMALL LETTER EPSILON
        ("^2", "\u{00B2}"),       // SUPERSCRIPT TWO
        ("_0", "\u{2080}"),       // SUBSCRIPT ZERO
    ])
    func tableHolds(name: String, symbol: String) {
        #expect(LatexSymbols.table[name] == symbol)
    }

    @Test func everyLowercaseGreekLetterIsThere() {
        let names = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
                     "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi",
                     "chi", "psi", "omega"]
        for name in names {
            #expect(LatexSymbols.table[name] != nil, "\\\(name)")
            let capital = name.prefix(1).uppercased() + name.dropFirst()
            #expect(LatexSymbols.table[capital] != nil, "\\\(capital)")
        }
    }

    @Test func exactNameBecomesItsSymbol() {
        let line = "x = \\mu"
        #expect(LatexSymbols.completion(line: line, cursorUTF8Offset: 7)
                == CompletionResult(replacing: 4..<7, candidates: ["μ"]))
        #expect(LatexSymbols.completion(line: "\\|", cursorUTF8Offset: 2)
                == CompletionResult(replacing: 0..<2, candidates: ["‖"]))
    }

    @Test func exactNameWinsOverLongerNames() {
        #expect(LatexSymbols.completion(line: "a \\in", cursorUTF8Offset: 5)?.candidates == ["∈"])
    }

    /// Symbols that mean nothing in kls are not offered (issue 15): no integrals, arrows or set
    /// operations, which the lexer would reject.
    @Test func symbolsWithoutAMeaningAreNotOffered() {
        for name in ["int", "partial", "nabla", "pm", "approx", "subset", "leftarrow", "^+", "_(", "bbone"] {
            #expect(LatexSymbols.table[name] == nil, "\\\(name)")
        }
    }

    @Test func partialNameOffersTheMatchingNames() {
        let result = LatexSymbols.completion(line: "\\vart", cursorUTF8Offset: 5)
        #expect(result == CompletionResult(replacing: 0..<5, candidates: ["\\vartheta"]))
        let many = LatexSymbols.completion(line: "\\lambd", cursorUTF8Offset: 6)
        #expect(many?.candidates == ["\\lambda"])
        let sums = LatexSymbols.completion(line: "\\su", cursorUTF8Offset: 3)
        #expect(sums?.candidates == ["\\sum"])
        let les = LatexSymbols.completion(line: "\\le", cursorUTF8Offset: 3)
        #expect(les?.candidates == ["≤"])
    }

    @Test func offsetsAreUTF8BytesAfterNonASCIIText() {
        // "μ" and "σ" are two UTF-8 bytes each: "μσ = \sigma" has the backslash at byte 7.
        let line = "μσ = \\sigma + 1"
        #expect(LatexSymbols.completion(line: line, cursorUTF8Offset: 13)
                == CompletionResult(replacing: 7..<13, candidates: ["σ"]))
    }

    @Test func nothingToCompleteGivesNil() {
        #expect(LatexSymbols.completion(line: "x = mu", cursorUTF8Offset: 6) == nil)
        #expect(LatexSymbols.completion(line: "\\mu x", cursorUTF8Offset: 5) == nil)
        #expect(LatexSymbols.completion(line: "\\", cursorUTF8Offset: 1) == nil)
        #expect(LatexSymbols.completion(line: "\\zzz", cursorUTF8Offset: 4) == nil)
        #expect(LatexSymbols.completion(line: "\\mu", cursorUTF8Offset: 99) == nil)
        #expect(LatexSymbols.completion(line: "μ", cursorUTF8Offset: 1) == nil)
        #expect(LatexSymbols.completion(line: "", cursorUTF8Offset: 0) == nil)
    }
}
