import ArgumentParser
import Foundation
import KLSKernel
import KLSREPL

/// The `kls` command: run a script, a snippet, stdin, or the interactive prompt.
struct KLSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kls",
        abstract: "An interpreter for probability, information theory and optimisation.",
        discussion: """
        kls                  interactive prompt (or run the program on stdin when it is not a terminal)
        kls FILE.kls [ARGS]  run a script (ARGS are available as the list ARGS)
        kls -e 'CODE'        run CODE and print the value of its last expression
        kls --check FILE     parse and resolve only; report every error (also --check -e CODE)
        kls lesson [NAME]    lessons: learn information theory and optimisation by typing
        kls kernel install   make kls a Jupyter kernel (kls kernel --help)
        """,
        version: KLSVersion.string)

    @Option(name: .short, parsing: .unconditional, help: ArgumentHelp("Run CODE and print the value of its last expression.", valueName: "CODE"))
    var e: String?

    @Flag(name: .long, help: "Parse and resolve FILE (or -e CODE) without running it; exit 1 if there are errors.")
    var check = false

    @Argument(help: "A .kls script to run.")
    var file: String?

    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the script.")
    var arguments: [String] = []

    func validate() throws {
        if check && file == nil && e == nil { throw ValidationError("--check needs a FILE or -e CODE") }
    }

    func run() throws {
        let status = Launcher.launch(file: file, code: e, check: check, arguments: arguments)
        throw ExitCode(status)
    }
}

let argv = Array(CommandLine.arguments.dropFirst())
if argv.first == "lesson" {
    LessonCommand.main(Array(argv.dropFirst()))
}
if argv.first == "kernel" {
    exit(KernelCommand.run(Array(argv.dropFirst())))
}
if let invocation = Invocation(argv) {
    exit(invocation.launch())
}
KLSCommand.main()
