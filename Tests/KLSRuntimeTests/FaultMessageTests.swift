import Testing
import KLSRuntime

/// Issue 14, "one message for one mistake", and messages that show what they quote safely.
@Suite struct FaultMessageTests {
    /// `SGD(lr=f)` said "must be a number, true/false or a vector" and `SGD(lr=[-1, 2])`
    /// "must be a number": contradictory texts about what `lr` may be.
    @Test func anIllTypedHyperParameterGetsOneMessage() {
        let function = KLSTestRun("f(x) = x\nSGD(lr=f)").errorText
        let vector = KLSTestRun("SGD(lr=[-1, 2])").errorText
        let text = KLSTestRun("SGD(lr=\"fast\")").errorText
        #expect(function.contains("SGD: 'lr' must be a number (got function)"), "\(function)")
        #expect(vector.contains("SGD: 'lr' must be a number (got [-1, 2])"), "\(vector)")
        #expect(text.contains("SGD: 'lr' must be a number (got \"fast\")"), "\(text)")
        let betas = KLSTestRun("Adam(betas=x -> x)").errorText
        #expect(betas.contains("Adam: 'betas' must be a vector of 2 numbers (got function)"), "\(betas)")
    }

    /// A list nested deep prints in linear time (a million levels did not finish in 60 s):
    /// 80,000 levels against 20,000 (16× slower when each level copies the text inside it).
    @Test func deeplyNestedListsPrintInLinearTime() {
        func seconds(_ depth: Int) -> Double {
            FuzzKnownIssues.bestSeconds("l = \"a\"\nfor i in range(\(depth)) { l = [l] }\ns = string(l)\nassert(len(s) == \(2 * depth + 3))\nl = 0")
        }
        let shallow = seconds(20_000), deep = seconds(80_000)
        #expect(deep < 8 * shallow + 0.05, "80,000 levels: \(deep) s, 20,000 levels: \(shallow) s")
    }

    /// `\r`, NUL and escapes in a string value are shown escaped.
    @Test func stringsDisplayWithEscapes() {
        #expect(ValueFormatter.display(.string("a\rb\u{0}c\u{7}")) == #""a\rb\0c\u{7}""#)
        #expect(ValueFormatter.display(.list([.string("\r")])) == #"["\r"]"#)
    }
}
