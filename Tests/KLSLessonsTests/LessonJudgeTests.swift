import KLSRuntime
import Testing
@testable import KLSLessons

/// Answers are judged by value: any formula with the right value passes, and the lesson's
/// expected values do not change when the student redefines the lesson's names.
@Suite struct LessonJudgeTests {
    static let text = """
    # Judge
    ```setup
    P = [0.5, 0.25, 0.25]
    ```
    ## Entropy
    > H(P) in bits.
    expect: 1.5
    solution: H(P, base=2)
    ## Entropy again, as a formula
    > H(P) in bits, as a formula.
    numbers: refused
    solution: H(P, base=2)
    ## A loss
    > Define f(a, b) = a + b, using `sum`.
    defines: f(2)
    uses: sum
    check: f(1, 2) == 3
    solution: f(a, b) = sum([a, b])
    """

    let lesson = try! LessonParser.parse(text, path: "j.lesson.md", name: "j").get()
    let registry = BuiltinRegistry.standard()

    /// A session with its own Ctrl-C flag: tests running beside these may raise the process's.
    func session() -> Session {
        Session(interpreter: Interpreter(registry: registry, interrupt: InterruptFlag(), write: { _ in }))
    }

    /// Runs `source` in `student` as the prompt would and judges it as an answer to `step`.
    func judge(_ source: String, step: Int, student: Session, judge: LessonJudge) -> Verdict {
        var value: Value?
        var ok = true
        switch student.run(source, name: "<prompt>") {
        case .value(let v): value = v
        default: ok = false
        }
        return judge.verdict(step: step, answer: Answer.of(source, echoed: value, succeeded: ok, in: student), student: student)
    }

    @Test func anyFormulaWithTheRightValuePasses() {
        let student = session()
        _ = student.run(lesson.setup, name: "setup")
        let j = LessonJudge(lesson: lesson, makeSession: session)
        for answer in ["H(P, base=2)", "-sum(P * log2(P))", "1.5", "h = H(P, base=2)", "1.5 + 1e-12"] {
            #expect(judge(answer, step: 0, student: student, judge: j) == .correct, "\(answer)")
        }
        #expect(judge("H(P)", step: 0, student: student, judge: j) != .correct)
        #expect(judge("undefined_name", step: 0, student: student, judge: j) != .correct)
        #expect(judge("x = 1; y = 2", step: 0, student: student, judge: j) != .correct)
    }

    @Test func expectedValuesIgnoreTheStudentsRedefinitions() {
        let student = session()
        _ = student.run(lesson.setup + "\nP = [0.9, 0.1]", name: "setup")
        let j = LessonJudge(lesson: lesson, makeSession: session)
        // Step 1 has no expect: the solution's value, worked out with the lesson's P, is wanted.
        #expect(judge("H(P, base=2)", step: 1, student: student, judge: j) != .correct)
        #expect(judge("H([0.5, 0.25, 0.25], base=2)", step: 1, student: student, judge: j) == .correct)
    }

    @Test func aStepCanRefuseBareNumbers() {
        let student = session()
        _ = student.run(lesson.setup, name: "setup")
        let j = LessonJudge(lesson: lesson, makeSession: session)
        #expect(judge("1.5", step: 1, student: student, judge: j) == .wrong("type the formula that computes it, not the number"))
        #expect(judge("-1.5 * -1", step: 1, student: student, judge: j) == .correct)
    }

    @Test func definitionsUsesAndConditions() {
        let student = session()
        let j = LessonJudge(lesson: lesson, makeSession: session)
        #expect(judge("f(a) = a", step: 2, student: student, judge: j)
                == .wrong("'f' takes 1 parameter; the step wants 2"))
        #expect(judge("f(a, b) = a + b", step: 2, student: student, judge: j) == .wrong("use 'sum' in your answer"))
        #expect(judge("f(a, b) = sum([a, b, 1])", step: 2, student: student, judge: j)
                == .wrong("not yet: the step checks that f(1, 2) == 3"))
        #expect(judge("f(a, b) = sum([a, b])", step: 2, student: student, judge: j) == .correct)
    }

    @Test func aCheckThatFailsToRunIsAWrongAnswerNotACrash() {
        let text = """
        # Bad check
        ## S
        > anything
        check: no_such_name > 0
        expect: 1 / undefined_too
        solution: 1
        """
        let bad = try! LessonParser.parse(text, path: "b.lesson.md", name: "b").get()
        let student = session()
        let j = LessonJudge(lesson: bad, makeSession: session)
        guard case .wrong(let why) = judge("1", step: 0, student: student, judge: j) else {
            Issue.record("a check that cannot run passed")
            return
        }
        #expect(why.contains("undefined name 'no_such_name'"))
        #expect(LessonCheckRun.problems(of: bad, makeSession: session).count == 1)
    }

    @Test func valuesMatchWithinTheTolerance() {
        #expect(ValueMatch.matches(.number(1 + 1e-10), .number(1), tolerance: 1e-9))
        #expect(!ValueMatch.matches(.number(1 + 1e-8), .number(1), tolerance: 1e-9))
        #expect(ValueMatch.matches(.number(1e6 + 1e-4), .number(1e6), tolerance: 1e-9))
        #expect(ValueMatch.matches(.number(.nan), .number(.nan), tolerance: 0))
        #expect(!ValueMatch.matches(.string("1"), .number(1), tolerance: 1))
        #expect(ValueMatch.matches(.list([.string("A"), .number(2)]), .list([.string("A"), .number(2)]), tolerance: 0))
    }

    @Test func theCheckerPassesAGoodLessonAndNamesABadStep() {
        #expect(LessonCheckRun.problems(of: lesson, makeSession: session).isEmpty)
        var broken = lesson
        broken.steps[0].checks = [LessonCheck(.expect("1.75"), line: 7)]
        let problems = LessonCheckRun.problems(of: broken, makeSession: session)
        #expect(problems.count == 1)
        #expect(problems.first?.description.hasPrefix("j.lesson.md:5: error: step 'Entropy': its solution does not pass") == true)
    }
}

/// Looking at a variable or defining a helper is a step towards an answer, not a wrong one.
@Suite struct AnswerKindTests {
    @Test(arguments: [("P", true), ("p = 1/8", true), ("f(x) = x", true), ("fn g() { return 1 }", true),
                      ("-log2(1/8)", false), ("P + 1", false), ("x = 1; x", false), ("P; Q", false)])
    func explorationIsLookingOrDefining(_ source: String, _ exploring: Bool) {
        #expect(Answer(source: source, value: nil, succeeded: true).isExploration == exploring)
    }
}
