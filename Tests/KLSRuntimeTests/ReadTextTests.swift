import Foundation
import Testing
import KLSRuntime

/// `read_text` on real files (the language files cannot know a path that is sure to exist).
struct ReadTextTests {
    /// A fresh file with `contents` in the temporary directory.
    static func temporaryFile(_ contents: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kls-read-text-\(UUID().uuidString).txt")
        try Data(contents).write(to: url)
        return url.path
    }

    @Test func readsUTF8TextAndCompressesIt() throws {
        let path = try Self.temporaryFile(Array("abracadabra é\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = KLSTestRun("""
            t = read_text("\(path)")
            print(len(t), t[12], len(frequencies(t).labels))
            print(decode(huffman(frequencies(t)), encode(huffman(frequencies(t)), t)) == chars(t))
            """)
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        // "abracadabra é\n": 14 characters (é is one); 8 distinct: a b c d r, space, é, newline.
        #expect(run.outputLines == ["14 é 8", "true"])
    }

    @Test func invalidUTF8ReadsAsReplacementCharacters() throws {
        let path = try Self.temporaryFile([0x61, 0xFF, 0x62])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = KLSTestRun("print(chars(read_text(\"\(path)\")))")
        #expect(run.outputLines == ["[\"a\", \"\u{FFFD}\", \"b\"]"])
    }

    @Test func emptyFileIsTheEmptyString() throws {
        let path = try Self.temporaryFile([])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = KLSTestRun("print(len(read_text(\"\(path)\")))")
        #expect(run.outputLines == ["0"])
    }
}
