import Foundation
import Testing
import KLSRuntime

/// `read_csv` on real files: values, the header, and errors naming file, line and column.
struct ReadCSVTests {
    /// A fresh CSV file with `contents` in the temporary directory.
    static func temporaryFile(_ contents: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kls-read-csv-\(UUID().uuidString).csv")
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    /// Runs `code` with `PATH` replaced by the path of a file holding `contents`.
    func run(_ contents: String, _ code: String) throws -> KLSTestRun {
        let path = try Self.temporaryFile(contents)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return KLSTestRun(code.replacingOccurrences(of: "PATH", with: path), name: "t.kls")
    }

    @Test func numbersMakeAMatrixOneRowPerLine() throws {
        let r = try run("1,2.5,-3\n4e-3, nan ,inf\n", "M = read_csv(\"PATH\")\nprint(type(M), M[0], M[1][0], isnan(M[1][1]), M[1][2])")
        #expect(r.errorText.isEmpty, "\(r.errorText)")
        #expect(r.outputLines == ["matrix(2×3) [1, 2.5, -3] 0.004 true inf"])
    }

    @Test func aHeaderIsSkippedAndItsNamesAreAvailable() throws {
        // Quoted fields (RFC 4180), CRLF line ends, blank lines skipped, no newline at the end.
        let csv = "x,\"y, in m\"\r\n1,\"2\"\r\n\r\n3,4"
        let r = try run(csv, "print(read_csv(\"PATH\") == [[1, 2], [3, 4]])\nt = read_csv(\"PATH\", names=true)\nprint(t.names, t.data[1])")
        #expect(r.errorText.isEmpty, "\(r.errorText)")
        #expect(r.outputLines == ["true", "[\"x\", \"y, in m\"] [3, 4]"])
    }

    @Test func theShippedExampleData() {
        let r = KLSTestRun("t = read_csv(\"examples/data/exam_scores.csv\", names=true)\nprint(t.names, type(t.data), t.data[0], sum(t.data, axis=0)[2])")
        #expect(r.errorText.isEmpty, "\(r.errorText)")
        #expect(r.outputLines == ["[\"hours_studied\", \"hours_slept\", \"passed\"] matrix(40×3) [3.2, 4.8, 0] 21"])
    }

    @Test(arguments: [
        // (file, error text): every error names the file; cells by line and column (1-based).
        ("a,b\n1,2\n3,zz\n", "line 3, column 2: 'zz' is not a number"),
        ("1,2\nnan,-\n", "line 2, column 2: '-' is not a number"),
        ("1,2\n3\n", "line 2 has 1 field, but the first row has 2"),
        ("a,b,c\n1,2\n", "line 2 has 2 fields, but the header has 3"),
        ("\"x\ny\",z\n1,2\n3,five\n", "line 4, column 2: 'five' is not a number"),   // the header spans 2 lines
        ("a,\"b\n1,2\n", "line 1, column 2: a quoted field is never closed"),
        ("1,2\n3,\"4\n\"\"5\n", "line 2, column 2: a quoted field is never closed"),
        // A character after a closing quote is an error there, not the start of a cell that
        // runs on through the following lines (Python's csv module would read 2x, not a number).
        ("a,b\n1,\"2\"x\n3,4\n", "line 2, column 2: \"x\" after a closing quote"),
        ("a,b\r\n\"1\"\t,2\r\n", "line 2, column 1: \"\\t\" after a closing quote"),
        // A cell's control characters are escaped in the message, which stays on one line.
        ("a,b\n1,\"2\n3\"\n", "line 2, column 2: '2\\n3' is not a number"),
    ])
    func errorsNameTheFileLineAndColumn(_ contents: String, _ message: String) throws {
        let path = try Self.temporaryFile(contents)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = KLSTestRun("x = 1\nM = read_csv(\"\(path)\")", name: "t.kls")
        #expect(r.errorText.contains("t.kls:2:5: error: read_csv: '\(path)' ") && r.errorText.contains(message), "\(r.errorText)")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        // Python: csv.reader(open(f, encoding="utf-8-sig")) reads [["1", "2"], ["3", "4"]] and
        // [["x, y", "z"], ["1", "2"]] from these files.
        let r = try run("\u{FEFF}\"1\",2\n3,4\n", "print(read_csv(\"PATH\") == [[1, 2], [3, 4]])")
        #expect(r.errorText.isEmpty, "\(r.errorText)")
        #expect(r.outputLines == ["true"])
        let h = try run("\u{FEFF}\"x, y\",z\r\n1,2\r\n", "t = read_csv(\"PATH\", names=true)\nprint(t.names, t.data)")
        #expect(h.errorText.isEmpty, "\(h.errorText)")
        #expect(h.outputLines == ["[\"x, y\", \"z\"] [[1, 2]]"])
    }

    @Test func anEmptyCellIsAMissingValueNotAHeader() throws {
        // pandas.read_csv(f, header=None) reads "1,,2" as [[1.0, NaN, 2.0]], and a comma ending
        // every line as a last column of NaN (numpy.genfromtxt(f, delimiter=",") alike).
        let r = try run("1,,2\n", "M = read_csv(\"PATH\")\nprint(M.shape, M[0][0], isnan(M[0][1]), M[0][2])")
        #expect(r.errorText.isEmpty, "\(r.errorText)")
        #expect(r.outputLines == ["[1, 3] 1 true 2"])
        let t = try run("1,2,\n3,4,\n", "M = read_csv(\"PATH\")\nprint(M.shape, M[1][0:2], isnan(M[0][2]) and isnan(M[1][2]))")
        #expect(t.errorText.isEmpty, "\(t.errorText)")
        #expect(t.outputLines == ["[2, 3] [3, 4] true"])
        // A header needs a cell that is neither empty nor a number; its empty names stay empty.
        let h = try run(",y\n1,2\n", "t = read_csv(\"PATH\", names=true)\nprint(t.names, t.data)")
        #expect(h.errorText.isEmpty, "\(h.errorText)")
        #expect(h.outputLines == ["[\"\", \"y\"] [[1, 2]]"])
    }

    @Test func namesNeedAHeader() throws {
        let r = try run("1,2\n", "read_csv(\"PATH\", names=true)")
        #expect(r.errorText.contains("t.kls:1:1: error: read_csv: '") && r.errorText.contains("has no header line, so no names"))
    }
}
