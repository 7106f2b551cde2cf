import Foundation
import KLSRuntime

/// The version printed by `kls --version` and the prompt's banner.
public enum KLSVersion {
    public static let string = "0.1.0"
}

/// Chooses what `kls` does from its command line, and runs it on a thread with a stack
/// large enough for the interpreter's recursion limit (`LargeStack`).
public enum Launcher {
    /// Runs kls and returns its exit status.
    public static func launch(file: String?, code: String?, check: Bool, arguments: [String]) -> Int32 {
        installInterruptHandler()
        return LargeStack.run {
            if let code {
                return ScriptRunner(arguments: [file].compactMap { $0 } + arguments).run(source: code, name: "-e", echo: true)
            }
            if let file {
                guard let source = readSource(file) else { return 1 }
                let runner = ScriptRunner(arguments: arguments)
                return check ? runner.check(source: source, name: file) : runner.run(source: source, name: file, echo: false)
            }
            if check {
                Console.err.write("kls: error: --check needs a FILE\n")
                return 2
            }
            if isatty(STDIN_FILENO) == 1 {
                return Prompt().run()
            }
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return ScriptRunner(arguments: arguments).run(source: String(decoding: data, as: UTF8.self), name: "<stdin>", echo: false)
        }
    }

    static func readSource(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            Console.err.write("kls: error: cannot open '\(path)': no such file\n")
            return nil
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            Console.err.write("kls: error: cannot read '\(path)'\(isDirectory.boolValue ? ": it is a directory" : "")\n")
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Ctrl-C sets a flag that loops and calls poll; a second Ctrl-C while the first is
    /// still pending exits at once. SIGINT is unblocked first: a blocked signal mask is
    /// inherited from whatever started kls (test runners, some IDEs), and the prompt's Ctrl-C
    /// must reach the handler anyway. Threads started later inherit the unblocked mask.
    static func installInterruptHandler() {
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        Interrupts.requested = false  // the flag exists before the handler can run
        signal(SIGINT) { _ in
            if Interrupts.requested {
                _exit(130)
            }
            Interrupts.requested = true
        }
    }
}
