import Foundation
import KLSLessons
import KLSRuntime

/// The prompt's lesson commands: `:lesson [NAME]`, `:hint`, `:solution`, `:skip`, `:back`.
extension Prompt {
    /// `:lesson` lists the lessons; `:lesson NAME` starts (or resumes) one in this session;
    /// `:lesson NAME --restart` starts it over.
    func startLesson(_ argument: String) {
        var words = argument.split(separator: " ").map(String.init)
        let restart = words.contains("--restart")
        words.removeAll { $0 == "--restart" }
        let progress = LessonProgress(path: LessonProgress.standardPath())
        guard let name = words.first else {
            output.out(LessonCatalog.listing(library: .standard(), progress: progress))
            return
        }
        switch LessonLibrary.standard().locate(name) {
        case .failure(let problem):
            output.err("\(problem.message)\n")
        case .success(let path):
            switch LessonLibrary.load(path: path) {
            case .failure(let errors):
                output.err(errors.problems.map(\.description).joined(separator: "\n") + "\n")
            case .success(let lesson):
                begin(lesson, progress: progress, restart: restart)
            }
        }
    }

    /// Starts `lesson` at the prompt.
    func begin(_ lesson: Lesson, progress: LessonProgress, restart: Bool) {
        tutor?.quit()
        let registry = interpreter.registry
        let tutor = LessonTutor(lesson: lesson, progress: progress, palette: palette, output: output,
                                student: { [unowned self] in self.session },
                                makeSession: { Session(interpreter: Interpreter(registry: registry, write: { _ in })) })
        self.tutor = tutor
        tutor.start(restart: restart)
        if tutor.finished { self.tutor = nil }
    }

    /// `:hint`, `:solution`, `:skip`, `:back`: passed to the running lesson.
    func lessonCommand(_ command: PromptCommand) {
        guard let tutor else {
            output.err(":\(command.rawValue) works inside a lesson; :lesson lists them\n")
            return
        }
        switch command {
        case .hint: tutor.hint()
        case .solution: tutor.solution()
        case .skip: tutor.skip()
        case .back: tutor.back()
        default: break
        }
        if tutor.finished { self.tutor = nil }
    }
}

/// The list of lessons with each one's progress, as `kls lesson` and `:lesson` print it.
public enum LessonCatalog {
    public static func listing(library: LessonLibrary, progress: LessonProgress) -> String {
        let entries = library.entries()
        guard !entries.isEmpty else {
            return "No lessons found (looked in: \(library.directories.joined(separator: ", "))).\n"
        }
        var rows: [(String, String, String)] = []
        for (name, path) in entries {
            switch LessonLibrary.load(path: path) {
            case .failure(let errors):
                rows.append((name, "(cannot be read: \(errors.problems.first?.message ?? "?"))", ""))
            case .success(let lesson):
                let state: String
                if let e = progress.entry(name) {
                    state = e.finished ? "finished" : "at step \(min(e.step + 1, lesson.steps.count)) of \(lesson.steps.count)"
                } else {
                    state = "\(lesson.steps.count) steps"
                }
                rows.append((name, lesson.title, state))
            }
        }
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let titleWidth = rows.map(\.1.count).max() ?? 0
        var text = "Lessons (kls lesson NAME, or :lesson NAME at the prompt, starts or resumes one):\n"
        for (name, title, state) in rows {
            text += "  " + name.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0)
                + title.padding(toLength: titleWidth + 2, withPad: " ", startingAt: 0) + state + "\n"
        }
        return text
    }
}
