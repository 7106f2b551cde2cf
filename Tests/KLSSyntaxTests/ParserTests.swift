import Testing
@testable import KLSSyntax

/// Parser results: precedence, definitions, incomplete input, and error messages with positions.
struct ParserTests {
    func parse(_ text: String) -> ParseResult { Parser.parse(SourceFile(name: "t", text: text)) }

    func program(_ text: String) -> [Stmt] {
        guard case .complete(let p) = parse(text) else { Issue.record("did not parse: \(text)"); return [] }
        return p.statements
    }

    func errors(_ text: String) -> [String] {
        let file = SourceFile(name: "t", text: text)
        guard case .failed(let ds) = Parser.parseReportingEnd(file) else { return [] }
        return ds.map { d in
            let (l, c) = file.location(of: d.span!.start)
            return "\(l):\(c): \(d.message)"
        }
    }

    @Test func powerBindsTighterThanUnaryMinus() {
        guard case .expression(.unary(.negate, .binary(.power, _, _, _), _), _) = program("-2^2")[0] else {
            Issue.record("-2^2 should parse as -(2^2)"); return
        }
    }

    @Test func powerIsRightAssociative() {
        guard case .expression(.binary(.power, .number(2, _), .binary(.power, _, _, _), _), _) = program("2^3^2")[0] else {
            Issue.record("2^3^2 should parse as 2^(3^2)"); return
        }
    }

    @Test func mathStyleDefinition() {
        guard case .function(let f) = program("f(x, y=2) = x + y")[0] else { Issue.record("not a definition"); return }
        #expect(f.name?.name == "f")
        #expect(f.parameters.map(\.name.name) == ["x", "y"])
        #expect(f.parameters[1].defaultValue != nil)
    }

    @Test func lambdas() {
        guard case .assign(_, .lambda(let f), _) = program("g = (a, b) -> a * b")[0] else { Issue.record("not a lambda"); return }
        #expect(f.parameters.count == 2)
        guard case .assign(_, .lambda(let h), _) = program("h = x -> { return x }")[0] else { Issue.record("not a lambda"); return }
        #expect(h.parameters.count == 1)
    }

    @Test func divergenceArguments() {
        guard case .expression(.call(_, let args, _), _) = program("KL(P || Q, base=2)")[0] else { Issue.record("not a call"); return }
        #expect(args.count == 3)
        #expect(args[2].label == "base")
    }

    @Test func elseOnNextLine() {
        guard case .ifElse(_, _, let otherwise, _) = program("if x { y = 1 }\nelse { y = 2 }")[0] else { Issue.record("not an if"); return }
        #expect(otherwise != nil)
    }

    @Test func trailingSemicolonSilencesEcho() {
        guard case .expression(_, let echo) = program("1 + 1;")[0] else { Issue.record("not an expression"); return }
        #expect(!echo)
    }

    @Test func unfinishedInputIsIncomplete() {
        for text in ["f(1,", "x = [1, 2", "fn f() {", "x = 1 +", "\"abc", "if x {\n y = 1"] {
            guard case .incomplete = parse(text) else { Issue.record("\(text) should be incomplete"); continue }
        }
    }

    @Test func closingBracketMessageNamesTheOpening() {
        // Newlines inside brackets do not end the statement, so the error is at 'z'.
        #expect(errors("x = 1\ny = (2 + 3\nz = 4").first == "3:1: expected ')' to close '(' at 2:5, found 'z'")
        #expect(errors("v = [1, 2)").first == "1:10: expected ']' to close '[' at 1:5, found ')'")
    }

    @Test func missingOperandPointsAtTheToken() {
        #expect(errors("x = 1\ny = 2 * * 3").first == "2:9: expected an expression, found '*'")
    }

    @Test func recoveryReportsEveryError() {
        let found = errors("a = * 1\nb = 2\nc = ) 3\nd = 4 4")
        #expect(found.count == 3)
        #expect(found.map { $0.prefix(3) } == ["1:5", "3:5", "4:7"])
    }

    @Test func cannotAssignToACall() {
        #expect(errors("f(1) = 2").first?.contains("parameters must be names") == true)
        #expect(errors("1 = 2").first?.contains("cannot assign") == true)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(errors(text).first?.contains("nested too deeply") == true)
    }
}
