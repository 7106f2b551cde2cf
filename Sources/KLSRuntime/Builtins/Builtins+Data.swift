import KLSNumerics

/// Data from files: `read_csv`, a CSV file of numbers as a matrix (``CSVTable``: fields split
/// by CSV.swift, which handles RFC 4180 quoting and CRLF).
extension BuiltinRegistry {
    static func installData(_ r: BuiltinRegistry) {
        r.function("read_csv", [p("path"), p("names", .bool(false))], category: "data",
                   summary: "The numbers of a CSV file as a matrix, one row per line; a first line with a word in it is a header.",
                   help: """
                   Fields are separated by commas (quoted as in RFC 4180: a quoted field ends at its closing quote, \"\"
                   inside it is a quote); a UTF-8 byte-order mark is skipped, and so are blank lines; every row must have
                   as many fields as the first. Numbers are written as in kls or Python (1, -2.5, 1e-3, nan, inf); an
                   empty cell is a missing value, nan (as pandas and NumPy's genfromtxt read it) — so a comma at the end
                   of every line makes a last column of nan. The first line is the header when one of its cells is
                   neither empty nor a number: skipped, and with names=true returned with the data as a record:
                   read_csv(path, names=true) has .names (the header's column names, a list of strings) and .data (the
                   matrix). Any other cell that is not a number is an error naming the file, the line and the column
                   (1-based); so are a row of another length and a quoted field never closed or going on after its quote.
                   """,
                   example: "read_csv(\"examples/data/exam_scores.csv\", names=true).names") { a in
            let path = try a.path(0)
            let table = try CSVTable(text: readText(a, 0), file: path)
            guard try a.bool(1) else { return .tensor(table.matrix) }
            guard let header = table.header else { throw a.error("'\(path)' has no header line, so no names") }
            return .object(Record(name: "CSV", fields: [("names", .list(header.map { .string($0) })),
                                                        ("data", .tensor(table.matrix))]))
        }
    }
}
