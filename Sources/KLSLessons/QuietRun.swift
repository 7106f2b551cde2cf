import KLSRuntime
import KLSSyntax

/// Runs lesson code (set-up, solutions, checks) in a session without showing its output.
public enum QuietRun {
    /// Runs `code`; its value when it ends with an expression, or the error's message.
    public static func run(_ code: String, in session: Session, name: String) -> Result<Value?, LessonRunError> {
        let interpreter = session.interpreter
        let write = interpreter.write
        interpreter.write = { _ in }
        defer { interpreter.write = write }
        switch session.run(code, name: name) {
        case .value(let v): return .success(v)
        case .incomplete: return .failure(LessonRunError(message: "the code is unfinished", interrupted: false))
        case .rejected(let ds): return .failure(LessonRunError(message: ds.first?.message ?? "the code has errors", interrupted: false))
        case .failed(let e):
            return .failure(LessonRunError(message: e.isInterrupt ? "interrupted" : e.diagnostic.message, interrupted: e.isInterrupt))
        }
    }
}

/// Why lesson code could not run.
public struct LessonRunError: Error, Sendable {
    public var message: String
    public var interrupted: Bool
}
