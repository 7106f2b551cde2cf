import Foundation
import KLSBase
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
        Console.guardStandardDescriptors()
        if code != nil || file != nil || isatty(STDIN_FILENO) != 1 { InterruptWatchdog.start() }
        let status = LargeStack.run {
            if let code {
                let runner = ScriptRunner(arguments: [file].compactMap { $0 } + arguments)
                return check ? runner.check(source: code, name: "-e") : runner.run(source: code, name: "-e", echo: true)
            }
            if let file {
                guard let source = readSource(file) else { return 1 }
                let runner = ScriptRunner(arguments: arguments)
                return check ? runner.check(source: source, name: file) : runner.run(source: source, name: file, echo: false)
            }
            if check {
                Console.err.write("kls: error: --check needs a FILE or -e CODE\n\(usage)")
                return usageStatus
            }
            if isatty(STDIN_FILENO) == 1 {
                return Prompt().run()
            }
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return ScriptRunner(arguments: arguments).run(source: String(decoding: data, as: UTF8.self), name: "<stdin>", echo: false)
        }
        InterruptWatchdog.claimExitOrWait()
        return finishOutput(status)
    }

    /// The exit status of a command line kls cannot use (EX_USAGE, as swift-argument-parser's).
    public static let usageStatus: Int32 = 64

    /// The short usage text printed after a command-line mistake.
    public static let usage = """
        Usage: kls                  the interactive prompt (or the program on stdin)
               kls FILE.kls [ARGS]  run a script
               kls -e 'CODE'        run CODE and print the value of its last expression
               kls --check FILE     parse and resolve only (also --check -e 'CODE')

        """

    /// Writes out what is still buffered; when output was lost (`> /dev/full`, a closed
    /// standard output) from a run that otherwise succeeded, says so on stderr and gives 1.
    static func finishOutput(_ status: Int32) -> Int32 {
        Console.out.flush()
        guard status == 0, let failure = Console.out.failure else { return status }
        Console.err.write("kls: error: cannot write to standard output: \(failure)\n")
        return 1
    }

    /// The text of the script at `path` (any file that can be read to its end: a regular
    /// file, a pipe such as `<(…)`, a FIFO); nil after reporting why not.
    static func readSource(_ path: String) -> String? {
        if let problem = SafePath.problem(with: path) {
            Console.err.write("kls: error: cannot open \(ControlCharacters.quoted(path)): \(problem)\n")
            return nil
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            Console.err.write("kls: error: cannot open '\(path)': \(reason)\n")
            return nil
        }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            Console.err.write("kls: error: cannot read '\(path)': it is a directory\n")
            return nil
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                Console.err.write("kls: error: cannot read '\(path)': \(String(cString: strerror(errno)))\n")
                return nil
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Ctrl-C sets a flag that loops, calls and the long loops of builtins poll (see
    /// `Cancellation`) and, in a script, wakes `InterruptWatchdog`; a second Ctrl-C while the
    /// first is still pending exits at once. SIGINT is unblocked first: a blocked signal mask is
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
            if let wakeUp = InterruptWatchdog.wakeUp { sem_post(wakeUp) }
        }
    }
}
