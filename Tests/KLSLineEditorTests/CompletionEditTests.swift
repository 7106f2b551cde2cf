import Testing
@testable import KLSLineEditor

@Suite struct CompletionEditTests {
    @Test func singleCandidateReplacesTheRange() {
        let edit = CompletionEdit.plan(line: "x = sig", cursor: 7,
                                       result: CompletionResult(replacing: 4..<7, candidates: ["sigma"]))
        #expect(edit == CompletionEdit(cursorMove: 0, deleteCount: 3, insertion: "sigma", listing: []))
    }

    @Test func severalCandidatesInsertTheirCommonPrefixAndAreListed() {
        let result = CompletionResult(replacing: 0..<1, candidates: ["sigma", "sign", "sigmoid"])
        #expect(CompletionEdit.plan(line: "s", cursor: 1, result: result)
                == CompletionEdit(cursorMove: 0, deleteCount: 1, insertion: "sig",
                                  listing: ["sigma", "sign", "sigmoid"]))
    }

    @Test func commonPrefixNoLongerThanTheTextOnlyLists() {
        let result = CompletionResult(replacing: 0..<3, candidates: ["sigma", "sign"])
        #expect(CompletionEdit.plan(line: "sig", cursor: 3, result: result)
                == CompletionEdit(cursorMove: 0, deleteCount: 0, insertion: "", listing: ["sigma", "sign"]))
        let unrelated = CompletionResult(replacing: 0..<3, candidates: ["abc", "abd"])
        #expect(CompletionEdit.plan(line: "xyz", cursor: 3, result: unrelated)?.insertion == "")
    }

    @Test func offsetsAreConvertedFromUTF8BytesToScalars() {
        // "αβ.me" : α and β are 2 bytes each, so "me" spans bytes 5..<7 and scalars 3..<5.
        let result = CompletionResult(replacing: 5..<7, candidates: ["mean"])
        let edit = CompletionEdit.plan(line: "αβ.me(1)", cursor: 7, result: result)
        #expect(edit == CompletionEdit(cursorMove: 0, deleteCount: 2, insertion: "mean", listing: []))
    }

    @Test func rangeEndingAfterTheCursorMovesTheCursorFirst() {
        let result = CompletionResult(replacing: 0..<5, candidates: ["sigma"])
        #expect(CompletionEdit.plan(line: "sigxx", cursor: 3, result: result)
                == CompletionEdit(cursorMove: 2, deleteCount: 5, insertion: "sigma", listing: []))
    }

    @Test func noCandidatesOrOutOfRangeOffsets() {
        #expect(CompletionEdit.plan(line: "x", cursor: 1, result: CompletionResult(replacing: 0..<1, candidates: [])) == nil)
        let clamped = CompletionEdit.plan(line: "ab", cursor: 9, result: CompletionResult(replacing: 1..<40, candidates: ["bc"]))
        #expect(clamped == CompletionEdit(cursorMove: 0, deleteCount: 1, insertion: "bc", listing: []))
    }

    @Test func duplicateCandidatesCountOnce() {
        let result = CompletionResult(replacing: 0..<1, candidates: ["sum", "sum"])
        #expect(CompletionEdit.plan(line: "s", cursor: 1, result: result)?.listing == [])
    }

    @Test func longestCommonPrefixWorksOnWholeCharacters() {
        #expect(CompletionEdit.longestCommonPrefix(["dist.mean", "dist.median", "dist.mode"]) == "dist.m")
        #expect(CompletionEdit.longestCommonPrefix(["e\u{301}a", "e\u{301}b"]) == "e\u{301}")
        #expect(CompletionEdit.longestCommonPrefix(["e\u{301}", "e"]) == "")
        #expect(CompletionEdit.longestCommonPrefix(["abc"]) == "abc")
        #expect(CompletionEdit.longestCommonPrefix([]) == "")
    }
}
