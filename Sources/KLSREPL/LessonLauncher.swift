import Foundation
import KLSLessons
import KLSRuntime

/// `kls lesson`: lists the lessons, starts one at the prompt, or checks lesson files.
public enum LessonLauncher {
    /// `kls lesson`: the lessons with each one's progress.
    public static func list() -> Int32 {
        Console.out.write(LessonCatalog.listing(library: .standard(), progress: LessonProgress(path: LessonProgress.standardPath())))
        Console.out.flush()
        return 0
    }

    /// `kls lesson NAME [--restart]`: opens the prompt with the lesson running; `:quit` leaves
    /// both. Reads lines from standard input even when it is not a terminal (a transcript).
    public static func start(name: String, restart: Bool) -> Int32 {
        let path: String
        switch LessonLibrary.standard().locate(name) {
        case .failure(let problem):
            Console.err.write("kls: error: \(problem.message)\n")
            return 1
        case .success(let p): path = p
        }
        switch LessonLibrary.load(path: path) {
        case .failure(let errors):
            Console.err.write(errors.problems.map(\.description).joined(separator: "\n") + "\n")
            return 1
        case .success(let lesson):
            Launcher.installInterruptHandler()
            return LargeStack.run {
                let prompt = Prompt()
                prompt.leavesWithLesson = true
                return prompt.run(lesson: lesson, restart: restart)
            }
        }
    }

    /// `kls lesson --check FILE…`: parses each file and runs every step's solution against its
    /// checks; prints each problem as `FILE:LINE: error: …`; exit 1 when there is any.
    public static func check(files: [String]) -> Int32 {
        Launcher.installInterruptHandler()
        return LargeStack.run {
            var failed = false
            for file in files {
                guard !file.contains("\u{0}"), FileManager.default.fileExists(atPath: file) else {
                    Console.err.write("kls: error: cannot open '\(file)': no such file\n")
                    failed = true
                    continue
                }
                switch LessonLibrary.load(path: file) {
                case .failure(let errors):
                    Console.err.write(errors.problems.map(\.description).joined(separator: "\n") + "\n")
                    failed = true
                case .success(let lesson):
                    let registry = BuiltinRegistry.standard()
                    let problems = LessonCheckRun.problems(of: lesson) {
                        Session(interpreter: Interpreter(registry: registry, write: { _ in }))
                    }
                    if problems.isEmpty {
                        Console.out.write("\(file): ok (\(lesson.steps.count) steps)\n")
                    } else {
                        Console.err.write(problems.map(\.description).joined(separator: "\n") + "\n")
                        failed = true
                    }
                }
            }
            Console.out.flush()
            return failed ? 1 : 0
        }
    }
}
