import KLSRuntime

/// What the judge says of an answer.
public enum Verdict: Equatable, Sendable {
    case correct
    /// Not (yet) right: why, in words for the student.
    case wrong(String)
}

/// Judges answers by value, not by text. Expected values come from a reference session that
/// runs the lesson's set-up and the solutions of the steps before, so a student who redefines
/// `P` cannot change what is expected; checks of definitions and conditions run in the
/// student's own session.
public final class LessonJudge {
    public let lesson: Lesson
    let makeSession: () -> Session
    var reference: Session
    /// How many steps' solutions the reference session has run.
    var referenceStep = 0
    /// Whether the reference session has run the lesson's set-up.
    var referenceReady = false

    /// `makeSession` gives a fresh session (the prompt's registry, quiet output).
    public init(lesson: Lesson, makeSession: @escaping () -> Session) {
        self.lesson = lesson
        self.makeSession = makeSession
        reference = makeSession()
    }

    /// The verdict on `answer` to step `index`, which ran in `student`.
    public func verdict(step index: Int, answer: Answer, student: Session) -> Verdict {
        let step = lesson.steps[index]
        guard answer.succeeded else {
            return .wrong("that gave an error (shown above); try again")
        }
        if !step.acceptsNumbers, answer.isBareNumber {
            return .wrong("type the formula that computes it, not the number")
        }
        let checks = step.checks.isEmpty ? [LessonCheck(.expect(step.solution), line: step.line)] : step.checks
        for check in checks {
            if case .wrong(let why) = verdict(check, step: index, answer: answer, student: student) { return .wrong(why) }
        }
        return .correct
    }

    func verdict(_ check: LessonCheck, step index: Int, answer: Answer, student: Session) -> Verdict {
        let step = lesson.steps[index]
        switch check.kind {
        case .expect(let code):
            guard let value = answer.value else {
                return .wrong("that has no value to check: type an expression (or assign one, as x = …)")
            }
            switch expected(code, step: index) {
            case .failure(let e): return .wrong("the lesson could not work out the expected value (\(e.message)); :skip moves on")
            case .success(let wanted):
                guard let wanted else { return .wrong("the lesson's expected value is not a value; :skip moves on") }
                if ValueMatch.matches(value, wanted, tolerance: step.tolerance) { return .correct }
                return .wrong("your answer is \(Self.preview(value)), which is not what the step asks for")
            }
        case .defines(let name, let arity):
            guard let value = student.interpreter.global(name) else { return .wrong("define '\(name)' (it is not defined yet)") }
            guard let arity else { return .correct }
            guard case .closure(let c) = value else { return .wrong("'\(name)' should be a function of \(arity) parameter\(arity == 1 ? "" : "s")") }
            let count = c.decl.parameters.count
            return count == arity ? .correct
                : .wrong("'\(name)' takes \(count) parameter\(count == 1 ? "" : "s"); the step wants \(arity)")
        case .uses(let names):
            let used = answer.names
            let missing = names.filter { !used.contains($0) }
            return missing.isEmpty ? .correct : .wrong("use " + missing.map { "'\($0)'" }.joined(separator: " and ") + " in your answer")
        case .condition(let code):
            if let value = answer.value { student.interpreter.setGlobal("ans", value) }
            switch QuietRun.run(code, in: student, name: "<check>") {
            case .failure(let e):
                return .wrong("the step's check (\(code)) did not hold: \(e.message)")
            case .success(let v):
                if case .bool(true)? = v { return .correct }
                return .wrong("not yet: the step checks that \(code)")
            }
        }
    }

    /// The value of `code` with the lesson's own definitions as they stand at step `index`.
    func expected(_ code: String, step index: Int) -> Result<Value?, LessonRunError> {
        if referenceStep > index || !referenceReady {
            reference = makeSession()
            referenceStep = 0
            referenceReady = true
            if case .failure(let e) = QuietRun.run(lesson.setup, in: reference, name: lesson.path) { return .failure(e) }
        }
        while referenceStep < index {
            let earlier = lesson.steps[referenceStep]
            _ = QuietRun.run(earlier.setup, in: reference, name: lesson.path)
            _ = QuietRun.run(earlier.solution, in: reference, name: lesson.path)
            referenceStep += 1
        }
        _ = QuietRun.run(lesson.steps[index].setup, in: reference, name: lesson.path)
        return QuietRun.run(code, in: reference, name: lesson.path)
    }

    /// A value on one short line, for "your answer is …".
    static func preview(_ value: Value) -> String {
        let text = ValueFormatter.display(value).split(separator: "\n").joined(separator: " ")
        return text.count <= 60 ? text : String(text.prefix(59)) + "…"
    }
}
