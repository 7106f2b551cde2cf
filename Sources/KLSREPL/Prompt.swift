import Foundation
import KLSRuntime
import KLSSyntax

/// The interactive prompt (a plain line reader for now; the libedit editor plugs in here).
public struct Prompt {
    public init() {}

    public func run() -> Int32 {
        let interpreter = Interpreter(write: { text in Console.out.write(text) })
        interpreter.outputIsTerminal = isatty(STDOUT_FILENO) == 1
        let session = Session(interpreter: interpreter)
        Console.out.write("kls \(KLSVersion.string) — :help for help, Ctrl-D to quit\n")
        var buffer = ""
        while true {
            Console.out.write(buffer.isEmpty ? "kls> " : "...  ")
            Console.out.flush()
            guard let line = readLine() else { print(""); return 0 }
            buffer += buffer.isEmpty ? line : "\n" + line
            switch session.run(buffer, name: "<prompt>", interactive: true) {
            case .incomplete:
                continue
            case .value(let v):
                if let v { if case .none = v {} else { print(ValueFormatter.display(v)); interpreter.setGlobal("ans", v) } }
            case .rejected(let ds):
                for d in ds { Console.err.write(DiagnosticRenderer.render(d)) }
            case .failed(let e):
                Console.err.write(e.isInterrupt ? "interrupted\n" : DiagnosticRenderer.render(e.diagnostic))
            }
            buffer = ""
        }
    }
}
