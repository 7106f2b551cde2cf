/// Draws one panel as lines of text: title, framed canvas with y tick labels on the left,
/// x tick labels and the x label below, the legend to the right of the frame.
struct TerminalPanel {
    let panel: Panel
    let options: TerminalOptions
    let glyphs: TerminalGlyphs

    /// Whether to keep an empty line for the title when there is none, so that panels side by
    /// side start their frames on the same line.
    let reservesTitleLine: Bool

    /// Characters between tick labels: about one x tick per 10 columns, one y tick per 3 rows.
    private static let columnsPerTick = 10.0
    private static let rowsPerTick = 3.0

    func render() -> [TextLine] {
        let title = displayable(panel.title), xlabel = displayable(panel.xlabel), ylabel = displayable(panel.ylabel)
        let columns = options.plotColumns, rows = options.plotRows
        let axes = PanelAxes(
            panel: panel, xIntervals: Double(columns) / Self.columnsPerTick,
            yIntervals: Double(rows) / Self.rowsPerTick)
        let canvas = drawnCanvas(axes: axes, columns: columns, rows: rows)
        let rowLabels = yTickLabels(axes.y, canvas: canvas)
        let yLabelZone = ylabel.isEmpty ? 0 : ylabel.count + 1
        let margin = yLabelZone + (rowLabels.compactMap { $0?.count }.max() ?? 0) + 1

        var lines: [TextLine] = []
        if !title.isEmpty {
            lines.append(centered(title, margin: margin, columns: columns))
        } else if reservesTitleLine {
            lines.append(TextLine())
        }
        lines.append(border(margin: margin, left: glyphs.topLeft, right: glyphs.topRight, ticks: []))
        let firstCanvasLine = lines.count
        for row in 0..<rows {
            var line = TextLine()
            line.append(row == rows / 2 ? ylabel : "")
            line.pad(to: yLabelZone)
            let label = rowLabels[row] ?? ""
            line.appendSpaces(margin - 1 - yLabelZone - label.count)
            line.append(label)
            line.append(" " + (rowLabels[row] == nil ? glyphs.vertical : glyphs.leftTick))
            appendCells(row: row, of: canvas, to: &line)
            line.append(glyphs.vertical)
            lines.append(line)
        }
        let ticks = xTickPlacements(axes.x, canvas: canvas)
        lines.append(border(margin: margin, left: glyphs.bottomLeft, right: glyphs.bottomRight, ticks: ticks.map(\.column)))
        if !ticks.isEmpty { lines.append(xTickLabelLine(ticks, margin: margin)) }
        if !xlabel.isEmpty { lines.append(centered(xlabel, margin: margin, columns: columns)) }
        appendLegend(to: &lines, from: firstCanvasLine, frameWidth: margin + columns + 2)
        return lines
    }

    /// `text` safe to print: control characters (which could move the cursor or inject escape
    /// sequences) become spaces, and with the ASCII charset other non-ASCII characters become "?".
    private func displayable(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                result.append(" ")
            } else if options.charset == .ascii, !scalar.isASCII {
                result.append("?")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The canvas with every series drawn in order: shading first, then lines or marks.
    private func drawnCanvas(axes: PanelAxes, columns: Int, rows: Int) -> DotCanvas {
        var canvas = DotCanvas(columns: columns, rows: rows)
        let rect = Rect(x: 0, y: 0, width: Double(canvas.dotWidth), height: Double(canvas.dotHeight))
        let viewport = Viewport(xRange: axes.x.range, yRange: axes.y.range, rect: rect)
        for (index, series) in panel.series.enumerated() {
            let color = UInt8(SeriesPalette.wrapped(panel.colorSlot(ofSeriesAt: index)) + 1)
            let path = SeriesPath(series: series, viewport: viewport)
            for polygon in path.fills { canvas.shadePolygon(polygon, color: color) }
            for line in path.lines {
                guard let first = line.first else { continue }
                var previous = first
                canvas.drawLine(first, first, color: color)
                for point in line.dropFirst() {
                    canvas.drawLine(previous, point, color: color)
                    previous = point
                }
            }
            for mark in path.marks { canvas.drawLine(mark, mark, color: color) }
        }
        return canvas
    }

    /// The y tick label of each canvas row (nil where there is none); the lower tick wins a shared row.
    private func yTickLabels(_ axis: AxisTicks, canvas: DotCanvas) -> [String?] {
        var labels = [String?](repeating: nil, count: canvas.rows)
        for (value, label) in zip(axis.values, axis.labels) {
            let dotY = (axis.range.upper - value) / axis.range.span * Double(canvas.dotHeight)
            let row = canvas.dot(at: Point(x: 0, y: dotY)).y / 4
            if labels[row] == nil { labels[row] = label }
        }
        return labels
    }

    /// Canvas column and label of each x tick.
    private func xTickPlacements(_ axis: AxisTicks, canvas: DotCanvas) -> [(column: Int, label: String)] {
        zip(axis.values, axis.labels).map { value, label in
            let dotX = (value - axis.range.lower) / axis.range.span * Double(canvas.dotWidth)
            return (canvas.dot(at: Point(x: dotX, y: 0)).x / 2, label)
        }
    }

    /// Labels centred under their tick columns; a label that would touch the previous one is left out.
    private func xTickLabelLine(_ ticks: [(column: Int, label: String)], margin: Int) -> TextLine {
        var line = TextLine()
        for (column, label) in ticks {
            let centre = margin + 1 + column
            let start = Swift.max(0, centre - (label.count - 1) / 2)
            guard line.width == 0 || start > line.width else { continue }
            line.pad(to: start)
            line.append(label)
        }
        return line
    }

    private func border(margin: Int, left: String, right: String, ticks: [Int]) -> TextLine {
        var line = TextLine()
        line.appendSpaces(margin)
        line.append(left)
        var tickColumns = Set(ticks)
        for column in 0..<options.plotColumns {
            line.append(tickColumns.remove(column) == nil ? glyphs.horizontal : glyphs.bottomTick)
        }
        line.append(right)
        return line
    }

    private func centered(_ text: String, margin: Int, columns: Int) -> TextLine {
        var line = TextLine()
        line.appendSpaces(margin + 1 + Swift.max(0, (columns - text.count) / 2))
        line.append(text)
        return line
    }

    /// One canvas row; with colour on, runs of equally coloured cells share one escape sequence.
    private func appendCells(row: Int, of canvas: DotCanvas, to line: inout TextLine) {
        var current: UInt8 = 0
        canvas.masks.withUnsafeBufferPointer { masks in
            canvas.colors.withUnsafeBufferPointer { colors in
                for cell in (row * canvas.columns)..<((row + 1) * canvas.columns) {
                    let mask = masks[cell]
                    let color = mask == 0 ? 0 : colors[cell]
                    if options.color, color != current {
                        if current != 0 { line.appendEscape(ANSI.reset) }
                        if color != 0 { line.appendEscape(ANSI.foreground(SeriesPalette.ansiCode(Int(color) - 1))) }
                        current = color
                    }
                    line.appendCell(glyphs.cells[Int(mask)])
                }
            }
        }
        if current != 0 { line.appendEscape(ANSI.reset) }
    }

    /// Legend entries right of the frame, one per line from the first canvas row on.
    private func appendLegend(to lines: inout [TextLine], from first: Int, frameWidth: Int) {
        let entries = panel.series.enumerated().filter { !$0.element.label.isEmpty }
        for (offset, (index, series)) in entries.enumerated() {
            let lineIndex = first + offset
            while lines.count <= lineIndex { lines.append(TextLine()) }
            lines[lineIndex].pad(to: frameWidth)
            lines[lineIndex].append(" ")
            let sample = series.style == .scatter ? glyphs.markSample : glyphs.lineSample
            if options.color {
                let slot = panel.colorSlot(ofSeriesAt: index)
                lines[lineIndex].appendEscape(ANSI.foreground(SeriesPalette.ansiCode(slot)))
                lines[lineIndex].append(sample)
                lines[lineIndex].appendEscape(ANSI.reset)
            } else {
                lines[lineIndex].append(sample)
            }
            lines[lineIndex].append(" " + displayable(series.label))
        }
    }
}
