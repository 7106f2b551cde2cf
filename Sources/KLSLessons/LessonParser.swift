import KLSSyntax

/// A problem in a lesson file, at a 1-based line.
public struct LessonProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: error: MESSAGE`, as every kls error reads.
    public var description: String { "\(path):\(line): error: \(message)" }
}

/// Reads the lesson file format (`lessons/README.md`): Markdown with a `# ` title, `## `
/// steps, `> ` task lines, directive lines (`expect:`, `check:`, `uses:`, `defines:`,
/// `hint:`, `solution:`, `tolerance:`, `numbers:`) and fenced `setup` / `solution` blocks.
public enum LessonParser {
    /// The directive words a line may start with (followed by a colon).
    static let directives = ["expect", "check", "uses", "defines", "hint", "solution", "tolerance", "numbers"]

    /// Parses `text` (the contents of `path`); every problem found, or the lesson.
    public static func parse(_ text: String, path: String, name: String) -> Result<Lesson, LessonErrors> {
        var reader = Reader(path: path, lines: text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) })
        let lesson = reader.lesson(name: name)
        if reader.problems.isEmpty, let lesson { return .success(lesson) }
        return .failure(LessonErrors(problems: reader.problems))
    }

    /// The problems of a lesson file that cannot be used.
    public struct LessonErrors: Error, Sendable {
        public var problems: [LessonProblem]
    }

    /// A pass over the lines that collects the lesson and its problems.
    struct Reader {
        let path: String
        let lines: [String]
        var index = 0
        var problems: [LessonProblem] = []

        init(path: String, lines: [String]) {
            self.path = path
            self.lines = lines
        }

        mutating func problem(_ line: Int, _ message: String) {
            problems.append(LessonProblem(path: path, line: line, message: message))
        }

        mutating func lesson(name: String) -> Lesson? {
            while index < lines.count, isSkippable(lines[index]) { index += 1 }
            guard index < lines.count, lines[index].hasPrefix("# ") else {
                problem(min(index + 1, max(lines.count, 1)), "a lesson starts with its title: a line '# Title'")
                return nil
            }
            let title = String(lines[index].dropFirst(2)).trimmingBlanks()
            if title.isEmpty { problem(index + 1, "the title after '# ' is empty") }
            index += 1
            var intro = Section(line: index)
            read(into: &intro, isStep: false)
            var steps: [LessonStep] = []
            while index < lines.count {
                let line = index + 1
                let stepTitle = String(lines[index].dropFirst(3)).trimmingBlanks()
                if stepTitle.isEmpty { problem(line, "a step needs a title after '## '") }
                index += 1
                var section = Section(line: line)
                read(into: &section, isStep: true)
                steps.append(step(title: stepTitle, from: section))
            }
            if steps.isEmpty { problem(1, "the lesson has no steps: each starts with a line '## Step title'") }
            check(code: intro.setup, line: intro.setupLine, what: "set-up code")
            return Lesson(name: name, path: path, title: title, introduction: intro.prose.trimmingBlanks(),
                          setup: intro.setup, steps: steps)
        }

        /// Blank lines and one-line HTML comments (notes for the lesson's author).
        func isSkippable(_ line: String) -> Bool {
            let t = line.trimmingBlanks()
            return t.isEmpty || (t.hasPrefix("<!--") && t.hasSuffix("-->"))
        }

        /// What the lines of the introduction or of one step hold.
        struct Section {
            var line: Int
            var prose = ""
            var setup = ""
            var setupLine = 0
            var task = ""
            var checks: [LessonCheck] = []
            var hints: [String] = []
            var solution = ""
            var solutionLine = 0
            var tolerance: Double?
            var acceptsNumbers = true
        }

        /// Reads lines up to the next `## ` heading.
        mutating func read(into section: inout Section, isStep: Bool) {
            while index < lines.count, !lines[index].hasPrefix("## ") {
                let raw = lines[index]
                let line = index + 1
                index += 1
                let trimmed = raw.trimmingBlanks()
                if trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") { continue }
                if trimmed.hasPrefix("```") {
                    let info = String(trimmed.dropFirst(3)).trimmingBlanks()
                    let body = fenced(openedAt: line)
                    switch info {
                    case "setup":
                        if section.setupLine == 0 { section.setupLine = line + 1 }
                        section.setup += body
                    case "solution":
                        guard isStep else { problem(line, "a solution belongs to a step (after a '## ' heading)"); continue }
                        if !section.solution.isEmpty { problem(line, "this step already has a solution") }
                        section.solution = body
                        section.solutionLine = line + 1
                    default:
                        section.prose += raw + "\n" + body + "```\n"
                    }
                    continue
                }
                if trimmed.hasPrefix(">") {
                    guard isStep else { problem(line, "a task ('> …') belongs to a step (after a '## ' heading)"); continue }
                    section.task += String(trimmed.dropFirst()).trimmingBlanks() + "\n"
                    continue
                }
                if let (word, rest) = directive(trimmed) {
                    guard isStep else { problem(line, "'\(word):' belongs to a step (after a '## ' heading)"); continue }
                    apply(word, rest, line: line, to: &section)
                    continue
                }
                section.prose += raw + "\n"
            }
        }

        /// The lines of a fenced block up to its closing fence (which is consumed).
        mutating func fenced(openedAt line: Int) -> String {
            var body = ""
            while index < lines.count {
                let raw = lines[index]
                index += 1
                if raw.trimmingBlanks() == "```" { return body }
                body += raw + "\n"
            }
            problem(line, "this code block is not closed: end it with a line '```'")
            return body
        }

        /// `word: rest` when the line starts with a directive word.
        func directive(_ line: String) -> (String, String)? {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let word = String(line[..<colon])
            guard LessonParser.directives.contains(word) else { return nil }
            return (word, String(line[line.index(after: colon)...]).trimmingBlanks())
        }

        mutating func apply(_ word: String, _ rest: String, line: Int, to section: inout Section) {
            if rest.isEmpty, word != "hint" {
                problem(line, "'\(word):' needs something after the colon")
                return
            }
            switch word {
            case "expect":
                check(code: rest, line: line, what: "the expected value")
                section.checks.append(LessonCheck(.expect(rest), line: line))
            case "check":
                check(code: rest, line: line, what: "the check")
                section.checks.append(LessonCheck(.condition(rest), line: line))
            case "uses":
                let names = rest.split(separator: ",").map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
                section.checks.append(LessonCheck(.uses(names), line: line))
            case "defines":
                guard let (name, arity) = LessonParser.definition(rest) else {
                    problem(line, "'defines:' takes a name, or a name and its number of parameters: defines: kl_loss(2)")
                    return
                }
                section.checks.append(LessonCheck(.defines(name: name, arity: arity), line: line))
            case "hint":
                section.hints.append(rest)
            case "solution":
                if !section.solution.isEmpty { problem(line, "this step already has a solution") }
                check(code: rest, line: line, what: "the solution")
                section.solution = rest + "\n"
                section.solutionLine = line
            case "tolerance":
                guard let t = Double(rest), t >= 0, t.isFinite else {
                    problem(line, "tolerance must be a number ≥ 0, such as 1e-6 (got '\(rest)')")
                    return
                }
                section.tolerance = t
            case "numbers":
                switch rest {
                case "allowed": section.acceptsNumbers = true
                case "refused": section.acceptsNumbers = false
                default: problem(line, "numbers: is 'allowed' or 'refused' (got '\(rest)')")
                }
            default:
                break
            }
        }

        /// A syntax check of a piece of kls code in the lesson, reported at the lesson's line.
        mutating func check(code: String, line: Int, what: String) {
            guard !code.trimmingBlanks().isEmpty else { return }
            let file = SourceFile(name: path, text: code)
            var diagnostics: [Diagnostic] = []
            switch Parser.parse(file) {
            case .complete: return
            case .incomplete:
                if case .failed(let ds) = Parser.parseReportingEnd(file) { diagnostics = ds }
            case .failed(let ds): diagnostics = ds
            }
            let lastLine = code.trimmingBlanks().split(separator: "\n", omittingEmptySubsequences: false).count
            for d in diagnostics.prefix(1) {
                let offset = min(d.span.map { file.location(of: $0.start).line } ?? 1, lastLine) - 1
                problem(line + offset, "\(what) is not valid kls: \(d.message)")
            }
            if diagnostics.isEmpty { problem(line, "\(what) is not valid kls") }
        }

        mutating func step(title: String, from s: Section) -> LessonStep {
            check(code: s.setup, line: s.setupLine, what: "the step's set-up code")
            if s.solutionLine > 0, s.solution.contains("\n"), s.solution.dropLast().contains("\n") {
                check(code: s.solution, line: s.solutionLine, what: "the solution")
            }
            let task = s.task.trimmingBlanks()
            if task.isEmpty, !s.checks.isEmpty || !s.solution.isEmpty || !s.hints.isEmpty {
                problem(s.line, "step '\(title)' has checks, hints or a solution but no task: add a line '> what to do'")
            }
            if !task.isEmpty, s.checks.isEmpty, s.solution.trimmingBlanks().isEmpty {
                problem(s.line, "step '\(title)' asks something but has no 'expect:', 'check:' or solution to judge the answer by")
            }
            if !task.isEmpty, s.solution.trimmingBlanks().isEmpty {
                problem(s.line, "step '\(title)' has no solution ('solution: CODE'): :solution, :skip and --check need one")
            }
            return LessonStep(title: title, line: s.line, text: s.prose.trimmingBlanks(), setup: s.setup, task: task,
                              checks: s.checks, hints: s.hints, solution: s.solution,
                              tolerance: s.tolerance ?? 1e-9, acceptsNumbers: s.acceptsNumbers)
        }
    }

    /// `name` or `name(k)` of a `defines:` line.
    static func definition(_ text: String) -> (String, Int?)? {
        let t = text.trimmingBlanks()
        guard let open = t.firstIndex(of: "(") else {
            return isName(t) ? (t, nil) : nil
        }
        let name = String(t[..<open]).trimmingBlanks()
        guard t.hasSuffix(")"), isName(name), let k = Int(t[t.index(after: open)..<t.index(before: t.endIndex)].trimmingBlanks()),
              k >= 0 else { return nil }
        return (name, k)
    }

    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return Lexer.isIdentifierStart(first) && text.unicodeScalars.dropFirst().allSatisfy(Lexer.isIdentifierContinue)
    }
}
