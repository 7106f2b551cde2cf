import Foundation
import KLSRuntime
import KLSSyntax

/// Runs kls programs non-interactively (files, `-e`, stdin) and maps outcomes to exit codes:
/// 0 success, 1 an error (printed as `FILE:LINE:COL: error: …` with the line and a caret),
/// 130 interrupted by Ctrl-C.
public struct ScriptRunner {
    public let session: Session

    public init(arguments: [String] = []) {
        let interpreter = Interpreter(write: { text in Console.out.write(text) })
        interpreter.outputIsTerminal = isatty(STDOUT_FILENO) == 1
        interpreter.outputFailure = { Console.out.failure }
        interpreter.setGlobal("ARGS", .list(arguments.map { .string($0) }))
        session = Session(interpreter: interpreter)
    }

    /// Runs a program; `echo` prints the final expression's value (as `-e` and the prompt do).
    public func run(source: String, name: String, echo: Bool) -> Int32 {
        let outcome = session.run(source, name: name)
        switch outcome {
        case .value(let v):
            if echo, let v, !isNone(v) {
                let flag = session.interpreter.interrupt
                let text = flag.installed { ValueFormatter.display(v) }
                if flag.requested {
                    flag.requested = false
                    InterruptWatchdog.claimExitOrWait()
                    Console.err.write("interrupted\n")
                    return 130
                }
                Console.out.write(text + "\n")
            }
            Console.out.flush()
            return 0
        case .incomplete:
            return 1
        case .rejected(let diagnostics):
            Console.out.flush()
            for d in diagnostics { report(d) }
            return 1
        case .failed(let error):
            if error.isInterrupt { InterruptWatchdog.claimExitOrWait() }
            Console.out.flush()
            if error.isInterrupt {
                Console.err.write("interrupted\n")
                return 130
            }
            report(error.diagnostic)
            return 1
        }
    }

    /// `--check`: every syntax error, then name errors; nothing runs.
    public func check(source: String, name: String) -> Int32 {
        let diagnostics = session.check(source, name: name)
        for d in diagnostics { report(d) }
        return diagnostics.isEmpty ? 0 : 1
    }

    func report(_ d: Diagnostic) {
        Console.err.write(DiagnosticRenderer.render(d, color: ScriptRunner.useColor(on: STDERR_FILENO)))
    }

    func isNone(_ v: Value) -> Bool {
        if case .none = v { return true }
        return false
    }

    /// Colour only on a terminal and only when NO_COLOR is unset.
    public static func useColor(on fd: Int32) -> Bool {
        isatty(fd) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
