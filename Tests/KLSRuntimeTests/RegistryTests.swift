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

    /// A builtin's number form (the shortcut a call with a number argument takes) gives what
    /// its body gives, bit for bit, on ordinary and extreme numbers.
    @Test func numberFormsAgreeWithTheirBodies() throws {
        let registry = BuiltinRegistry.standard()
        let interpreter = Interpreter(registry: registry, write: { _ in })
        let xs: [Double] = [0, -0.0, 0.5, -0.5, 1, -1, 2.5, -2.5, 3.7, 1e-300, 1e300, -1e300, 710, -745,
                            .infinity, -.infinity, .nan, .pi, 1e-10]
        let withForm = registry.builtins.filter { $0.numberForm != nil }
        #expect(withForm.count >= 20, "math functions have number forms")
        for b in withForm {
            let form = try #require(b.numberForm)
            guard case .function(let body) = b.body else { continue }
            for x in xs {
                let defaults = b.parameters.dropFirst().compactMap(\.defaultValue)
                var arguments = Arguments(builtin: b, values: [.number(x)] + defaults, interpreter: interpreter)
                guard case .number(let viaBody) = try body(&arguments) else {
                    Issue.record("\(b.name)(\(x)) is not a number")
                    continue
                }
                let viaForm = form(x)
                #expect(viaForm.bitPattern == viaBody.bitPattern || (viaForm.isNaN && viaBody.isNaN),
                        "\(b.name)(\(x)): form \(viaForm), body \(viaBody)")
            }
        }
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
