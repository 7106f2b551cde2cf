import Foundation

/// Characters a terminal plot is drawn with: braille or plain ASCII.
public enum TerminalCharset: Sendable, Equatable {
    /// Unicode braille dots (2 × 4 per character) and box-drawing frame.
    case braille
    /// ASCII only, for terminals and locales without UTF-8.
    case ascii

    /// ASCII when the locale (first non-empty of LC_ALL, LC_CTYPE, LANG in `environment`) names
    /// a character set other than UTF-8, e.g. "C" or "en_US.ISO-8859-1"; braille otherwise.
    public static func preferred(environment: [String: String]) -> TerminalCharset {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let locale else { return .braille }
        let normalized = locale.lowercased().replacingOccurrences(of: "-", with: "")
        return normalized.contains("utf8") ? .braille : .ascii
    }
}

/// The frame, legend and cell characters of one charset, as UTF-8 strings.
struct TerminalGlyphs {
    let topLeft, topRight, bottomLeft, bottomRight: String
    let horizontal, vertical: String
    /// Left border where a y tick label points at the row.
    let leftTick: String
    /// Bottom border above an x tick label.
    let bottomTick: String
    /// Legend sample of a contour level.
    let lineSample: String
    /// UTF-8 bytes of the character for each of the 256 dot masks.
    let cells: [[UInt8]]

    /// With the ASCII charset and no colour, the character of every cell of the series in
    /// palette slot 1, 2, … (slot 0 keeps the shape characters), as gnuplot's dumb terminal
    /// marks its curves: ASCII cells are too coarse to show dash patterns.
    static let asciiSeriesMarks: [UInt8] = Array("*o+x%@#".utf8)

    /// The glyphs of `charset`, built once.
    static func of(_ charset: TerminalCharset) -> TerminalGlyphs {
        switch charset {
        case .braille: braille
        case .ascii: ascii
        }
    }

    private static let braille = TerminalGlyphs(.braille)
    private static let ascii = TerminalGlyphs(.ascii)

    init(_ charset: TerminalCharset) {
        switch charset {
        case .braille:
            (topLeft, topRight, bottomLeft, bottomRight) = ("┌", "┐", "└", "┘")
            (horizontal, vertical, leftTick, bottomTick) = ("─", "│", "┤", "┬")
            lineSample = "──"
            cells = (0..<256).map { mask in
                [0xE2, 0xA0 | UInt8(mask >> 6), 0x80 | UInt8(mask & 0x3F)]
            }
        case .ascii:
            (topLeft, topRight, bottomLeft, bottomRight) = ("+", "+", "+", "+")
            (horizontal, vertical, leftTick, bottomTick) = ("-", "|", "+", "+")
            lineSample = "--"
            cells = (0..<256).map { [AsciiCell.character(forMask: UInt8($0))] }
        }
    }
}

/// The ASCII character that best suggests the dots set in a 2 × 4 cell.
enum AsciiCell {
    /// ' ' empty, '#' six or more dots, '/' or '\' rising or falling across both columns,
    /// ':' other tall two-column shapes (shading), '|' tall single column, and by the mean
    /// row of short shapes "'" top, '-' middle, '.' bottom.
    static func character(forMask mask: UInt8) -> UInt8 {
        guard mask != 0 else { return UInt8(ascii: " ") }
        let bits: [(column: Int, row: Int, bit: UInt8)] = [
            (0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (0, 3, 0x40),
            (1, 0, 0x08), (1, 1, 0x10), (1, 2, 0x20), (1, 3, 0x80),
        ]
        let set = bits.filter { mask & $0.bit != 0 }
        if set.count >= 6 { return UInt8(ascii: "#") }
        let rows = set.map(\.row)
        let extent = (rows.max() ?? 0) - (rows.min() ?? 0) + 1
        let left = set.filter { $0.column == 0 }.map { Double($0.row) }
        let right = set.filter { $0.column == 1 }.map { Double($0.row) }
        let meanRow = Double(rows.reduce(0, +)) / Double(rows.count)
        if extent >= 3 {
            guard !left.isEmpty, !right.isEmpty else { return UInt8(ascii: "|") }
            let slope = mean(left) - mean(right)
            if slope >= 1.5 { return UInt8(ascii: "/") }
            if slope <= -1.5 { return UInt8(ascii: "\\") }
            return UInt8(ascii: ":")
        }
        if meanRow < 1 { return UInt8(ascii: "'") }
        return meanRow <= 2 ? UInt8(ascii: "-") : UInt8(ascii: ".")
    }

    private static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(Swift.max(1, values.count))
    }
}
