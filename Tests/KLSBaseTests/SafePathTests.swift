import Foundation
import Testing
import KLSBase

/// Issue 14: `savefig("victim.kls\u{0}.svg")` wrote SVG into `victim.kls`.
@Suite struct SafePathTests {
    @Test func nulAndEmptyNamesAreRefused() {
        #expect(SafePath.problem(with: "victim.kls\u{0}.svg") != nil)
        #expect(SafePath.problem(with: "\u{0}") != nil)
        #expect(SafePath.problem(with: "") != nil)
        #expect(SafePath.problem(with: "plots/fit.svg") == nil)
        #expect(SafePath.problem(with: "日本語 ü.png") == nil)
        #expect(throws: SafePathError.self) { try SafePath.check("a\u{0}b") }
    }

    @Test func theMessageShowsTheNulEscaped() throws {
        do {
            try SafePath.check("victim.kls\u{0}.svg")
            Issue.record("no error")
        } catch {
            #expect(error.description == #"cannot use "victim.kls\0.svg": the file name contains a NUL character (\0)"#)
        }
    }
}
