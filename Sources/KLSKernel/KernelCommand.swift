import CJupyter
import Foundation
import KLSBase
import KLSRuntime

/// `kls kernel …`: install the kernelspec, or run the kernel Jupyter starts.
///
///     kls kernel install [--user | --prefix DIR] [--name NAME] [--display-name TEXT]
///     kls kernel -f CONNECTION_FILE
public enum KernelCommand {
    public static let usage = """
    usage: kls kernel install [--user | --prefix DIR] [--name NAME] [--display-name TEXT]
           kls kernel -f CONNECTION_FILE
      install   writes the kernelspec where `jupyter kernelspec list` finds it: for the user
                ($JUPYTER_DATA_DIR, else ~/.local/share/jupyter; the default) or under
                DIR/share/jupyter (--prefix, e.g. a virtual environment's directory)
      -f FILE   runs the kernel on the sockets of a connection file (Jupyter does this)

    """

    /// Runs `kls kernel ARGUMENTS`; returns the exit status.
    public static func run(_ arguments: [String]) -> Int32 {
        switch arguments.first {
        case "install":
            return install(Array(arguments.dropFirst()))
        case "-f", "--connection-file":
            guard arguments.count == 2 else { return fail("-f needs one CONNECTION_FILE") }
            return serve(connectionFile: arguments[1])
        case "-h", "--help", "help":
            Console.out.write(usage)
            Console.out.flush()
            return 0
        case nil:
            return fail("say what to do")
        case let other?:
            return fail("unknown argument '\(other)'")
        }
    }

    private static func fail(_ message: String) -> Int32 {
        Console.err.write("kls kernel: error: \(message)\n" + usage)
        return 2
    }

    // MARK: install

    private static func install(_ arguments: [String]) -> Int32 {
        var location = KernelSpec.Location.user
        var spec = KernelSpec(executable: executablePath())
        var rest = arguments[...]
        while let option = rest.popFirst() {
            switch option {
            case "--user":
                location = .user
            case "--prefix", "--name", "--display-name":
                guard let value = rest.popFirst() else { return fail("\(option) needs a value") }
                if option == "--prefix" {
                    if let problem = SafePath.problem(with: value) { return fail("--prefix \(ControlCharacters.quoted(value)): \(problem)") }
                    location = .prefix(value)
                }
                if option == "--name" {
                    guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
                        return fail("--name must be letters, digits, '-', '_' and '.'")
                    }
                    spec.name = value
                }
                if option == "--display-name" {
                    guard !value.isEmpty, !value.unicodeScalars.contains(where: ControlCharacters.isControl) else {
                        return fail("--display-name must be a non-empty text without control characters")
                    }
                    spec.displayName = value
                }
            default:
                return fail("unknown install option '\(option)'")
            }
        }
        do {
            let kernels = try KernelSpec.kernelsDirectory(location, environment: ProcessInfo.processInfo.environment)
            let directory = try spec.install(into: kernels)
            Console.out.write("Installed the kls kernelspec in \(directory)\n")
            Console.out.flush()
            return 0
        } catch {
            Console.err.write("kls kernel install: error: \(error.description)\n")
            return 1
        }
    }

    /// The absolute path of this kls executable (what kernel.json runs).
    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        #if os(Linux)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 { return cText(buffer) }
        #endif
        let argv0 = CommandLine.arguments.first ?? "kls"
        if realpath(argv0, &buffer) != nil { return cText(buffer) }
        return Bundle.main.executablePath ?? argv0
    }

    // MARK: serve

    private static func serve(connectionFile path: String) -> Int32 {
        if let problem = SafePath.problem(with: path) { return fail("connection file \(ControlCharacters.quoted(path)): \(problem)") }
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.err.write("kls kernel: error: cannot read the connection file \(ControlCharacters.quoted(path))\n")
            return 1
        }
        guard kls_jupyter_load() != 0 else {
            let why = kls_jupyter_load_error().map { String(cString: $0) } ?? "unknown"
            return fail("cannot load the kernel's libraries (install libzmq5 and libssl3): \(why)")
        }
        let kernel: Kernel
        do {
            kernel = try Kernel(connection: try ConnectionInfo(json: [UInt8](data)))
        } catch {
            Console.err.write("kls kernel: error: \(ControlCharacters.quoted(path)): \(error)\n")
            return 1
        }
        // Jupyter interrupts with SIGINT (interrupt_mode "signal"): the running cell stops,
        // the kernel stays, however often it comes.
        signal(SIGPIPE, SIG_IGN)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        Interrupts.requested = false
        signal(SIGINT) { _ in Interrupts.requested = true }
        return LargeStack.run { kernel.run() }
    }
}
