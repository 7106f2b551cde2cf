import KLSRuntime

/// `kls lesson --check FILE`: runs every step's solution as a student's answer, in order, in
/// one session, and verifies the step's checks pass; returns the problems found (none for a
/// good lesson).
public enum LessonCheckRun {
    public static func problems(of lesson: Lesson, makeSession: @escaping () -> Session) -> [LessonProblem] {
        var problems: [LessonProblem] = []
        let student = makeSession()
        let judge = LessonJudge(lesson: lesson, makeSession: makeSession)
        if case .failure(let e) = QuietRun.run(lesson.setup, in: student, name: lesson.path) {
            problems.append(LessonProblem(path: lesson.path, line: 1, message: "the lesson's set-up code fails: \(e.message)"))
            return problems
        }
        for (index, step) in lesson.steps.enumerated() {
            if case .failure(let e) = QuietRun.run(step.setup, in: student, name: lesson.path) {
                problems.append(LessonProblem(path: lesson.path, line: step.line,
                                              message: "step '\(step.title)': its set-up code fails: \(e.message)"))
                continue
            }
            guard step.asksSomething else { continue }
            let outcome = QuietRun.run(step.solution, in: student, name: lesson.path)
            let answer: Answer
            switch outcome {
            case .failure(let e):
                problems.append(LessonProblem(path: lesson.path, line: step.line,
                                              message: "step '\(step.title)': its solution fails: \(e.message)"))
                continue
            case .success(let value):
                answer = Answer.of(step.solution, echoed: value, succeeded: true, in: student)
            }
            if case .wrong(let why) = judge.verdict(step: index, answer: answer, student: student) {
                problems.append(LessonProblem(path: lesson.path, line: step.line,
                                              message: "step '\(step.title)': its solution does not pass: \(why)"))
            }
        }
        return problems
    }
}
