/// LaTeX-style names for mathematical symbols, completed with Tab as in the Julia REPL:
/// `\mu` becomes μ, `\sigma` σ, `\|` ‖, `\sum` ∑, `\^2` ², `\_0` ₀.
public enum LatexSymbols {
    /// Names (without the backslash) and the symbols they stand for. The code points were
    /// looked up by Unicode character name (Python `unicodedata.lookup`), following the
    /// Julia REPL's choices where names differ (`\epsilon` is ϵ, `\phi` is ϕ, `\cdot` is ⋅).
    /// Only symbols that mean something in kls are here: letters (they make names), sub- and
    /// superscript digits (they continue names: `x₁`, `σ²`), and the symbols the lexer reads as
    /// operators or names (`≤ ≥ ≠ × ⋅ · → ‖ ∧ ∨ ¬ ∈ − ÷ √ ∑ ∏ ∞`; `π` is `pi`). A test lexes
    /// every one of them.
    public static let table: [String: String] = [
        "^0": "⁰",  // U+2070 SUPERSCRIPT ZERO
        "^1": "¹",  // U+00B9 SUPERSCRIPT ONE
        "^2": "²",  // U+00B2 SUPERSCRIPT TWO
        "^3": "³",  // U+00B3 SUPERSCRIPT THREE
        "^4": "⁴",  // U+2074 SUPERSCRIPT FOUR
        "^5": "⁵",  // U+2075 SUPERSCRIPT FIVE
        "^6": "⁶",  // U+2076 SUPERSCRIPT SIX
        "^7": "⁷",  // U+2077 SUPERSCRIPT SEVEN
        "^8": "⁸",  // U+2078 SUPERSCRIPT EIGHT
        "^9": "⁹",  // U+2079 SUPERSCRIPT NINE
        "^a": "ᵃ",  // U+1D43 MODIFIER LETTER SMALL A
        "^b": "ᵇ",  // U+1D47 MODIFIER LETTER SMALL B
        "^i": "ⁱ",  // U+2071 SUPERSCRIPT LATIN SMALL LETTER I
        "^k": "ᵏ",  // U+1D4F MODIFIER LETTER SMALL K
        "^n": "ⁿ",  // U+207F SUPERSCRIPT LATIN SMALL LETTER N
        "^T": "ᵀ",  // U+1D40 MODIFIER LETTER CAPITAL T
        "^t": "ᵗ",  // U+1D57 MODIFIER LETTER SMALL T
        "^x": "ˣ",  // U+02E3 MODIFIER LETTER SMALL X
        "^y": "ʸ",  // U+02B8 MODIFIER LETTER SMALL Y
        "_0": "₀",  // U+2080 SUBSCRIPT ZERO
        "_1": "₁",  // U+2081 SUBSCRIPT ONE
        "_2": "₂",  // U+2082 SUBSCRIPT TWO
        "_3": "₃",  // U+2083 SUBSCRIPT THREE
        "_4": "₄",  // U+2084 SUBSCRIPT FOUR
        "_5": "₅",  // U+2085 SUBSCRIPT FIVE
        "_6": "₆",  // U+2086 SUBSCRIPT SIX
        "_7": "₇",  // U+2087 SUBSCRIPT SEVEN
        "_8": "₈",  // U+2088 SUBSCRIPT EIGHT
        "_9": "₉",  // U+2089 SUBSCRIPT NINE
        "_a": "ₐ",  // U+2090 LATIN SUBSCRIPT SMALL LETTER A
        "_e": "ₑ",  // U+2091 LATIN SUBSCRIPT SMALL LETTER E
        "_h": "ₕ",  // U+2095 LATIN SUBSCRIPT SMALL LETTER H
        "_i": "ᵢ",  // U+1D62 LATIN SUBSCRIPT SMALL LETTER I
        "_j": "ⱼ",  // U+2C7C LATIN SUBSCRIPT SMALL LETTER J
        "_k": "ₖ",  // U+2096 LATIN SUBSCRIPT SMALL LETTER K
        "_l": "ₗ",  // U+2097 LATIN SUBSCRIPT SMALL LETTER L
        "_m": "ₘ",  // U+2098 LATIN SUBSCRIPT SMALL LETTER M
        "_n": "ₙ",  // U+2099 LATIN SUBSCRIPT SMALL LETTER N
        "_o": "ₒ",  // U+2092 LATIN SUBSCRIPT SMALL LETTER O
        "_p": "ₚ",  // U+209A LATIN SUBSCRIPT SMALL LETTER P
        "_r": "ᵣ",  // U+1D63 LATIN SUBSCRIPT SMALL LETTER R
        "_s": "ₛ",  // U+209B LATIN SUBSCRIPT SMALL LETTER S
        "_t": "ₜ",  // U+209C LATIN SUBSCRIPT SMALL LETTER T
        "_u": "ᵤ",  // U+1D64 LATIN SUBSCRIPT SMALL LETTER U
        "_v": "ᵥ",  // U+1D65 LATIN SUBSCRIPT SMALL LETTER V
        "_x": "ₓ",  // U+2093 LATIN SUBSCRIPT SMALL LETTER X
        "aleph": "ℵ",  // U+2135 ALEF SYMBOL
        "Alpha": "Α",  // U+0391 GREEK CAPITAL LETTER ALPHA
        "alpha": "α",  // U+03B1 GREEK SMALL LETTER ALPHA
        "bbC": "ℂ",  // U+2102 DOUBLE-STRUCK CAPITAL C
        "bbE": "𝔼",  // U+1D53C MATHEMATICAL DOUBLE-STRUCK CAPITAL E
        "bbN": "ℕ",  // U+2115 DOUBLE-STRUCK CAPITAL N
        "bbP": "ℙ",  // U+2119 DOUBLE-STRUCK CAPITAL P
        "bbQ": "ℚ",  // U+211A DOUBLE-STRUCK CAPITAL Q
        "bbR": "ℝ",  // U+211D DOUBLE-STRUCK CAPITAL R
        "bbZ": "ℤ",  // U+2124 DOUBLE-STRUCK CAPITAL Z
        "Beta": "Β",  // U+0392 GREEK CAPITAL LETTER BETA
        "beta": "β",  // U+03B2 GREEK SMALL LETTER BETA
        "cdot": "⋅",  // U+22C5 DOT OPERATOR
        "cdotp": "·",  // U+00B7 MIDDLE DOT
        "Chi": "Χ",  // U+03A7 GREEK CAPITAL LETTER CHI
        "chi": "χ",  // U+03C7 GREEK SMALL LETTER CHI
        "Delta": "Δ",  // U+0394 GREEK CAPITAL LETTER DELTA
        "delta": "δ",  // U+03B4 GREEK SMALL LETTER DELTA
        "digamma": "ϝ",  // U+03DD GREEK SMALL LETTER DIGAMMA
        "div": "÷",  // U+00F7 DIVISION SIGN
        "ell": "ℓ",  // U+2113 SCRIPT SMALL L
        "Epsilon": "Ε",  // U+0395 GREEK CAPITAL LETTER EPSILON
        "epsilon": "ϵ",  // U+03F5 GREEK LUNATE EPSILON SYMBOL
        "Eta": "Η",  // U+0397 GREEK CAPITAL LETTER ETA
        "eta": "η",  // U+03B7 GREEK SMALL LETTER ETA
        "euler": "ℯ",  // U+212F SCRIPT SMALL E
        "Gamma": "Γ",  // U+0393 GREEK CAPITAL LETTER GAMMA
        "gamma": "γ",  // U+03B3 GREEK SMALL LETTER GAMMA
        "ge": "≥",  // U+2265 GREATER-THAN OR EQUAL TO
        "geq": "≥",  // U+2265 GREATER-THAN OR EQUAL TO
        "hbar": "ħ",  // U+0127 LATIN SMALL LETTER H WITH STROKE
        "Im": "ℑ",  // U+2111 BLACK-LETTER CAPITAL I
        "in": "∈",  // U+2208 ELEMENT OF
        "infty": "∞",  // U+221E INFINITY
        "Iota": "Ι",  // U+0399 GREEK CAPITAL LETTER IOTA
        "iota": "ι",  // U+03B9 GREEK SMALL LETTER IOTA
        "Kappa": "Κ",  // U+039A GREEK CAPITAL LETTER KAPPA
        "kappa": "κ",  // U+03BA GREEK SMALL LETTER KAPPA
        "Lambda": "Λ",  // U+039B GREEK CAPITAL LETTER LAMDA
        "lambda": "λ",  // U+03BB GREEK SMALL LETTER LAMDA
        "land": "∧",  // U+2227 LOGICAL AND
        "le": "≤",  // U+2264 LESS-THAN OR EQUAL TO
        "leq": "≤",  // U+2264 LESS-THAN OR EQUAL TO
        "lnot": "¬",  // U+00AC NOT SIGN
        "lor": "∨",  // U+2228 LOGICAL OR
        "minus": "−",  // U+2212 MINUS SIGN
        "Mu": "Μ",  // U+039C GREEK CAPITAL LETTER MU
        "mu": "μ",  // U+03BC GREEK SMALL LETTER MU
        "ne": "≠",  // U+2260 NOT EQUAL TO
        "neg": "¬",  // U+00AC NOT SIGN
        "neq": "≠",  // U+2260 NOT EQUAL TO
        "Nu": "Ν",  // U+039D GREEK CAPITAL LETTER NU
        "nu": "ν",  // U+03BD GREEK SMALL LETTER NU
        "Omega": "Ω",  // U+03A9 GREEK CAPITAL LETTER OMEGA
        "omega": "ω",  // U+03C9 GREEK SMALL LETTER OMEGA
        "Omicron": "Ο",  // U+039F GREEK CAPITAL LETTER OMICRON
        "omicron": "ο",  // U+03BF GREEK SMALL LETTER OMICRON
        "Phi": "Φ",  // U+03A6 GREEK CAPITAL LETTER PHI
        "phi": "ϕ",  // U+03D5 GREEK PHI SYMBOL
        "Pi": "Π",  // U+03A0 GREEK CAPITAL LETTER PI
        "pi": "π",  // U+03C0 GREEK SMALL LETTER PI
        "prime": "′",  // U+2032 PRIME
        "Psi": "Ψ",  // U+03A8 GREEK CAPITAL LETTER PSI
        "psi": "ψ",  // U+03C8 GREEK SMALL LETTER PSI
        "Re": "ℜ",  // U+211C BLACK-LETTER CAPITAL R
        "Rho": "Ρ",  // U+03A1 GREEK CAPITAL LETTER RHO
        "rho": "ρ",  // U+03C1 GREEK SMALL LETTER RHO
        "rightarrow": "→",  // U+2192 RIGHTWARDS ARROW
        "Sigma": "Σ",  // U+03A3 GREEK CAPITAL LETTER SIGMA
        "sigma": "σ",  // U+03C3 GREEK SMALL LETTER SIGMA
        "sqrt": "√",  // U+221A SQUARE ROOT
        "sum": "∑",  // U+2211 N-ARY SUMMATION
        "prod": "∏",  // U+220F N-ARY PRODUCT
        "Tau": "Τ",  // U+03A4 GREEK CAPITAL LETTER TAU
        "tau": "τ",  // U+03C4 GREEK SMALL LETTER TAU
        "Theta": "Θ",  // U+0398 GREEK CAPITAL LETTER THETA
        "theta": "θ",  // U+03B8 GREEK SMALL LETTER THETA
        "times": "×",  // U+00D7 MULTIPLICATION SIGN
        "to": "→",  // U+2192 RIGHTWARDS ARROW
        "Upsilon": "Υ",  // U+03A5 GREEK CAPITAL LETTER UPSILON
        "upsilon": "υ",  // U+03C5 GREEK SMALL LETTER UPSILON
        "varepsilon": "ε",  // U+03B5 GREEK SMALL LETTER EPSILON
        "varkappa": "ϰ",  // U+03F0 GREEK KAPPA SYMBOL
        "varphi": "φ",  // U+03C6 GREEK SMALL LETTER PHI
        "varpi": "ϖ",  // U+03D6 GREEK PI SYMBOL
        "varrho": "ϱ",  // U+03F1 GREEK RHO SYMBOL
        "varsigma": "ς",  // U+03C2 GREEK SMALL LETTER FINAL SIGMA
        "vartheta": "ϑ",  // U+03D1 GREEK THETA SYMBOL
        "vee": "∨",  // U+2228 LOGICAL OR
        "Vert": "‖",  // U+2016 DOUBLE VERTICAL LINE
        "wedge": "∧",  // U+2227 LOGICAL AND
        "Xi": "Ξ",  // U+039E GREEK CAPITAL LETTER XI
        "xi": "ξ",  // U+03BE GREEK SMALL LETTER XI
        "Zeta": "Ζ",  // U+0396 GREEK CAPITAL LETTER ZETA
        "zeta": "ζ",  // U+03B6 GREEK SMALL LETTER ZETA
        "|": "‖",  // U+2016 DOUBLE VERTICAL LINE
    ]

    /// The longest name in `table`, which bounds how far back a name is searched for.
    private static let longestName = table.keys.map(\.count).max() ?? 0

    /// Completes a backslash name that ends at the cursor (UTF-8 byte offset `cursor` into
    /// `line`). An exact name gives its symbol (`\in` → ∈, although `\infty` and `\int` also
    /// start with `in`); otherwise every name that starts with the typed text is offered as
    /// `\name` (`\var` → `\varepsilon`, `\varphi`, …), so a second Tab gives the symbol.
    /// Returns nil when no backslash name ends at the cursor or nothing matches.
    public static func completion(line: String, cursorUTF8Offset cursor: Int) -> CompletionResult? {
        let utf8 = line.utf8
        guard cursor > 0, cursor <= utf8.count else { return nil }
        guard let end = String.Index(utf8.index(utf8.startIndex, offsetBy: cursor), within: line) else { return nil }
        guard let backslash = findBackslash(in: line, before: end) else { return nil }
        let name = String(line[line.index(after: backslash)..<end])
        guard !name.isEmpty else { return nil }
        let start = utf8.distance(from: utf8.startIndex, to: backslash)
        if let symbol = table[name] {
            return CompletionResult(replacing: start..<cursor, candidates: [symbol])
        }
        let names = table.keys.filter { $0.hasPrefix(name) }.sorted()
        guard !names.isEmpty else { return nil }
        return CompletionResult(replacing: start..<cursor, candidates: names.map { "\\" + $0 })
    }

    /// The backslash that starts the name ending at `end`: the nearest one within
    /// `longestName` characters with no space, quote or second backslash in between.
    private static func findBackslash(in line: String, before end: String.Index) -> String.Index? {
        var index = end
        var length = 0
        while index > line.startIndex, length <= longestName {
            let previous = line.index(before: index)
            let character = line[previous]
            if character == "\\" { return previous }
            if character.isWhitespace || character == "\"" || character == "'" { return nil }
            index = previous
            length += 1
        }
        return nil
    }
}
