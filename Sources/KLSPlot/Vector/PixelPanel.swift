/// One panel laid out in pixels: its plot rectangle, axes and series geometry, and the
/// scene items that draw it.
struct PixelPanel {
    let panel: Panel
    let cell: Rect
    let plot: Rect
    let axes: PanelAxes
    let paths: [SeriesPath]

    /// Pixels per tick interval the axes aim for.
    private static let pixelsPerXTick = 90.0
    private static let pixelsPerYTick = 50.0
    private static let edge = 8.0
    private static let labelGap = 3.0
    /// Least space between neighbouring x tick labels, in pixels.
    private static let labelSpacing = 4.0

    init(panel: Panel, cell: Rect) {
        self.panel = panel
        self.cell = cell
        let style = SceneStyle.self
        let top = Self.edge + 2 + (panel.title.isEmpty ? 0 : style.titleFont + 10)
        let bottom = Self.edge + style.tickLength + Self.labelGap + style.tickFont
            + (panel.xlabel.isEmpty ? 0 : style.labelFont + 8)
        let plotHeight = Swift.max(10, cell.height - top - bottom)
        let yOnly = PanelAxes(panel: panel, xIntervals: 1, yIntervals: plotHeight / Self.pixelsPerYTick)
        let yLabelWidth = yOnly.y.labels.map { TextMetrics.width($0, size: style.tickFont) }.max() ?? 0
        let left = Self.edge + (panel.ylabel.isEmpty ? 0 : style.labelFont + 8)
            + yLabelWidth + style.tickLength + Self.labelGap
        var right = Self.edge + 6
        var axes = PanelAxes(
            panel: panel, xIntervals: Swift.max(10, cell.width - left - right) / Self.pixelsPerXTick,
            yIntervals: plotHeight / Self.pixelsPerYTick)
        let lastLabel = axes.x.labels.last.map { TextMetrics.width($0, size: style.tickFont) } ?? 0
        if lastLabel / 2 + 4 > right {
            right = lastLabel / 2 + 4
            axes = PanelAxes(
                panel: panel, xIntervals: Swift.max(10, cell.width - left - right) / Self.pixelsPerXTick,
                yIntervals: plotHeight / Self.pixelsPerYTick)
        }
        let plotLeft = Self.crisp(cell.x + left), plotTop = Self.crisp(cell.y + top)
        let plotRight = Swift.max(plotLeft + 10, Self.crisp(cell.maxX - right))
        let plotBottom = Swift.max(plotTop + 10, Self.crisp(cell.maxY - bottom))
        plot = Rect(x: plotLeft, y: plotTop, width: plotRight - plotLeft, height: plotBottom - plotTop)
        self.axes = axes
        let viewport = Viewport(xRange: axes.x.range, yRange: axes.y.range, rect: plot)
        paths = panel.series.map { SeriesPath(series: $0, viewport: viewport) }
    }

    /// Pixel coordinate `value` moved to the centre of its pixel, so 1-pixel lines are sharp.
    static func crisp(_ value: Double) -> Double { value.rounded(.down) + 0.5 }

    /// How much data each legend corner would hide (see `LegendBox.occupancy`); empty without legend.
    var legendOccupancy: [Int] {
        panel.hasLegend ? LegendBox(panel: panel).occupancy(in: plot, paths: paths) : []
    }

    /// Scene items in drawing order: grid, series, frame, ticks, legend, titles.
    /// The legend goes to `legendCorner`, or to the least occupied corner when nil.
    func items(legendCorner: LegendCorner?) -> [SceneItem] {
        var items = gridItems()
        for (index, path) in paths.enumerated() {
            let color = SeriesPalette.color(panel.colorSlot(ofSeriesAt: index))
            for fill in path.fills { items.append(.polygon(fill, color: color, opacity: SceneStyle.fillOpacity)) }
            for line in path.lines {
                if line.count == 1, let point = line.first {
                    items.append(.circle(center: point, radius: SceneStyle.lineWidth, color: color))
                } else {
                    items.append(.polyline(line, color: color, width: SceneStyle.lineWidth))
                }
            }
            for mark in path.marks { items.append(.circle(center: mark, radius: SceneStyle.markRadius, color: color)) }
        }
        items.append(.rect(plot, fill: nil, stroke: SceneStyle.frame, strokeWidth: 1))
        items += tickItems()
        if panel.hasLegend {
            let legend = LegendBox(panel: panel)
            let corner = legendCorner ?? LegendBox.bestCorner(legend.occupancy(in: plot, paths: paths))
            items += legendItems(legend, box: legend.rect(in: plot, corner: corner))
        }
        items += labelItems()
        return items
    }

    private var xTickPositions: [Double] {
        axes.x.values.map { Self.crisp(plot.x + ($0 - axes.x.range.lower) / axes.x.range.span * plot.width) }
    }

    private var yTickPositions: [Double] {
        axes.y.values.map { Self.crisp(plot.y + (axes.y.range.upper - $0) / axes.y.range.span * plot.height) }
    }

    private func gridItems() -> [SceneItem] {
        let vertical = xTickPositions.map { x in
            SceneItem.polyline([Point(x: x, y: plot.y), Point(x: x, y: plot.maxY)], color: SceneStyle.grid, width: 1)
        }
        let horizontal = yTickPositions.map { y in
            SceneItem.polyline([Point(x: plot.x, y: y), Point(x: plot.maxX, y: y)], color: SceneStyle.grid, width: 1)
        }
        return vertical + horizontal
    }

    /// Tick marks and their labels; a label that would run into the previous one (hand-placed
    /// ticks can be close) is left out, its mark kept.
    private func tickItems() -> [SceneItem] {
        let style = SceneStyle.self
        var items: [SceneItem] = []
        var labelEnd = -Double.infinity
        for (x, label) in zip(xTickPositions, axes.x.labels) {
            let bottom = plot.maxY + style.tickLength
            items.append(.polyline([Point(x: x, y: plot.maxY), Point(x: x, y: bottom)], color: style.frame, width: 1))
            let halfWidth = TextMetrics.width(label, size: style.tickFont) / 2
            guard x - halfWidth >= labelEnd + Self.labelSpacing else { continue }
            labelEnd = x + halfWidth
            let baseline = Point(x: x, y: bottom + Self.labelGap + style.tickFont * 0.8)
            items.append(.text(label, at: baseline, size: style.tickFont, anchor: .middle, bold: false, vertical: false, color: style.text))
        }
        var labelTop = Double.infinity
        for (y, label) in zip(yTickPositions, axes.y.labels) {
            let left = plot.x - style.tickLength
            items.append(.polyline([Point(x: left, y: y), Point(x: plot.x, y: y)], color: style.frame, width: 1))
            guard y + style.tickFont / 2 <= labelTop else { continue }
            labelTop = y - style.tickFont / 2
            let baseline = Point(x: left - Self.labelGap, y: y + style.tickFont * 0.35)
            items.append(.text(label, at: baseline, size: style.tickFont, anchor: .end, bold: false, vertical: false, color: style.text))
        }
        return items
    }

    private func legendItems(_ legend: LegendBox, box: Rect) -> [SceneItem] {
        var items: [SceneItem] = [.rect(box, fill: SceneStyle.background, stroke: SceneStyle.legendBorder, strokeWidth: 1)]
        for (row, entry) in legend.entries.enumerated() {
            let centreY = box.y + LegendBox.padding + LegendBox.rowHeight * Double(row) + LegendBox.rowHeight / 2 - 2
            let sampleStart = box.x + LegendBox.padding, sampleEnd = sampleStart + LegendBox.sampleLength
            let color = SeriesPalette.color(entry.slot)
            if entry.style == .scatter {
                let centre = Point(x: (sampleStart + sampleEnd) / 2, y: centreY)
                items.append(.circle(center: centre, radius: SceneStyle.markRadius, color: color))
            } else {
                let sample = [Point(x: sampleStart, y: centreY), Point(x: sampleEnd, y: centreY)]
                items.append(.polyline(sample, color: color, width: SceneStyle.lineWidth * 1.5))
            }
            let baseline = Point(x: sampleEnd + LegendBox.sampleGap, y: centreY + SceneStyle.legendFont * 0.35)
            items.append(.text(entry.label, at: baseline, size: SceneStyle.legendFont, anchor: .start, bold: false, vertical: false, color: SceneStyle.text))
        }
        return items
    }

    private func labelItems() -> [SceneItem] {
        let style = SceneStyle.self
        var items: [SceneItem] = []
        let centreX = plot.x + plot.width / 2
        if !panel.title.isEmpty {
            let baseline = Point(x: centreX, y: cell.y + Self.edge + 2 + style.titleFont * 0.8)
            items.append(.text(panel.title, at: baseline, size: style.titleFont, anchor: .middle, bold: true, vertical: false, color: style.text))
        }
        if !panel.xlabel.isEmpty {
            let top = plot.maxY + style.tickLength + Self.labelGap + style.tickFont + 8
            let baseline = Point(x: centreX, y: top + style.labelFont * 0.8)
            items.append(.text(panel.xlabel, at: baseline, size: style.labelFont, anchor: .middle, bold: false, vertical: false, color: style.text))
        }
        if !panel.ylabel.isEmpty {
            let baseline = Point(x: cell.x + Self.edge + style.labelFont * 0.8, y: plot.y + plot.height / 2)
            items.append(.text(panel.ylabel, at: baseline, size: style.labelFont, anchor: .middle, bold: false, vertical: true, color: style.text))
        }
        return items
    }
}
