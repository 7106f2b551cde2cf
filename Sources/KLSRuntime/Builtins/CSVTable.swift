import CSV
import Foundation
import KLSBase
import KLSNumerics

/// A CSV file of numbers: the header (when the first line has a cell that is neither empty
/// nor a number) and the rows, an empty cell read as nan (a missing value, as pandas and
/// NumPy's genfromtxt read it).
struct CSVTable {
    let header: [String]?
    let matrix: Tensor

    /// Parses `text`, the contents of `file` (named in errors with the line and column).
    init(text: String, file: String) throws {
        // CSV.swift drops a byte-order mark only when it reads bytes: from a string the mark
        // would start the first cell (and hide the quote that opens it).
        let text = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        if let fault = CSVTable.quotingFault(in: text) { throw BuiltinError("read_csv: '\(file)' \(fault)") }
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
                    let cell = ControlCharacters.escaped(row[k])
                    throw BuiltinError("read_csv: '\(file)' line \(line), column \(k + 1): '\(cell)' is not a number")
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
    /// surrounding spaces allowed, and nan for an empty field (a missing value); nil for
    /// anything else (words, hexadecimal).
    static func number(_ field: String) -> Double? {
        let text = field.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .nan }
        guard !text.lowercased().contains("x") else { return nil }
        return Double(text)
    }

    /// The lines a quoted field spans beyond its first (CRLF, LF or CR each end one).
    static func lineBreaks(in field: String) -> Int {
        var n = 0
        var previous: UnicodeScalar?
        for c in field.unicodeScalars {
            if endsLine(c, after: previous) { n += 1 }
            previous = c
        }
        return n
    }

    /// Whether `c` ends a line: a CR, or an LF not after a CR (CRLF is one line end).
    static func endsLine(_ c: UnicodeScalar, after previous: UnicodeScalar?) -> Bool {
        c == "\n" && previous != "\r" || c == "\r"
    }

    /// Where `text` breaks RFC 4180's quoting, as "line L, column C: what" (1-based), or nil.
    /// A field opened by `"` must be closed by a `"` followed by a comma, a line end or the end
    /// of the file (`""` inside it is one quote); CSV.swift would otherwise read on through
    /// the following lines into the one cell.
    static func quotingFault(in text: String) -> String? {
        enum State { case fieldStart, unquoted, quoted, afterQuote }
        var state = State.fieldStart
        var line = 1, column = 1, opened = (line: 1, column: 1)
        var previous: UnicodeScalar?
        for c in text.unicodeScalars {
            defer { previous = c }
            let lineEnd = c == "\n" || c == "\r"
            switch state {
            case .fieldStart, .unquoted:
                if c == "\"", state == .fieldStart {
                    state = .quoted
                    opened = (line, column)
                } else if c == "," {
                    state = .fieldStart
                    column += 1
                } else if lineEnd {
                    state = .fieldStart
                    column = 1
                } else {
                    state = .unquoted
                }
            case .quoted:
                if c == "\"" { state = .afterQuote }
            case .afterQuote:
                if c == "\"" {
                    state = .quoted
                } else if c == "," {
                    state = .fieldStart
                    column += 1
                } else if lineEnd {
                    state = .fieldStart
                    column = 1
                } else {
                    return "line \(line), column \(column): \(ControlCharacters.quoted(String(c))) after a closing quote "
                        + "(a quoted field ends at its quote, before a comma or the line's end; \"\" is a quote inside it)"
                }
            }
            if endsLine(c, after: previous) { line += 1 }
        }
        guard state == .quoted else { return nil }
        return "line \(opened.line), column \(opened.column): a quoted field is never closed"
    }
}
