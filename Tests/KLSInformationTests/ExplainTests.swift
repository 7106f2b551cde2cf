import Testing
import KLSNumerics
@testable import KLSInformation

/// The worked examples of the seed note, written out by `Information.explain`.
@Suite struct ExplainTests {
    let p = vectorTensor([0.5, 0.25, 0.25])
    let q = vectorTensor([0.25, 0.5, 0.25])

    /// The number on the last line, `… = NUMBER unit`.
    func resultNumber(_ text: String, unit: String) throws -> Double {
        let last = try #require(text.split(separator: "\n").last)
        #expect(last.hasSuffix(" " + unit))
        let number = try #require(last.split(separator: " ").dropLast().last)
        return try #require(Double(String(number)))
    }

    @Test func klInBitsAsTheSeed() throws {
        // seed §3.4: 0.5·log2(0.5/0.25) + 0.25·log2(0.25/0.5) + 0.25·log2(0.25/0.25) = 0.25 bits
        let text = try Information.explain(.kl(p, q), base: 2)
        #expect(text == """
            KL(P ‖ Q) = Σ p·log2(p/q)
                      = 0.5·log2(0.5/0.25) + 0.25·log2(0.25/0.5) + 0.25·log2(0.25/0.25)
                      = 0.5·1 + 0.25·(-1) + 0.25·0
                      = 0.25 bits
            """)
    }

    /// The same sum as LaTeX for a notebook: one aligned block, units as text.
    @Test func klAsLaTeX() throws {
        let latex = Information.explanationLaTeX(try Information.explain(.kl(p, q), base: 2))
        #expect(latex == #"""
            $$
            \begin{aligned}
            KL(P \,\|\, Q) &= \sum p \cdot \log_2(p/q) \\
            &= 0.5 \cdot \log_2(0.5/0.25) + 0.25 \cdot \log_2(0.25/0.5) + 0.25 \cdot \log_2(0.25/0.25) \\
            &= 0.5 \cdot 1 + 0.25 \cdot (-1) + 0.25 \cdot 0 \\
            &= 0.25\ \text{bits}
            \end{aligned}
            $$
            """#)
        let zero = Information.explanationLaTeX(try Information.explain(.entropy(vectorTensor([1, 0])), base: 2))
        #expect(zero.hasSuffix("$$\n\n(terms with p = 0 contribute 0: 0·log 0 = 0)"))
    }

    @Test func entropyInBits() throws {
        // seed §3.3: L_P = 0.5 × 1 + 0.25 × 2 + 0.25 × 2 = 1.5 bits
        let text = try Information.explain(.entropy(p), base: 2)
        #expect(text == """
            H(P) = -Σ p·log2(p)
                 = -(0.5·log2(0.5) + 0.25·log2(0.25) + 0.25·log2(0.25))
                 = -(0.5·(-1) + 0.25·(-2) + 0.25·(-2))
                 = 1.5 bits
            """)
    }

    @Test func crossEntropyInBits() throws {
        // seed §3.3: L_{P,Q} = 0.5 × 2 + 0.25 × 1 + 0.25 × 2 = 1.75 bits
        let text = try Information.explain(.crossEntropy(p, q), base: 2)
        #expect(text == """
            H(P, Q) = -Σ p·log2(q)
                    = -(0.5·log2(0.25) + 0.25·log2(0.5) + 0.25·log2(0.25))
                    = -(0.5·(-2) + 0.25·(-1) + 0.25·(-2))
                    = 1.75 bits
            """)
    }

    @Test func natsDitsAndZeroTerms() throws {
        // log(5) = 1.6094379124341003, log(5/9) = -0.5877866649021191 (Python math.log);
        // KL = 0.5108256237659906 nats (scipy.stats.entropy)
        let coin = try Information.explain(.kl(vectorTensor([0.5, 0.5]), vectorTensor([0.1, 0.9])))
        #expect(coin.hasPrefix("KL(P ‖ Q) = Σ p·log(p/q)\n"))
        #expect(coin.contains("= 0.5·log(0.5/0.1) + 0.5·log(0.5/0.9)"))
        #expect(coin.contains("= 0.5·1.6094379124341003 + 0.5·(-0.587786664902119)"))
        #expect(near(try resultNumber(coin, unit: "nats"), 0.5108256237659906))
        let dits = try Information.explain(.entropy(vectorTensor([0.1, 0.9, 0])), base: 10)
        #expect(dits.contains("0·log10(0)"))
        #expect(dits.contains("dits"))
        #expect(dits.hasSuffix("(terms with p = 0 contribute 0: 0·log 0 = 0)"))
        let infinite = try Information.explain(.kl(vectorTensor([0.5, 0.5]), vectorTensor([1, 0])), base: 2)
        #expect(infinite.contains("0.5·inf"))
        #expect(infinite.hasSuffix("= inf bits"))
    }

    @Test func jensenShannonThroughTheMidpoint() throws {
        // M = [0.375, 0.375, 0.25]; JS = 0.042474759198849354 nats (jensenshannon(P, Q)**2)
        let text = try Information.explain(.js(p, q))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "JS(P, Q) = ½·KL(P ‖ M) + ½·KL(Q ‖ M),  M = (P + Q)/2 = [0.375, 0.375, 0.25]")
        #expect(lines[1].hasPrefix("KL(P ‖ M) = 0.5·log(0.5/0.375) + 0.25·log(0.25/0.375) + 0.25·log(0.25/0.25) = "))
        #expect(lines[3].hasPrefix("JS(P, Q) = ½·"))
        #expect(near(try resultNumber(text, unit: "nats"), 0.042474759198849354))
    }

    @Test func otherBasesAndLongSums() throws {
        let text = try Information.explain(.entropy(vectorTensor([0.5, 0.5])), base: 4)
        #expect(text.contains("log_4(0.5)"))
        #expect(text.hasSuffix("= 0.5 units of log base 4"))
        let uniform = vectorTensor([Double](repeating: 1.0 / 16, count: 16))
        let long = try Information.explain(.entropy(uniform), base: 2)
        #expect(long.contains(" + … + "))
        #expect(long.hasSuffix("= 4 bits"))
    }

    @Test func rejectsWhatTheMeasuresReject() {
        #expect(throws: InformationError.invalid("KL: P sums to 0.9, not 1")) {
            try Information.explain(.kl(vectorTensor([0.5, 0.4]), vectorTensor([0.5, 0.5])))
        }
        #expect(throws: InformationError.invalid(
            "explain: H is written out for probability vectors, but P is a matrix(1×2)")) {
            try Information.explain(.entropy(matrixTensor([[0.5, 0.5]])))
        }
        #expect(throws: InformationError.invalid("H: base must be a positive number other than 1 (got 1)")) {
            try Information.explain(.entropy(vectorTensor([0.5, 0.5])), base: 1)
        }
    }
}
