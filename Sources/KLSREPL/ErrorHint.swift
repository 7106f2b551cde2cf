import KLSRuntime
import KLSSyntax

/// The short line after an error that says where to learn more.
enum ErrorHint {
    /// `hint: :help NAME shows its parameters and an example` when the error points at the
    /// name of a builtin function (call errors do); nil otherwise.
    static func hint(for d: Diagnostic, registry: BuiltinRegistry) -> String? {
        guard let file = d.file, let span = d.span, span.end > span.start else { return nil }
        let name = file.text(of: span)
        guard let b = registry.builtin(named: name), case .function = b.body else { return nil }
        return "hint: :help \(name) shows its parameters and an example"
    }
}
