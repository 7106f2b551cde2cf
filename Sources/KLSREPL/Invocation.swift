/// The everyday command lines — `kls`, `kls FILE [ARGS…]` and `kls -e CODE` — recognised
/// without swift-argument-parser, whose reflection over the command costs about 3 ms of a
/// 9 ms start-up. Anything else (`--check`, `--help`, `--version`, a mistake) is left to the
/// `ParsableCommand`, which defines the interface, its help and its error messages.
public struct Invocation: Equatable {
    public var file: String?
    public var code: String?
    public var arguments: [String]

    /// The invocation `argv` (without the program name) asks for, or nil when it needs the
    /// full parser: an option other than a lone `-e CODE`, or a script argument that looks
    /// like an option.
    public init?(_ argv: [String]) {
        if argv.count == 2, argv[0] == "-e" {
            self.init(file: nil, code: argv[1], arguments: [])
            return
        }
        guard argv.allSatisfy({ !$0.hasPrefix("-") }) else { return nil }
        self.init(file: argv.first, code: nil, arguments: Array(argv.dropFirst()))
    }

    public init(file: String?, code: String?, arguments: [String]) {
        self.file = file
        self.code = code
        self.arguments = arguments
    }

    /// Runs it (see `Launcher.launch`) and returns the exit status.
    public func launch() -> Int32 {
        Launcher.launch(file: file, code: code, check: false, arguments: arguments)
    }
}
