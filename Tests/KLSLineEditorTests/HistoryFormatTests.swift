import Testing
@testable import KLSLineEditor

@Suite struct HistoryFormatTests {
    @Test func multiLineEntriesBecomeOneEscapedLine() {
        let entries = ["x = 1", "f(x) = {\n  x + 1\n}", "path = \"C:\\temp\\n\"", "cr\rhere"]
        let text = HistoryFormat.encode(entries)
        #expect(text == "# kls history v1\nx = 1\nf(x) = {\\n  x + 1\\n}\npath = \"C:\\\\temp\\\\n\"\ncr\\rhere\n")
        #expect(HistoryFormat.decode(text) == entries)
    }

    @Test func decodingSkipsHeaderAndBlankLinesAndKeepsUnknownEscapes() {
        let text = "# kls history v1\n\nlatex \\alpha\ntrailing \\\n\n"
        #expect(HistoryFormat.decode(text) == ["latex \\alpha", "trailing \\"])
    }

    @Test func headerTextOnALaterLineIsAnEntry() {
        #expect(HistoryFormat.decode("a\n# kls history v1\n") == ["a", "# kls history v1"])
    }

    @Test func nonASCIIEntriesRoundTrip() {
        let entries = ["μ = 0.5", "σ² ← ∑ xᵢ", "名前 = 1"]
        #expect(HistoryFormat.decode(HistoryFormat.encode(entries)) == entries)
    }
}
