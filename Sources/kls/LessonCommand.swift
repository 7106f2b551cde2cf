import ArgumentParser
import KLSREPL

/// `kls lesson`: the lessons that teach information theory and optimisation by typing.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kls lesson",
        abstract: "Learn information theory and optimisation by typing it.",
        discussion: """
        kls lesson                    list the lessons and your progress
        kls lesson NAME               start (or resume) a lesson at the prompt
        kls lesson NAME --restart     start it from its first step
        kls lesson --check FILE…      run every step's solution against its checks (exit 1 on a problem)
        A lesson is a file NAME.lesson.md (format: lessons/README.md); NAME may also be its path.
        """)

    @Flag(name: .long, help: "Check lesson files: parse them and run every solution against its checks.")
    var check = false

    @Flag(name: .long, help: "Start the lesson from its first step, forgetting saved progress.")
    var restart = false

    @Argument(help: "A lesson's name (or path); with --check, lesson files.")
    var names: [String] = []

    func validate() throws {
        if check, names.isEmpty { throw ValidationError("--check needs one or more lesson files") }
        if !check, names.count > 1 { throw ValidationError("give one lesson to start (got \(names.count))") }
    }

    func run() throws {
        let status: Int32
        if check {
            status = LessonLauncher.check(files: names)
        } else if let name = names.first {
            status = LessonLauncher.start(name: name, restart: restart)
        } else {
            status = LessonLauncher.list()
        }
        throw ExitCode(status)
    }
}
