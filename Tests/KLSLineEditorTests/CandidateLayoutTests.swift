import Testing
@testable import KLSLineEditor

@Suite struct CandidateLayoutTests {
    @Test func candidatesFillColumnsTopToBottom() {
        // Widest is 6 ("normal"), so columns are 8 wide; (20 + 2) / 8 = 2 columns, 3 rows.
        let rows = CandidateLayout.rows(["beta", "gamma", "normal", "t", "chi2"], width: 20, maxRows: 10)
        #expect(rows == ["beta    t", "gamma   chi2", "normal"])
    }

    @Test func oneColumnWhenNothingFitsBeside() {
        #expect(CandidateLayout.rows(["abcdef", "x"], width: 10, maxRows: 10) == ["abcdef", "x"])
    }

    @Test func allOnOneRowWhenWide() {
        #expect(CandidateLayout.rows(["a", "bb", "c"], width: 80, maxRows: 10) == ["a   bb  c"])
    }

    @Test func tooManyRowsAreCutWithACount() {
        let names = (1...30).map { "name\($0 < 10 ? "0" : "")\($0)" }   // 6 wide → 8-wide columns
        let rows = CandidateLayout.rows(names, width: 22, maxRows: 4)       // 3 columns, 3 rows shown
        #expect(rows == ["name01  name04  name07", "name02  name05  name08", "name03  name06  name09",
                         "… and 21 more"])
    }

    @Test func widthsCountTerminalColumns() {
        #expect(CandidateLayout.displayWidth("μσ") == 2)
        #expect(CandidateLayout.displayWidth("名前") == 4)
        #expect(CandidateLayout.displayWidth("e\u{301}") == 1)
        #expect(CandidateLayout.displayWidth("\u{1}") == 2)
        #expect(CandidateLayout.rows(["名前", "ab"], width: 80, maxRows: 5) == ["名前  ab"])
    }

    @Test func nothingToList() {
        #expect(CandidateLayout.rows([], width: 80, maxRows: 10) == [])
    }
}
