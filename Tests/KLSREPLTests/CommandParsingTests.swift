import Testing
@testable import KLSREPL

/// `:command` lines and the classification of prompt input (the parser decides what is
/// unfinished).
struct CommandParsingTests {
    @Test func commandsAndTheirArguments() {
        #expect(CommandRequest.parse(":help") == .run(.help, argument: ""))
        #expect(CommandRequest.parse("  :help  KL ") == .run(.help, argument: "KL"))
        #expect(CommandRequest.parse(":load data/my file.kls") == .run(.load, argument: "data/my file.kls"))
        #expect(CommandRequest.parse(":time for i in range(3) {\n}") == .run(.time, argument: "for i in range(3) {\n}"))
        #expect(CommandRequest.parse(":VARS") == .run(.vars, argument: ""))
    }

    @Test func uniquePrefixesAndAliases() {
        #expect(CommandRequest.parse(":h syntax") == .run(.help, argument: "syntax"))
        #expect(CommandRequest.parse(":q") == .run(.quit, argument: ""))
        #expect(CommandRequest.parse(":exit") == .run(.quit, argument: ""))
        #expect(CommandRequest.parse(":?") == .run(.help, argument: ""))
        #expect(CommandRequest.parse(":ty x") == .run(.type, argument: "x"))
        #expect(CommandRequest.parse(":ti x") == .run(.time, argument: "x"))
    }

    @Test func ambiguousAndUnknownCommands() {
        #expect(CommandRequest.parse(":t x") == .ambiguous("t", matches: [.type, .time]))
        #expect(CommandRequest.parse(":hlep") == .unknown("hlep", suggestions: [.help]))
        #expect(CommandRequest.parse(":bogus") == .unknown("bogus", suggestions: []))
        #expect(CommandRequest.parse(":") == .unknown("", suggestions: []))
    }

    @Test func codeIsNotACommand() {
        #expect(CommandRequest.parse("x = 1") == nil)
        #expect(CommandRequest.parse("a:b") == nil)
    }

    @Test func theParserDecidesWhatIsUnfinished() {
        #expect(PromptInput.classify("1 + 2") == .code)
        #expect(PromptInput.classify("1 +") == .incomplete)
        #expect(PromptInput.classify("fn f(x) {") == .incomplete)
        #expect(PromptInput.classify("fn f(x) {\n  return x\n}") == .code)
        #expect(PromptInput.classify("[1,\n2") == .incomplete)
        #expect(PromptInput.classify("\"open string") == .incomplete)
        #expect(PromptInput.classify("x = 1;") == .code)
        // A syntax error is complete input: it is reported, not continued.
        #expect(PromptInput.classify("1 + + )") == .code)
        // An unmatched closing brace too.
        #expect(PromptInput.classify("}") == .code)
    }

    @Test func blankInputAndComments() {
        #expect(PromptInput.classify("") == .blank)
        #expect(PromptInput.classify("   \t") == .blank)
    }

    @Test func codeAfterTimeAndTypeMayContinue() {
        #expect(PromptInput.classify(":time for i in range(3) {") == .incomplete)
        #expect(PromptInput.classify(":type [1,") == .incomplete)
        #expect(PromptInput.classify(":time for i in range(3) {\n}") == .command(.run(.time, argument: "for i in range(3) {\n}")))
        // Other commands never continue.
        #expect(PromptInput.classify(":load (") == .command(.run(.load, argument: "(")))
    }

    @Test func everyCommandHasUsageAndSummary() {
        for command in PromptCommand.allCases {
            #expect(command.usage.hasPrefix(command.spelled))
            #expect(!command.summary.isEmpty)
        }
    }
}

/// The command lines `kls` runs without the full argument parser, and those it leaves to it.
struct InvocationTests {
    @Test func everydayCommandLinesAreRecognised() {
        #expect(Invocation([]) == Invocation(file: nil, code: nil, arguments: []))
        #expect(Invocation(["fit.kls"]) == Invocation(file: "fit.kls", code: nil, arguments: []))
        #expect(Invocation(["fit.kls", "3", "x y"]) == Invocation(file: "fit.kls", code: nil, arguments: ["3", "x y"]))
        #expect(Invocation(["-e", "1+1"]) == Invocation(file: nil, code: "1+1", arguments: []))
        // -e takes the next word whatever it is, as the full parser does.
        #expect(Invocation(["-e", "-2"]) == Invocation(file: nil, code: "-2", arguments: []))
    }

    @Test func optionsGoToTheFullParser() {
        #expect(Invocation(["--check", "fit.kls"]) == nil)
        #expect(Invocation(["--help"]) == nil)
        #expect(Invocation(["--version"]) == nil)
        #expect(Invocation(["-e"]) == nil)
        #expect(Invocation(["-e", "1", "fit.kls"]) == nil)
        #expect(Invocation(["fit.kls", "--check"]) == nil)
        #expect(Invocation(["-"]) == nil)
    }
}
