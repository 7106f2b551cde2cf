extension Figure {
    /// Columns of space between panels side by side.
    private static let panelGap = 3

    /// The figure drawn as text (no trailing newline): panels in their grid, each with a plot
    /// area of `options.width` × `options.height` characters.
    ///
    /// Each series gets one ANSI colour when `options.color` is on; a character cell where two
    /// series meet shows the colour of the one drawn later. The frames of a grid column line up.
    public func renderTerminal(_ options: TerminalOptions = TerminalOptions()) -> String {
        String(decoding: terminalText(options).bytes, as: UTF8.self)
    }

    /// The width in character cells of the widest line `renderTerminal(options)` prints, found
    /// without building and measuring the text (sizing a plot to the terminal renders trials).
    public func terminalWidth(_ options: TerminalOptions) -> Int {
        terminalText(options).width
    }

    /// The text of `renderTerminal` as UTF-8 bytes, and its widest line in cells.
    private func terminalText(_ options: TerminalOptions) -> (bytes: [UInt8], width: Int) {
        let glyphs = TerminalGlyphs.of(options.charset)
        let drawers = panels.enumerated().map { index, panel in
            let row = index / cols
            let titled = panels[(row * cols)..<Swift.min(panels.count, (row + 1) * cols)].contains { !$0.title.isEmpty }
            return TerminalPanel(panel: panel, options: options, glyphs: glyphs, reservesTitleLine: titled)
        }
        var margins = [Int](repeating: 0, count: cols)
        if panels.count > cols {
            for (index, drawer) in drawers.enumerated() { margins[index % cols] = Swift.max(margins[index % cols], drawer.naturalMargin) }
        }
        let blocks = drawers.enumerated().map { index, drawer in drawer.render(leftMargin: margins[index % cols]) }
        var columnWidths = [Int](repeating: 0, count: cols)
        for (index, block) in blocks.enumerated() {
            columnWidths[index % cols] = Swift.max(columnWidths[index % cols], block.map(\.width).max() ?? 0)
        }
        var output: [UInt8] = []
        var widest = 0
        for gridRow in 0..<gridRows {
            let rowBlocks = (0..<cols).map { column in
                let index = gridRow * cols + column
                return index < blocks.count ? blocks[index] : []
            }
            guard let lastFilled = rowBlocks.lastIndex(where: { !$0.isEmpty }) else { continue }
            if !output.isEmpty { output.append(contentsOf: "\n\n".utf8) }
            let height = rowBlocks.map(\.count).max() ?? 0
            for lineIndex in 0..<height {
                var line = TextLine()
                for column in 0...lastFilled {
                    let block = rowBlocks[column]
                    if lineIndex < block.count { line.append(block[lineIndex]) }
                    if column < lastFilled { line.pad(to: offset(of: column + 1, widths: columnWidths)) }
                }
                if lineIndex > 0 { output.append(UInt8(ascii: "\n")) }
                output.append(contentsOf: line.bytes)
                widest = Swift.max(widest, line.width)
            }
        }
        return (output, widest)
    }

    /// Start of grid column `column` in characters.
    private func offset(of column: Int, widths: [Int]) -> Int {
        widths.prefix(column).reduce(0) { $0 + $1 + Self.panelGap }
    }
}
