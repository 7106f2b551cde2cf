import Foundation
import KLSLessons
import KLSRuntime
import KLSSyntax

/// Leads a student through a lesson at the ordinary prompt: shows each step, judges what the
/// student types by value (`LessonJudge`), hands out hints after wrong answers, and saves
/// progress after every move. The prompt forwards code, blank lines and the lesson commands
/// (`:hint`, `:solution`, `:skip`, `:back`, `:quit`) here while a lesson runs.
final class LessonTutor {
    let lesson: Lesson
    let progress: LessonProgress
    let judge: LessonJudge
    let palette: Palette
    /// The student's session (the prompt's current one: `:reset` replaces it).
    let student: () -> Session
    /// Where the lesson's text goes (the prompt's output: the terminal, or a notebook's stream).
    let output: PromptOutput
    /// The step being worked on; `lesson.steps.count` once finished.
    private(set) var index = 0
    /// How many of the current step's hints have been shown.
    var hintsShown = 0

    init(lesson: Lesson, progress: LessonProgress, palette: Palette, output: PromptOutput,
         student: @escaping () -> Session, makeSession: @escaping () -> Session) {
        self.lesson = lesson
        self.output = output
        self.progress = progress
        self.palette = palette
        self.student = student
        judge = LessonJudge(lesson: lesson, makeSession: makeSession)
    }

    var finished: Bool { index >= lesson.steps.count }

    // MARK: Starting

    /// Shows the lesson's introduction (or where it resumes), runs its set-up (and, when
    /// resuming, the solutions of the steps already done, so their names exist) and the first step.
    func start(restart: Bool) {
        if let problem = progress.problem { say(palette.warning + problem + palette.reset) }
        if restart { progress.forget(lesson.name) }
        let saved = progress.entry(lesson.name)
        index = restart ? 0 : progress.resumeStep(lesson)
        say("\(palette.heading)\(lesson.title)\(palette.reset)  \(palette.dim)(\(lesson.steps.count) steps; "
            + ":hint, :solution, :skip, :back, :quit)\(palette.reset)")
        if saved?.finished == true, !restart {
            say("\(palette.dim)You finished this lesson before; here it is again from the start.\(palette.reset)")
        }
        if index == 0, !lesson.introduction.isEmpty { say(lesson.introduction) }
        runQuietly(lesson.setup, what: "the lesson's set-up")
        if index > 0 {
            say("\(palette.dim)Resuming at step \(index + 1) of \(lesson.steps.count) "
                + "(kls lesson \(lesson.name) --restart starts over).\(palette.reset)")
            for earlier in lesson.steps[..<index] {
                runQuietly(earlier.setup, what: nil)
                runQuietly(earlier.solution, what: nil)
            }
        }
        showStep()
    }

    // MARK: What the student does

    /// The student ran `source` at the prompt (its output and errors are already shown).
    func answered(_ source: String, value: Value?, succeeded: Bool, interrupted: Bool) {
        guard !finished else { return }
        let step = lesson.steps[index]
        guard step.asksSomething else {
            say("\(palette.dim)\(continueHint)\(palette.reset)")
            return
        }
        if interrupted {
            say("\(palette.dim)Still on step \(index + 1): \(step.task)\(palette.reset)")
            return
        }
        let answer = Answer.of(source, echoed: value, succeeded: succeeded, in: student())
        switch judge.verdict(step: index, answer: answer, student: student()) {
        case .correct:
            say("\(palette.bold)✓ Right.\(palette.reset)")
            advance()
        case .wrong(let why):
            let asksDefinition = step.checks.contains { if case .defines = $0.kind { return true }; return false }
            if answer.succeeded, answer.isExploration, !asksDefinition { return }
            say("\(palette.warning)✗ Not yet: \(why).\(palette.reset)")
            if hintsShown < step.hints.count {
                hint()
            } else {
                say("\(palette.dim):solution shows an answer, :skip moves on.\(palette.reset)")
            }
        }
    }

    /// Enter on an empty line: leaves a step that only shows something.
    func blankLine() {
        guard !finished, !lesson.steps[index].asksSomething else { return }
        advance()
    }

    /// `:hint`: the step's next hint.
    func hint() {
        let step = lesson.steps[index]
        guard hintsShown < step.hints.count else {
            say(step.hints.isEmpty ? "This step has no hints; :solution shows an answer."
                : "No more hints; :solution shows an answer.")
            return
        }
        let label = step.hints.count > 1 ? "hint \(hintsShown + 1)/\(step.hints.count)" : "hint"
        say("\(palette.dim)\(label):\(palette.reset) \(step.hints[hintsShown])")
        hintsShown += 1
    }

    /// `:solution`: an answer to type (not run, so the student types it).
    func solution() {
        let step = lesson.steps[index]
        guard step.asksSomething else { say("This step asks nothing; press Enter to go on."); return }
        say("\(palette.dim)A solution:\(palette.reset)\n" + indent(step.solution.trimmingBlanks(), palette.code))
    }

    /// `:skip`: runs the solution quietly (so its names exist) and moves on.
    func skip() {
        let step = lesson.steps[index]
        if step.asksSomething {
            runQuietly(step.solution, what: "the solution")
            say("\(palette.dim)Skipped; the solution was:\(palette.reset)\n" + indent(step.solution.trimmingBlanks(), palette.code))
        }
        advance()
    }

    /// `:back`: the step before, again.
    func back() {
        guard index > 0 else { say("This is the first step."); return }
        index -= 1
        save()
        showStep()
    }

    /// `:quit` during the lesson: progress is already saved; says how to come back.
    func quit() {
        save()
        say("\(palette.dim)Left the lesson at step \(min(index + 1, lesson.steps.count)) of \(lesson.steps.count); "
            + "`kls lesson \(lesson.name)` (or :lesson \(lesson.name)) resumes it.\(palette.reset)")
    }

    // MARK: Moving between steps

    func advance() {
        index += 1
        save()
        if finished {
            say("\(palette.heading)✓ Lesson finished: \(lesson.title).\(palette.reset) \(palette.dim)Your variables stay; "
                + "`kls lesson` lists the other lessons.\(palette.reset)")
        } else {
            showStep()
        }
    }

    func save() {
        let title = finished ? "" : lesson.steps[index].title
        progress.record(lesson.name, step: index, title: title, steps: lesson.steps.count, finished: finished)
        if let problem = progress.problem { say(palette.warning + problem + palette.reset) }
    }

    func showStep() {
        hintsShown = 0
        let step = lesson.steps[index]
        runQuietly(step.setup, what: "the step's set-up")
        var text = "\n\(palette.heading)── Step \(index + 1) of \(lesson.steps.count): \(step.title) ──\(palette.reset)\n"
        if !step.text.isEmpty { text += step.text + "\n" }
        if step.asksSomething {
            text += "\n\(palette.bold)▶ \(step.task.replacingOccurrences(of: "\n", with: "\n  "))\(palette.reset)"
        } else {
            text += "\(palette.dim)\(continueHint)\(palette.reset)"
        }
        say(text)
    }

    // MARK: Output

    /// How to leave a step that only shows something: Enter at a terminal, an empty cell in a notebook.
    var continueHint: String { output.isTerminal ? "(press Enter to go on)" : "(an empty input — Enter, or an empty cell — goes on)" }

    func say(_ text: String) {
        output.out(text + "\n")
        output.flush()
    }

    func indent(_ code: String, _ color: String) -> String {
        code.split(separator: "\n", omittingEmptySubsequences: false).map { "    \(color)\($0)\(palette.reset)" }
            .joined(separator: "\n")
    }

    /// Runs lesson code in the student's session without its output; a failure is reported
    /// when `what` names it (a lesson bug the student should know about, not their mistake).
    func runQuietly(_ code: String, what: String?) {
        guard !code.trimmingBlanks().isEmpty else { return }
        Interrupts.requested = false
        defer { Interrupts.requested = false }
        let outcome = QuietRun.run(code, in: student(), name: lesson.path)
        if let what, case .failure(let e) = outcome {
            say("\(palette.warning)note: \(what) failed: \(e.message)\(palette.reset)")
        }
    }
}
