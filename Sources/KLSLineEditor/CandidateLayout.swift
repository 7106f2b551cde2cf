/// Lays out completion candidates in columns below the line, like `ls`: filled column by
/// column, each column as wide as the widest candidate plus two spaces.
enum CandidateLayout {
    /// The rows to print for `candidates` on a terminal `width` columns wide, using at most
    /// `maxRows` rows; when they do not all fit, the last row says how many were left out.
    static func rows(_ candidates: [String], width: Int, maxRows: Int) -> [String] {
        guard !candidates.isEmpty else { return [] }
        let width = max(width, 1)
        let maxRows = max(maxRows, 2)
        let widths = candidates.map(displayWidth)
        let columnWidth = (widths.max() ?? 0) + 2
        let columns = max(1, (width + 2) / columnWidth)
        var shown = candidates.count
        if (shown + columns - 1) / columns > maxRows {
            shown = (maxRows - 1) * columns
        }
        let rowCount = (shown + columns - 1) / columns
        var lines: [String] = []
        lines.reserveCapacity(rowCount + 1)
        for row in 0..<rowCount {
            var line = ""
            var column = row
            while column < shown {
                let next = column + rowCount
                line += candidates[column]
                if next < shown {
                    line += String(repeating: " ", count: columnWidth - widths[column])
                }
                column = next
            }
            lines.append(line)
        }
        if shown < candidates.count {
            lines.append("… and \(candidates.count - shown) more")
        }
        return lines
    }

    /// The number of terminal columns `text` occupies: East Asian wide characters and emoji
    /// take two, combining marks and zero-width characters none, control characters two
    /// (libedit shows them as `^X`), everything else one.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + displayWidth($1) }
    }

    /// The number of terminal columns one scalar occupies (see `displayWidth(_: String)`).
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || value == 0x7F { return 2 }
        if value < 0x300 { return 1 }
        if zeroWidth.contains(where: { $0.contains(value) }) { return 0 }
        if wide.contains(where: { $0.contains(value) }) { return 2 }
        return 1
    }

    private static let zeroWidth: [ClosedRange<UInt32>] = [
        0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF,
        0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x20D0...0x20FF, 0xFE00...0xFE0F,
        0xFE20...0xFE2F, 0xFEFF...0xFEFF, 0x1D165...0x1D169, 0x1D16D...0x1D172, 0xE0100...0xE01EF,
    ]

    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x25FD...0x25FE,
        0x2614...0x2615, 0x2648...0x2653, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x2705...0x2705, 0x270A...0x270B, 0x274C...0x274C, 0x2753...0x2755, 0x2795...0x2797,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
