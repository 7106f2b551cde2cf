import Foundation
import KLSLineEditor
import Testing
@testable import KLSREPL

/// Tab completion as a pure function of the line, the cursor and the session's names.
struct CompletionTests {
    /// A completer over a small fixed vocabulary and a fake file system.
    func completer(files: [String: [String]] = [:]) -> PromptCompleter {
        PromptCompleter(
            builtinNames: ["linspace", "log", "log2", "logpdf", "Normal", "pi", "print", "sigmoid", "sign"],
            builtinFunctions: ["linspace", "log", "log2", "logpdf", "Normal", "print", "sigmoid", "sign"],
            helpTopics: ["syntax", "operators", "vectors"],
            variables: { [("my_var", false), ("my_fun", true), ("μ", false), ("fit", false)] },
            parameters: { name in name == "H" ? ["P", "Q", "base"] : name == "my_fun" ? ["alpha"] : nil },
            fields: { path in path == ["fit"] ? ["losses", "params", "trace"] : path == ["fit", "params"] ? ["shape"] : nil },
            files: { prefix, directory in (files[directory] ?? []).filter { $0.hasPrefix(prefix) } },
            home: "/home/me")
    }

    /// The candidates and the replaced text for `line` with the cursor at its end.
    func complete(_ line: String, _ c: PromptCompleter? = nil, earlier: String = "") -> (String, [String])? {
        guard let r = (c ?? completer()).complete(line: line, cursor: line.utf8.count, earlierLines: earlier) else {
            return nil
        }
        let bytes = Array(line.utf8)
        return (String(decoding: bytes[r.replacing], as: UTF8.self), r.candidates)
    }

    @Test func builtinsVariablesAndKeywords() throws {
        let logs = try #require(complete("y = lo"))
        #expect(logs.0 == "lo" && logs.1 == ["log", "log2", "logpdf"])
        #expect(complete("my_")?.1 == ["my_fun", "my_var"])
        #expect(complete("whi")?.1 == ["while"])
        #expect(complete("x = fals")?.1 == ["false"])
    }

    @Test func aSingleFunctionGetsItsParenthesis() {
        #expect(complete("linsp")?.1 == ["linspace("])
        #expect(complete("my_f")?.1 == ["my_fun("])
        #expect(complete("my_v")?.1 == ["my_var"])
        #expect(complete("p = p")?.1 == ["pi", "print"])
        // Already followed by '(' (the cursor is before it): no second one.
        let c = completer()
        #expect(c.complete(line: "linsp(0, 1)", cursor: 5)?.candidates == ["linspace"])
    }

    @Test func caseInsensitiveWhenNothingElseMatches() {
        #expect(complete("normal")?.1 == ["Normal("])
        #expect(complete("Lin")?.1 == ["linspace("])
    }

    @Test func unicodeNamesAndUTF8Offsets() throws {
        let line = "σ = μ"
        let r = try #require(completer().complete(line: line, cursor: line.utf8.count))
        // "μ" is two UTF-8 bytes: the range covers exactly them.
        #expect(r.replacing == (line.utf8.count - 2)..<line.utf8.count)
        #expect(r.candidates == ["μ"])
    }

    @Test func keywordArgumentsOfTheCallBeingTyped() {
        #expect(complete("H(P, ba")?.1 == ["base="])
        #expect(complete("H(P, ")?.1 == ["P=", "Q=", "base="])
        // A lone parameter is not inserted on an empty word.
        #expect(complete("my_fun(") == nil)
        #expect(complete("my_fun(al")?.1 == ["alpha="])
        // After the call is closed, its parameters are no longer offered.
        #expect(complete("H(P, Q) + ba") == nil)
    }

    @Test func fieldsAfterADot() {
        #expect(complete("fit.")?.1 == ["losses", "params", "trace"])
        #expect(complete("fit.pa")?.1 == ["params"])
        #expect(complete("x = fit.params.sh")?.1 == ["shape"])
        #expect(complete("unknown.x") == nil)
        #expect(complete("f(x).pa") == nil)
        // A decimal point is not a field access.
        #expect(complete("3.") == nil)
    }

    @Test func fileNamesInsideStrings() throws {
        let c = completer(files: [".": ["data.csv", "data/", "notes.txt"], "data/": ["train.csv", "test.csv"],
                                  "/home/me/": ["kls/"]])
        let top = try #require(complete("load(\"da", c))
        #expect(top.0 == "da" && top.1 == ["data.csv", "data/"])
        let inner = try #require(complete("x = 'data/tr", c))
        #expect(inner.0 == "tr" && inner.1 == ["train.csv"])
        #expect(complete("\"~/k", c)?.1 == ["kls/"])
        // A closed string is code again.
        #expect(complete("\"da\" + da", c) == nil)
        // An escaped quote does not close the string.
        #expect(complete("\"a\\\"b/da", c) == nil)
        #expect(complete("\"zzz", c) == nil)
    }

    @Test func nothingInCommentsNumbersOrAfterABackslash() {
        #expect(complete("x = 1 # lo") == nil)
        #expect(complete("x = 12") == nil)
        #expect(complete("\\mux") == nil)
    }

    @Test func commands() throws {
        #expect(complete(":")?.1 == [":back", ":help", ":hint", ":lesson", ":load", ":quit", ":reset", ":skip", ":solution", ":time", ":type", ":vars"])
        let t = try #require(complete(":t"))
        #expect(t.0 == ":t" && t.1 == [":time", ":type"])
        #expect(complete(":help vec")?.1 == ["vectors"])
        #expect(complete(":help sig")?.1 == ["sigmoid", "sign"])
        #expect(complete(":type my_v")?.1 == ["my_var"])
        #expect(complete(":time linsp")?.1 == ["linspace("])
        #expect(complete(":vars x") == nil)
        let c = completer(files: [".": ["demo.kls", "data/"]])
        #expect(complete(":load de", c)?.1 == ["demo.kls"])
        #expect(complete(":load \"de", c)?.1 == ["demo.kls"])
        // A ':' line inside an unfinished block is code, not a command.
        #expect(complete(":he", earlier: "x = [1,") == nil)
    }

    @Test func earlierLinesOfTheBlockGiveTheContext() {
        // The string opened on an earlier line is still open.
        let c = completer(files: [".": ["data.csv"]])
        #expect(complete("da", c, earlier: "s = \"first line")?.1 == ["data.csv"])
        // The call opened on an earlier line is still open.
        #expect(complete("ba", earlier: "H(P,")?.1 == ["base="])
    }

    @Test func realDirectoryListing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kls-complete-\(getpid())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["alpha.kls", "alps.txt", ".hidden", "beta.kls"] {
            _ = FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data())
        }
        #expect(FileNames.matching(prefix: "al", in: dir.path) == ["alpha.kls", "alps.txt"])
        #expect(FileNames.matching(prefix: "", in: dir.path) == ["alpha.kls", "alps.txt", "beta.kls", "sub/"])
        #expect(FileNames.matching(prefix: ".h", in: dir.path) == [".hidden"])
        #expect(FileNames.matching(prefix: "x", in: dir.path + "/missing").isEmpty)
        #expect(FileNames.split("data/tr", home: nil) == ("data/", "tr"))
        #expect(FileNames.split("tr", home: nil) == (".", "tr"))
        #expect(FileNames.split("~/x/y", home: "/root") == ("/root/x/", "y"))
        #expect(FileNames.split("/", home: nil) == ("/", ""))
    }

    @Test func scannerContexts() {
        #expect(CompletionScanner.context(of: "f(a, [1, 2], g(x)") == .code(callee: "f"))
        #expect(CompletionScanner.context(of: "if (x") == .code(callee: nil))
        #expect(CompletionScanner.context(of: "x = \"a # b") == .string(partial: "a # b"))
        #expect(CompletionScanner.context(of: "x = 'it''s") == .string(partial: "s"))
        #expect(CompletionScanner.context(of: "# \"quoted") == .comment)
        #expect(CompletionScanner.context(of: "# c\nx = ") == .code(callee: nil))
        #expect(CompletionScanner.trailingWord(of: "y = σ²") == "σ²")
        #expect(CompletionScanner.receiverPath(of: "a.b.c", wordLength: 1) == ["a", "b"])
        #expect(CompletionScanner.receiverPath(of: "ab", wordLength: 1) == nil)
        #expect(CompletionScanner.receiverPath(of: "v[0].", wordLength: 0) == [])
    }
}
