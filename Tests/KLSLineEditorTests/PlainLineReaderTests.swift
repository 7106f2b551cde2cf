#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import KLSLineEditor

@Suite struct PlainLineReaderTests {
    /// A reader of a pipe holding `text`, its prompts written to /dev/null.
    private func reader(reading text: String, history: String? = nil) throws -> (PlainLineReader, Int32) {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let bytes = Array(text.utf8)
        try #require(write(ends[1], bytes, bytes.count) == bytes.count)
        close(ends[1])
        let sink = try #require(fopen("/dev/null", "w"))
        return (PlainLineReader(historyFile: history, historyLimit: 100, input: ends[0], output: sink), ends[0])
    }

    @Test func readsLinesThenEndOfInput() throws {
        let (reader, input) = try reader(reading: "x = μ\r\nsecond\nlast without newline")
        defer { close(input) }
        #expect(reader.readLine(prompt: "kls> ", continuation: false) == .line("x = μ"))
        #expect(reader.readLine(prompt: "kls> ", continuation: false) == .line("second"))
        #expect(reader.readLine(prompt: "...  ", continuation: true) == .line("last without newline"))
        #expect(reader.readLine(prompt: "kls> ", continuation: false) == .eof)
        #expect(reader.readLine(prompt: "kls> ", continuation: false) == .eof)
    }

    @Test func emptyLinesAreLines() throws {
        let (reader, input) = try reader(reading: "\n\n")
        defer { close(input) }
        #expect(reader.readLine(prompt: "", continuation: false) == .line(""))
        #expect(reader.readLine(prompt: "", continuation: false) == .line(""))
        #expect(reader.readLine(prompt: "", continuation: false) == .eof)
    }

    @Test func historyGoesToTheFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/history"
        let (reader, input) = try reader(reading: "", history: path)
        defer { close(input) }
        reader.addHistory("a = 1")
        reader.addHistory("b = {\n 2\n}")
        reader.addHistory("a = 1")
        #expect(reader.historyEntries == ["b = {\n 2\n}", "a = 1"])
        #expect(try HistoryStore(path: path).load() == ["b = {\n 2\n}", "a = 1"])
    }
}
