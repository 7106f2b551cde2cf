import Testing
@testable import KLSRuntime

/// Every builtin is documented and its example runs.
struct RegistryTests {
    static var names: [String] { BuiltinRegistry.standard().names }

    @Test(arguments: names)
    func documentedAndExampleRuns(_ name: String) throws {
        let b = try #require(BuiltinRegistry.standard().builtin(named: name))
        #expect(!b.summary.isEmpty, "\(name) has no summary")
        #expect(!b.category.isEmpty, "\(name) has no category")
        #expect(b.example.contains(name), "\(name)'s example does not use it")
        let run = KLSTestRun(b.example, name: "example of \(name)")
        #expect(run.errorText.isEmpty, "example of \(name) failed: \(run.errorText)")
    }

    @Test func namesAreUnique() {
        let names = Self.names
        #expect(Set(names).count == names.count)
    }

    @Test func usageShowsDefaults() throws {
        let linspace = try #require(BuiltinRegistry.standard().builtin(named: "linspace"))
        #expect(linspace.usage == "linspace(a, b, n=100)")
        let print = try #require(BuiltinRegistry.standard().builtin(named: "print"))
        #expect(print.usage == "print(values…)")
    }
}
