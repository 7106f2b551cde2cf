import CSV
import Foundation
import KLSNumerics

/// Data from files: `read_csv`, a CSV file of numbers as a matrix (fields split by CSV.swift,
/// which handles RFC 4180 quoting, CRLF and a byte-order mark).
extension BuiltinRegistry {
    static func installData(_ r: BuiltinRegistry) {
        r.function("read_csv", [p("path"), p("names", .bool(false))], category: "data",
                   summary: "The numbers of a CSV file as a matrix, one row per line; a first line that is not all numbers is a header.",
                   help: """
                   Fields are separated by commas (quoted as in RFC 4180); blank lines are skipped; every row must have
                   as many fields as the first. Numbers are written as in kls or Python (1, -2.5, 1e-3, nan, inf).
                   A first line that is not all numbers is the header: skipped, and with names=true returned with the
                   data as a record: read_csv(path, names=true) has .names (the header's column names, a list of
                   strings) and .data (the matrix). A cell that is not a number is an error naming the file, the line
                   and the column (1-based); so is a row of another length.
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

/// A CSV file of numbers: the header (when the first line is not all numbers) and the rows.
struct CSVTable {
    let header: [String]?
    let matrix: Tensor

    /// Parses `text`, the contents of `file` (named in errors with the line and column).
    init(text: String, file: String) throws {
        // Quotes come in pairs ("" inside a quoted field is two): an odd count leaves a field open.
        if text.utf8.reduce(0, { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }) % 2 == 1 {
            throw BuiltinError("read_csv: '\(file)' has a quoted field that is never closed (an odd number of \")")
        }
        let reader: CSVReader
        do { reader = try CSVReader(string: text) } catch { throw BuiltinError("read_csv: cannot read '\(file)': \(error)") }
        var header: [String]?
        var data: [Double] = []
        var columns: Int?
        var rows = 0
        var line = 1
        while let row = reader.next() {
            defer { line += 1 + row.reduce(0) { $0 + CSVTable.lineBreaks(in: $1) } }
            if row.count == 1, row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let numbers = row.map(CSVTable.number)
            if rows == 0, header == nil, columns == nil, numbers.contains(where: { $0 == nil }) {
                header = row.map { $0.trimmingCharacters(in: .whitespaces) }
                columns = row.count
                continue
            }
            if let columns, row.count != columns {
                throw BuiltinError("read_csv: '\(file)' line \(line) has \(row.count) field\(row.count == 1 ? "" : "s"), "
                                   + "but the \(header == nil ? "first row" : "header") has \(columns)")
            }
            columns = row.count
            for (k, x) in numbers.enumerated() {
                guard let x else {
                    throw BuiltinError("read_csv: '\(file)' line \(line), column \(k + 1): '\(row[k])' is not a number")
                }
                data.append(x)
            }
            rows += 1
            guard data.count <= Tensor.maxElements else {
                throw BuiltinError("read_csv: '\(file)' has more than \(Tensor.maxElements) numbers")
            }
        }
        if let error = reader.error { throw BuiltinError("read_csv: cannot read '\(file)': \(error)") }
        self.header = header
        matrix = Tensor(shape: [rows, columns ?? 0], data: data)
    }

    /// A field as a number: decimal spellings (1, -2.5, 1e-3) and nan, inf, -inf, with
    /// surrounding spaces allowed; nil for anything else (an empty field, hexadecimal).
    static func number(_ field: String) -> Double? {
        let text = field.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, !text.lowercased().contains("x") else { return nil }
        return Double(text)
    }

    /// The lines a quoted field spans beyond its first (CRLF, LF or CR each end one).
    static func lineBreaks(in field: String) -> Int {
        var n = 0
        var previous: UnicodeScalar?
        for c in field.unicodeScalars {
            if c == "\n" && previous != "\r" || c == "\r" { n += 1 }
            previous = c
        }
        return n
    }
}
