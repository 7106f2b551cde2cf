import Testing
@testable import KLSLessons

/// The lesson file format: what it reads, and each malformed file reported at its line.
@Suite struct LessonParserTests {
    static let sample = """
    # Entropy in two steps
    P is the seed's distribution.

    ```setup
    P = [0.5, 0.25, 0.25]
    ```

    ## Read this
    H(P) = −Σ p log₂ p

    ## Compute H(P)
    The entropy in bits.
    ```kls
    H([0.5, 0.5], base=2)
    ```
    > Compute the entropy of P in bits.
    expect: 1.5
    tolerance: 1e-6
    uses: P
    hint: −Σ p log₂ p
    hint: H(P, base=2)
    solution: H(P, base=2)
    numbers: refused
    """

    func parse(_ text: String) -> Result<Lesson, LessonParser.LessonErrors> {
        LessonParser.parse(text, path: "t.lesson.md", name: "t")
    }

    @Test func readsTitleIntroductionSetupAndSteps() throws {
        let lesson = try parse(Self.sample).get()
        #expect(lesson.title == "Entropy in two steps")
        #expect(lesson.introduction == "P is the seed's distribution.")
        #expect(lesson.setup == "P = [0.5, 0.25, 0.25]\n")
        #expect(lesson.steps.count == 2)
        let read = lesson.steps[0]
        #expect(read.title == "Read this" && !read.asksSomething && read.text == "H(P) = −Σ p log₂ p")
        let step = lesson.steps[1]
        #expect(step.line == 11)
        #expect(step.task == "Compute the entropy of P in bits.")
        #expect(step.checks == [LessonCheck(.expect("1.5"), line: 17), LessonCheck(.uses(["P"]), line: 19)])
        #expect(step.hints == ["−Σ p log₂ p", "H(P, base=2)"])
        #expect(step.solution == "H(P, base=2)\n")
        #expect(step.tolerance == 1e-6 && !step.acceptsNumbers)
        // A fenced block that is not `setup` or `solution` is shown as prose.
        #expect(step.text.contains("```kls\nH([0.5, 0.5], base=2)\n```"))
    }

    @Test func readsDefinesAndMultiLineSolutions() throws {
        let lesson = try parse("""
        # T
        ## Define it
        > Define kl_loss(μ, σ).
        defines: kl_loss(2)
        check: kl_loss(0, 1) > 0
        ```solution
        fn kl_loss(μ, σ) {
          return (μ - 1)^2 + σ
        }
        ```
        """).get()
        let step = lesson.steps[0]
        #expect(step.checks == [LessonCheck(.defines(name: "kl_loss", arity: 2), line: 4),
                                LessonCheck(.condition("kl_loss(0, 1) > 0"), line: 5)])
        #expect(step.solution.hasPrefix("fn kl_loss(μ, σ) {\n"))
    }

    /// Each malformed file and the line and message it is reported with.
    @Test(arguments: [
        ("no title\n## S\n", 1, "a lesson starts with its title"),
        ("# T\nprose only\n", 1, "the lesson has no steps"),
        ("# T\n## S\n> do it\nexpect: 1 +\nsolution: 1\n", 4, "the expected value is not valid kls"),
        ("# T\n## S\n> do it\nexpect: 1\nsolution: 1\ntolerance: -1\n", 6, "tolerance must be a number ≥ 0"),
        ("# T\n## S\n> do it\nexpect: 1\nsolution: 1\nnumbers: maybe\n", 6, "numbers: is 'allowed' or 'refused'"),
        ("# T\n## S\n> do it\ndefines: 3x\nsolution: 1\n", 4, "'defines:' takes a name"),
        ("# T\n## S\nexpect: 1\n", 2, "has checks, hints or a solution but no task"),
        ("# T\n## S\n> do it\nhint: h\n", 2, "asks something but has no"),
        ("# T\n## S\n> do it\nexpect: 1\n", 2, "has no solution"),
        ("# T\nexpect: 1\n## S\n", 2, "'expect:' belongs to a step"),
        ("# T\n## S\n```setup\nx = 1\n", 3, "this code block is not closed"),
        ("# T\n## S\n> do it\nexpect: 1\nsolution: 1\nsolution: 2\n", 6, "this step already has a solution"),
        ("# T\n```setup\nx = (1\n```\n## S\n", 3, "set-up code is not valid kls"),
        ("# T\n## \n", 2, "a step needs a title"),
    ])
    func reportsMalformedFilesAtTheirLine(_ text: String, _ line: Int, _ message: String) {
        guard case .failure(let errors) = parse(text) else {
            Issue.record("accepted: \(text)")
            return
        }
        let match = errors.problems.first { $0.message.contains(message) }
        #expect(match?.line == line, "\(errors.problems)")
        #expect(match?.description.hasPrefix("t.lesson.md:\(line): error: ") == true)
    }

    @Test func lessonNamesDropTheirNumberAndSuffix() {
        #expect(LessonLibrary.name(ofFile: "1-information.lesson.md") == "information")
        #expect(LessonLibrary.name(ofFile: "/x/y/codes.lesson.md") == "codes")
        #expect(LessonLibrary.name(ofFile: "kl-fit.lesson.md") == "kl-fit")
    }
}
