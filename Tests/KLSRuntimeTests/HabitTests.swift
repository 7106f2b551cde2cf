import Testing
@testable import KLSRuntime

/// Every row of `Habits.rows` gives its "did you mean" answer where it is written: an undefined
/// name, a call, a module prefix, a missing field (the prompt's `?name` is checked in
/// KLSREPLTests).
struct HabitTests {
    /// A program that writes the row's spelling, and the text its error must contain.
    static func usage(_ row: Habits.Row) -> (source: String, expected: String)? {
        let written = row.written
        if written.hasPrefix("?") { return nil }
        if written.hasPrefix(".") {
            return ("d = Normal(0, 1)\nd\(written)(0.5)", "did you mean \(row.answer)?")
        }
        if written.hasSuffix(".") {
            return ("\(written)kl_div(0, 0)", "did you mean 'kl_div'? (kls names have no \(written) prefix)")
        }
        if written.hasSuffix("(X)") {
            let name = written.dropLast(3)
            return ("\(name)(KL)", "did you mean '\(row.answer.replacingOccurrences(of: "X", with: "KL"))'?")
        }
        return (written, "did you mean '\(row.answer)'?")
    }

    @Test(arguments: Habits.rows.map(\.written))
    func answerIsGiven(_ written: String) throws {
        let row = try #require(Habits.rows.first { $0.written == written })
        guard let (source, expected) = HabitTests.usage(row) else {
            #expect(Habits.question("KL") == ":help KL")
            return
        }
        let run = KLSTestRun(source, name: "habit.kls")
        let notes: String
        if case .rejected(let ds) = run.outcome { notes = ds.flatMap(\.notes).joined(separator: "\n") } else { notes = run.errorText }
        #expect(notes.contains(expected) || run.errorText.contains(expected), "\(source): \(run.errorText) \(notes)")
    }

    /// The module prefixes answer with the name after them, through nested modules too.
    @Test func nestedModules() {
        let run = KLSTestRun("torch.nn.functional.kl_div(0, 0)", name: "habit.kls")
        guard case .rejected(let ds) = run.outcome else { Issue.record("not rejected"); return }
        #expect(ds.count == 1)
        #expect(ds.first?.message == "undefined name 'torch'")
        #expect(ds.first?.notes == ["did you mean 'kl_div'? (kls names have no torch. prefix)"])
        let np = KLSTestRun("y = np.log2(8)", name: "habit.kls")
        guard case .rejected(let nd) = np.outcome else { Issue.record("not rejected"); return }
        #expect(nd.first?.notes == ["did you mean 'log2'? (kls names have no np. prefix)"])
    }

    /// A variable named like a module is used as a variable.
    @Test func aDefinedNameIsNotAModule() {
        let run = KLSTestRun("F = Normal(0, 1)\nprint(F.mu)", name: "habit.kls")
        #expect(run.outputLines == ["0"])
    }
}
