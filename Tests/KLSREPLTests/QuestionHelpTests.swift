import Testing
@testable import KLSREPL

/// Python's and Julia's `?name` at the prompt answers with the kls command (`Habits` row "?X").
struct QuestionHelpTests {
    @Test func questionMarkAsksForHelp() {
        #expect(Prompt.questionHelp("?KL") == ":help KL")
        #expect(Prompt.questionHelp("  ?kl_div ") == ":help kl_div")
        #expect(Prompt.questionHelp("?") == nil)
        #expect(Prompt.questionHelp("x = 1") == nil)
        #expect(Prompt.questionHelp("?x + 1") == nil)
    }
}
