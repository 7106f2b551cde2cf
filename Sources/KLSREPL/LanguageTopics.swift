import KLSLineEditor

/// The help topics about the language and the prompt itself (the builtin topics come from
/// the registry's categories).
enum LanguageTopic: String, CaseIterable, Sendable {
    case syntax, operators, functions, keys, commands, symbols

    /// One line for the topic list.
    var summary: String {
        switch self {
        case .syntax: return "statements, vectors, slices, f-strings, if/for/while, fields, comments"
        case .operators: return "precedence, elementwise arithmetic, P || Q"
        case .functions: return "f(x) = …, lambdas, fn blocks, keyword arguments, scope"
        case .keys: return "editing keys, history, completion"
        case .commands: return "the :commands of the prompt"
        case .symbols: return "typing Greek letters and math symbols (\\mu Tab → μ)"
        }
    }

    /// The topic a keyword is explained in (`:help for` shows `syntax`).
    static func forKeyword(_ keyword: String) -> LanguageTopic? {
        switch keyword {
        case "fn", "return": return .functions
        case "and", "or", "not": return .operators
        case "if", "else", "for", "in", "while", "break", "continue", "true", "false", "none": return .syntax
        default: return nil
        }
    }

    /// The topic's text (lines without colour; `historyPath` is shown under `keys`).
    func text(historyPath: String?) -> String {
        switch self {
        case .syntax: return Self.syntaxText
        case .operators: return Self.operatorsText
        case .functions: return Self.functionsText
        case .keys:
            let history = historyPath.map { "History is kept in \($0) ($KLS_HISTORY overrides; empty turns it off)." }
                ?? "History is kept in memory only (KLS_HISTORY is empty or no home directory is known)."
            return Self.keysText + history + "\n"
        case .commands:
            let width = PromptCommand.allCases.map(\.usage.count).max() ?? 0
            var out = ""
            for command in PromptCommand.allCases {
                out += "  " + command.usage.padding(toLength: width + 3, withPad: " ", startingAt: 0) + command.summary + "\n"
            }
            return out + "Any unique prefix works: :h, :v, :q. Code after :type and :time may span lines.\n"
                + "Lessons: kls lesson (or :lesson) lists them; :lesson NAME starts one at this prompt.\n"
        case .symbols: return Self.symbolsText()
        }
    }

    static let syntaxText = """
      x = 3                      numbers are 64-bit floats; 3 prints as 3, 0.1 as 0.1
      v = [0.5, 0.25, 0.25]      a vector; v[0] is the first element, v[-1] the last
      v[1:3]  v[:2]  v[::-1]     slices: end exclusive, negative bounds from the end
      m = [[1, 2], [3, 4]]       a matrix; m[1] is a row, m[1][0] or m[1, 0] an element
      m[:, 0]  m[0, :]  m[0:2, 1:]   a column, a row, a block
      v[1:3] = [7, 8]; m[:, 0] = 0   assignment through subscripts (a number broadcasts)
      s = "text"                 strings: len(s), s[0], s[1:3], s + "more"
      f"H = {h:.3f} bits"        f-strings: any expression in {}, Python's format specs
      f"{h=} {s!r} {s!s}"        as Python: h=1.5, the source form ("kls"), the print text
      μ = 0; σ = 1               Unicode names; ';' separates statements
      if x > 2 { print("big") } else { print("small") }
      for i in range(3) { print(i) }      0 1 2; for x in v walks the elements
      while x > 0 { x = x - 1 }           break and continue work in both loops
      fit.params   v.shape   m.T          fields
      # a comment
    A line that is unfinished — an open ( [ { or string, or a trailing operator —
    continues on a '...' line. At the prompt a trailing ';' hides the value, and
    ans holds the last value shown. The whole grammar: grammar.md.

    """

    static let operatorsText = """
    From loosest to tightest binding:
      ->                 lambda                     x -> 2*x
      or  and  not       logic (short-circuit)      x > 0 and not done
      == != < <= > >=    comparison                 == compares whole values
      + -                add, subtract              "a" + "b" joins strings
      * / %              multiply, divide, modulo   % is floored, like Python's
      - +  √  (unary)                               2 * -3 == -6, √x^2 == √(x^2)
      ^                  power (right-assoc.)       -2^2 == -4, 2^3^2 == 512
      f(x)  v[i]  x.f    call, subscript, field     v[1:3], M[i, j], M[:, j]
    Arithmetic and math functions work elementwise on vectors and matrices, and a
    number broadcasts against any shape: v * 2, log(v), p * log(p / q).
    < <= > >= on vectors give 0/1 masks: p * (x > 0).
    Inside a call, P || Q (or P ‖ Q) separates two arguments: KL(P || Q) = KL(P, Q).
    Also accepted: ** for ^, → for ->, ≤ ≥ ≠, · ⋅ × for *, ÷ for /, − for -,
    ∧ ∨ ¬ for and or not, ∈ for in; π is pi, ∞ inf, ∑ sum, ∏ prod, √x is sqrt(x).

    """

    static let functionsText = """
      f(x) = x^2 + 1             one line, math style; f(x, y=2) = … has a default
      g = x -> 2*x               a lambda; (a, b) -> a + b takes two
      fn h(a, b=1) {             a block; return gives the value (none without one)
          c = a + b
          return c * 2
      }
      h(1, b=3)                  arguments by position, then by name
    Names assigned inside a function are local to it (as in Python); functions see
    the names around them (closures). Top-level fn declarations can be called before
    the line that defines them. Calls nest up to 10,000 deep.
    Any such function can be differentiated exactly: grad(f, 3), grad(h, 1, 2).

    """

    static let keysText = """
      Enter            run the input (an unfinished line continues on '...')
      Tab              complete names, fields after '.', files in strings, \\mu → μ;
                       on an empty line it indents
      ↑ ↓              walk the history (a multi-line block is one entry)
      Ctrl-R           search the history backwards (Ctrl-S forwards)
      Ctrl-A  Ctrl-E   start / end of the line
      Alt-← Alt-→      a word left / right;  Ctrl-W deletes the word before
      Ctrl-K           delete to the end of the line
      Ctrl-L           clear the screen
      Ctrl-C           discard the line (and an unfinished block); stop a running
                       computation (variables stay)
      Ctrl-D           quit (on an empty line)
    Pasting a block runs it as one program (a pasted Tab indents).

    """

    /// Names worth knowing, in display order; only those the editor knows are listed.
    static let featuredSymbols = [
        "alpha", "beta", "gamma", "delta", "epsilon", "theta", "lambda", "mu", "nu", "pi", "rho", "sigma",
        "tau", "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Sigma", "Phi", "Omega",
        "|", "to", "le", "ge", "ne", "times", "sqrt", "sum", "infty", "_0", "_1", "_2", "^2", "^T",
    ]

    /// The LaTeX names worth knowing with their symbols, in columns, and how to use them.
    static func symbolsText() -> String {
        let pairs = featuredSymbols.compactMap { name in LatexSymbols.table[name].map { "\\\(name) \($0)" } }
        var out = "Type a LaTeX name and press Tab, as in Julia: \\mu Tab → μ.\n"
        var line = " "
        for pair in pairs {
            if line.count + pair.count + 3 > 78 { out += line + "\n"; line = " " }
            line += "  " + pair.padding(toLength: max(pair.count, 10), withPad: " ", startingAt: 0)
        }
        out += line + "\n"
        out += "Greek letters make names (μ = 0; σ² = 1; x₁ = 2); π is pi, ∞ inf, ∑ sum, ∏ prod;\n"
        out += "√x is sqrt(x); ‖ → ≤ ≥ ≠ × ÷ − ∧ ∨ ¬ ∈ are operators. Only symbols kls reads are offered.\n"
        out += "\\var lists \\varepsilon, \\varphi, …: any prefix lists what it could become.\n"
        return out
    }
}
