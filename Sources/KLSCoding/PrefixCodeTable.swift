import Foundation

extension PrefixCode {
    /// The code as the seed's table, one row per symbol with aligned columns — symbol,
    /// probability, codeword, length, −log₂ p (the ideal length in bits, 4 decimals) — then a
    /// summary line with the mean length L, the entropy H and the efficiency H_D / L:
    ///
    ///     symbol  probability  codeword  length  -log2 p
    ///     0       0.5          0         1       1.0000
    ///     1       0.25         10        2       2.0000
    ///     2       0.25         11        2       2.0000
    ///     average length 1.5 bits, entropy 1.5 bits, efficiency 1
    public func table() -> String {
        let rows = tableRows()
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        var lines: [String] = rows.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                if column == row.count - 1 {
                    line += cell
                } else {
                    line += cell + String(repeating: " ", count: widths[column] - cell.count + 2)
                }
            }
            return line
        }
        lines.append(summaryLine())
        return lines.joined(separator: "\n")
    }

    /// The same table in Markdown (a pipe table, codewords as code), then the summary line.
    public func markdownTable() -> String {
        let rows = tableRows()
        let escaped = { (cell: String) in cell.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["| " + rows[0].map(escaped).joined(separator: " | ") + " |",
                     "|" + rows[0].map { _ in "---|" }.joined()]
        for row in rows.dropFirst() {
            var cells = row.map(escaped)
            cells[2] = "`" + cells[2] + "`"
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n\n" + summaryLine()
    }

    /// The header and one row per symbol: symbol, probability, codeword, length, −log₂ p.
    private func tableRows() -> [[String]] {
        var rows: [[String]] = [["symbol", "probability", "codeword", "length", "-log2 p"]]
        rows.reserveCapacity(symbols.count + 1)
        for index in symbols.indices {
            rows.append([
                symbols[index],
                formatNumber(probabilities[index]),
                codewords[index],
                String(lengths[index]),
                formatFixed(-log2(probabilities[index]), places: 4),
            ])
        }
        return rows
    }

    /// "average length 1.5 bits, entropy 1.5 bits, efficiency 1" (D-ary: lengths in digits and
    /// the entropy also in base D; "1 bit", "0 bits").
    private func summaryLine() -> String {
        let length = formatRounded(averageLength)
        let entropyText = formatRounded(entropy)
        let efficiencyText = formatRounded(efficiency)
        if alphabetSize == 2 {
            return "average length \(length) \(unit("bit", length)), entropy \(entropyText) \(unit("bit", entropyText)), "
                + "efficiency \(efficiencyText)"
        }
        let baseD = formatRounded(entropy / log2(Double(alphabetSize)))
        return "average length \(length) \(unit("digit", length)) (D = \(alphabetSize)), "
            + "entropy \(entropyText) \(unit("bit", entropyText)) = \(baseD) base-\(alphabetSize) \(unit("digit", baseD)), "
            + "efficiency \(efficiencyText)"
    }
}

/// The unit, singular for a quantity printed as exactly "1".
private func unit(_ name: String, _ quantity: String) -> String {
    quantity == "1" ? name : name + "s"
}

/// `x` rounded to 6 decimals with trailing zeros dropped (1.9000000000000001 → "1.9", 1.0 → "1").
private func formatRounded(_ x: Double) -> String { formatTrimmed(x, places: 6) }
