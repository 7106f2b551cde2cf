/// Draws one panel as lines of text: title, framed canvas with y tick labels on the left,
/// x tick labels and the x label below, the legend to the right of the frame.
struct TerminalPanel {
    /// The panel as drawn (log axes already turned into linear axes of log₁₀ values).
    let panel: Panel
    let options: TerminalOptions
    let glyphs: TerminalGlyphs

    /// Whether to keep an empty line for the title when there is none, so that panels side by
    /// side start their frames on the same line.
    let reservesTitleLine: Bool

    /// Characters between tick labels: about one x tick per 10 columns, one y tick per 3 rows.
    private static let columnsPerTick = 10.0
    private static let rowsPerTick = 3.0

    init(panel: Panel, options: TerminalOptions, glyphs: TerminalGlyphs, reservesTitleLine: Bool) {
        self.panel = panel.drawable
        self.options = options
        self.glyphs = glyphs
        self.reservesTitleLine = reservesTitleLine
    }

    /// The panel's axes at the options' size.
    private var axes: PanelAxes {
        PanelAxes(panel: panel, xIntervals: Double(options.plotColumns) / Self.columnsPerTick,
                  yIntervals: Double(options.plotRows) / Self.rowsPerTick)
    }

    /// Characters left of the frame when nothing asks for more: the y label's zone, the widest
    /// y tick label and a space.
    var naturalMargin: Int {
        let rowLabels = yTickLabels(axes.y, canvas: DotCanvas(columns: options.plotColumns, rows: options.plotRows))
        return naturalMargin(rowLabels)
    }

    private func naturalMargin(_ rowLabels: [String?]) -> Int {
        let ylabel = displayable(panel.ylabel)
        return (ylabel.isEmpty ? 0 : ylabel.count + 1) + (rowLabels.compactMap { $0?.count }.max() ?? 0) + 1
    }

    /// The panel's lines; its frame starts at least `leftMargin` characters in (so that the
    /// panels of a grid column line up).
    func render(leftMargin: Int = 0) -> [TextLine] {
        let title = displayable(panel.title), xlabel = displayable(panel.xlabel), ylabel = displayable(panel.ylabel)
        let columns = options.plotColumns, rows = options.plotRows
        let axes = self.axes
        let canvas = drawnCanvas(axes: axes, columns: columns, rows: rows)
        let rowLabels = yTickLabels(axes.y, canvas: canvas)
        let yLabelZone = ylabel.isEmpty ? 0 : ylabel.count + 1
        let margin = Swift.max(leftMargin, naturalMargin(rowLabels))

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
    /// sequences) and figure spaces (padding in animation titles) become spaces, and with the ASCII charset other non-ASCII characters become "?".
    private func displayable(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar == "\u{2007}" {
                result.append(" ")
            } else if options.charset == .ascii, !scalar.isASCII {
                result.append("?")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The canvas with the contour first, then every series in order: shading, lines (dashed
    /// as asked, or by position when there is no colour), marks. Over filled contour bands, and
    /// over level lines without colour, the cells the series pass through are emptied first (as
    /// files case paths in white), so that a path is not lost among the contour's dots.
    private func drawnCanvas(axes: PanelAxes, columns: Int, rows: Int) -> DotCanvas {
        var canvas = DotCanvas(columns: columns, rows: rows)
        let rect = Rect(x: 0, y: 0, width: Double(canvas.dotWidth), height: Double(canvas.dotHeight))
        let viewport = Viewport(xRange: axes.x.range, yRange: axes.y.range, rect: rect)
        if let field = panel.contour {
            TerminalContour.draw(field, on: &canvas, viewport: viewport)
            if field.filled || !options.color {
                var series = DotCanvas(columns: columns, rows: rows)
                drawSeries(on: &series, viewport: viewport)
                canvas.clearCells(coveredBy: series)
            }
        }
        drawSeries(on: &canvas, viewport: viewport)
        return canvas
    }

    /// Every series in order onto `canvas`.
    private func drawSeries(on canvas: inout DotCanvas, viewport: Viewport) {
        for (index, series) in panel.series.enumerated() {
            let color = UInt8(SeriesPalette.wrapped(panel.colorSlot(ofSeriesAt: index)) + 1)
            let path = SeriesPath(series: series, viewport: viewport)
            for polygon in path.fills { canvas.shadePolygon(polygon, color: color) }
            let pattern = dash(ofSeriesAt: index).dotPattern
            for line in path.lines {
                guard let first = line.first else { continue }
                var previous = first, phase = 0
                canvas.drawLine(first, first, color: color, pattern: pattern, phase: &phase)
                for point in line.dropFirst() {
                    canvas.drawLine(previous, point, color: color, pattern: pattern, phase: &phase)
                    previous = point
                }
            }
            let shape = marker(ofSeriesAt: index) ?? .circle
            for mark in path.marks { canvas.drawMarker(shape, at: mark, large: series.markerPoints != .all, color: color) }
            for mark in path.hollowMarks { canvas.drawMarker(.diamond, at: mark, large: true, color: color) }
        }
    }

    /// The dash pattern of series `index`: its own, or without colour one per line series of
    /// the panel in turn (solid, dashed, dotted, dash-dot), so that they can be told apart.
    private func dash(ofSeriesAt index: Int) -> LineDash {
        let series = panel.series[index]
        if let dash = series.dash { return dash }
        guard !options.color, series.style != .scatter, !series.fill else { return .solid }
        let position = panel.series[..<index].filter { $0.style != .scatter && !$0.fill && $0.dash == nil }.count
        return LineDash.allCases[position % LineDash.allCases.count]
    }

    /// The marker of series `index`: its own, or without colour one shape per scatter series of
    /// the panel in turn (circle, cross, plus, square, triangle, diamond), so that point clouds
    /// can be told apart as lines are by their dashes.
    private func marker(ofSeriesAt index: Int) -> MarkerShape? {
        let series = panel.series[index]
        if let marker = series.marker { return marker }
        guard series.style == .scatter else { return nil }
        guard !options.color else { return .circle }
        let position = panel.series[..<index].filter { $0.style == .scatter && $0.marker == nil }.count
        return Self.colourlessMarkers[position % Self.colourlessMarkers.count]
    }

    /// Shapes of unmarked scatter series without colour, in turn.
    private static let colourlessMarkers: [MarkerShape] = [.circle, .cross, .plus, .square, .triangle, .diamond]

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
                        if color != 0 { line.appendEscape(ANSI.foreground(TerminalContour.ansiCode(cellColor: color))) }
                        current = color
                    }
                    if let mark = plainMark(cellColor: color) { line.appendCell([mark]) } else { line.appendCell(glyphs.cells[Int(mask)]) }
                }
            }
        }
        if current != 0 { line.appendEscape(ANSI.reset) }
    }

    /// The character that marks a cell of canvas colour `color` (palette slot + 1) when
    /// series are told apart by characters (ASCII without colour, slots 1, 2, …); nil otherwise.
    private func plainMark(cellColor color: UInt8) -> UInt8? {
        guard options.charset == .ascii, !options.color, color > 1, color < TerminalContour.rampBase else { return nil }
        let marks = TerminalGlyphs.asciiSeriesMarks
        return marks[(Int(color) - 2) % marks.count]
    }

    /// Legend entries right of the frame, one per line from the first canvas row on, each with
    /// a sample drawn like its series (pattern and mark); then the contour levels, highest first.
    private func appendLegend(to lines: inout [TextLine], from first: Int, frameWidth: Int) {
        var entries: [(sample: TextLine, label: String)] = []
        for (index, series) in panel.series.enumerated() where !series.label.isEmpty {
            entries.append((sample(ofSeriesAt: index), displayable(series.label)))
        }
        if let field = panel.contour {
            entries += TerminalContour.legend(field, glyphs: glyphs, color: options.color, rows: options.plotRows - entries.count)
        }
        for (offset, entry) in entries.enumerated() {
            let lineIndex = first + offset
            while lines.count <= lineIndex { lines.append(TextLine()) }
            lines[lineIndex].pad(to: frameWidth)
            lines[lineIndex].append(" ")
            lines[lineIndex].append(entry.sample)
            if !entry.label.isEmpty { lines[lineIndex].append(" " + entry.label) }
        }
    }

    /// Three cells showing how series `index` is drawn, coloured when colour is on.
    private func sample(ofSeriesAt index: Int) -> TextLine {
        let series = panel.series[index]
        var canvas = DotCanvas(columns: 3, rows: 1)
        let slot = panel.colorSlot(ofSeriesAt: index)
        if series.style != .scatter {
            var phase = 0
            canvas.drawLine(Point(x: 0, y: 1.5), Point(x: 5.9, y: 1.5), color: 1, pattern: dash(ofSeriesAt: index).dotPattern, phase: &phase)
        }
        if let shape = marker(ofSeriesAt: index) { canvas.drawMarker(shape, at: Point(x: 2.5, y: 1.5), large: false, color: 1) }
        var line = TextLine()
        if options.color { line.appendEscape(ANSI.foreground(SeriesPalette.ansiCode(slot))) }
        let mark = plainMark(cellColor: UInt8(SeriesPalette.wrapped(slot) + 1))
        for cell in 0..<3 {
            let mask = canvas.masks[cell]
            if let mark, mask != 0 { line.appendCell([mark]) } else { line.appendCell(glyphs.cells[Int(mask)]) }
        }
        if options.color { line.appendEscape(ANSI.reset) }
        return line
    }
}
