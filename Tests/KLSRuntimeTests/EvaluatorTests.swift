import Testing
@testable import KLSRuntime

/// Evaluator behaviour that is easier to check from Swift than from a .kls file.
struct EvaluatorTests {
    func value(_ source: String) -> Value? { KLSTestRun(source).value ?? nil }

    @Test func finalExpressionIsEchoedUnlessSilenced() {
        #expect(ValueFormatter.display(value("1 + 1")!) == "2")
        #expect(value("1 + 1;") == nil)
        #expect(value("x = 1") == nil)
    }

    @Test func gradientsThroughLoopsAndIndexing() {
        // d/da Σ_{i<3} sin(a·i)·b at (0.7, 2) = b Σ i cos(a i) = 2.209552946169941 (acceptance grad_basic)
        let v = value("""
        fn k(a, b) {
          s = 0
          for i in range(3) { s = s + sin(a * i) * b }
          return s
        }
        grad(k, 0.7, 2)
        """)
        guard case .tensor(let t)? = v else { Issue.record("no vector"); return }
        #expect(abs(t.data[0] - 2.209552946169941) < 1e-12 && abs(t.data[1] - 1.6296674172261512) < 1e-12)
        // d/dv Σ v[i]² over a literal built from tracked parts.
        guard case .tensor(let g)? = value("grad(v -> sum([v[0], v[1] * 2]^2), [1, 3])") else { Issue.record("no vector"); return }
        #expect(g.data == [2, 24])
    }

    @Test func displayFormats() {
        #expect(ValueFormatter.display(value("[[1, 22], [333, 4]]")!) == "[[  1, 22],\n [333,  4]]")
        #expect(ValueFormatter.display(value("linspace(0, 1, 101)")!) == "[0, 0.01, 0.02, 0.03, …, 0.97, 0.98, 0.99, 1]  (101 elements)")
        #expect(ValueFormatter.display(value("\"a\\nb\"")!) == "\"a\\nb\"")
        #expect(ValueFormatter.number(-0.0) == "-0")
        #expect(ValueFormatter.number(1e16) == "1e+16")
    }

    @Test func absurdSizesAreErrors() {
        for source in ["zeros(1e15)", "ones(-1)", "linspace(0, 1, nan)", "range(1e300)", "zeros(1e5, 1e5)"] {
            let run = KLSTestRun(source)
            #expect(run.errorText.contains("test.kls:1:1"), "\(source): \(run.errorText)")
        }
    }

    @Test func undefinedNameSuggestsTheClosest() {
        let run = KLSTestRun("sigma = 1\nprint(sigam)")
        #expect(run.errorText.contains("did you mean 'sigma'?"))
    }
}
