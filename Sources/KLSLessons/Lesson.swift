/// A lesson: a title, an introduction, set-up code run silently, and steps the student works
/// through at the kls prompt. Read from a lesson file (`LessonParser`); the format is
/// described in `lessons/README.md`.
public struct Lesson: Sendable {
    /// The name `kls lesson NAME` starts it by (the file name without `.lesson.md`).
    public var name: String
    /// The file it was read from (for messages).
    public var path: String
    public var title: String
    /// Prose shown before the first step.
    public var introduction: String
    /// Code run silently when the lesson starts (and when it resumes), defining the lesson's
    /// own names (`P`, `x`, …).
    public var setup: String
    public var steps: [LessonStep]

    public init(name: String, path: String, title: String, introduction: String, setup: String, steps: [LessonStep]) {
        self.name = name
        self.path = path
        self.title = title
        self.introduction = introduction
        self.setup = setup
        self.steps = steps
    }
}

/// One step of a lesson: prose, an optional task with its checks, hints and a solution. A
/// step without a task is read and left with Enter.
public struct LessonStep: Sendable {
    /// The `## ` heading.
    public var title: String
    /// The line of the heading in the lesson file (1-based).
    public var line: Int
    /// Prose shown when the step starts (formulas in Unicode, examples in fenced blocks).
    public var text: String
    /// Code run silently when the step starts.
    public var setup: String
    /// What the student is asked to do (the `> ` lines), or empty for a prose-only step.
    public var task: String
    /// What an answer must satisfy; all must hold. Empty with a solution: the answer's value
    /// must equal the solution's.
    public var checks: [LessonCheck]
    /// Shown one at a time, after each wrong answer or on `:hint`.
    public var hints: [String]
    /// Code that answers the step (shown by `:solution`, run by `:skip` and by `--check`).
    public var solution: String
    /// How close a number must be: |a − b| ≤ tolerance · max(1, |b|).
    public var tolerance: Double
    /// Whether a bare number is accepted as the answer (`numbers: refused` asks for a formula).
    public var acceptsNumbers: Bool

    public init(title: String, line: Int, text: String = "", setup: String = "", task: String = "",
                checks: [LessonCheck] = [], hints: [String] = [], solution: String = "",
                tolerance: Double = 1e-9, acceptsNumbers: Bool = true) {
        self.title = title
        self.line = line
        self.text = text
        self.setup = setup
        self.task = task
        self.checks = checks
        self.hints = hints
        self.solution = solution
        self.tolerance = tolerance
        self.acceptsNumbers = acceptsNumbers
    }

    /// Whether the student must answer something (otherwise Enter moves on).
    public var asksSomething: Bool { !task.isEmpty }
}

/// One condition on a student's answer, with the line it was written on.
public struct LessonCheck: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `expect: EXPR` — the answer's value equals EXPR's value (computed with the
        /// lesson's own definitions, not the student's).
        case expect(String)
        /// `defines: NAME` or `defines: NAME(2)` — the name is defined afterwards (a function
        /// of that many parameters when an arity is given).
        case defines(name: String, arity: Int?)
        /// `uses: NAME, …` — the answer calls or mentions each of these names.
        case uses([String])
        /// `check: EXPR` — a condition evaluated in the student's session after the answer,
        /// with `ans` bound to the answer's value (`check: fit.losses[-1] < 0.2`).
        case condition(String)
    }

    public var kind: Kind
    public var line: Int

    public init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    /// As written in the lesson file.
    public var spelled: String {
        switch kind {
        case .expect(let e): return "expect: \(e)"
        case .defines(let n, let a): return "defines: \(n)" + (a.map { "(\($0))" } ?? "")
        case .uses(let names): return "uses: " + names.joined(separator: ", ")
        case .condition(let c): return "check: \(c)"
        }
    }
}
