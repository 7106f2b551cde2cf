/// One panel laid out in pixels: its plot rectangle, axes and series geometry, and the
/// scene items that draw it. Every size comes from `style`, so a larger picture is the same
/// picture, larger.
struct PixelPanel {
    /// The panel as drawn (log axes already turned into linear axes of log₁₀ values).
    let panel: Panel
    let cell: Rect
    let style: SceneStyle
    let plot: Rect
    let axes: PanelAxes
    let paths: [SeriesPath]
    /// Where the legend goes when the caller does not fix it; `.outside` made room on the right.
    let legendCorner: LegendCorner?

    /// Pixels per tick interval the axes aim for, at scale 1.
    private static let pixelsPerXTick = 100.0
    private static let pixelsPerYTick = 55.0

    private var edge: Double { 8 * style.scale }
    private var labelGap: Double { 4 * style.scale }
    /// Least space between neighbouring x tick labels.
    private var labelSpacing: Double { 5 * style.scale }

    /// The panel laid out in `cell`; the legend goes to `legend` when given, else to the least
    /// occupied inside corner, or outside the axes when every corner would cover data. The plot
    /// area keeps at least `margins` pixels from the cell's left and right sides (so that panels
    /// of a grid column align).
    init(panel original: Panel, cell: Rect, style: SceneStyle, legend: LegendCorner? = nil,
         margins: (left: Double, right: Double) = (0, 0)) {
        let panel = original.drawable
        let chosen: LegendCorner?
        if let legend {
            chosen = legend
        } else if panel.hasLegend {
            let trial = PixelPanel(drawable: panel, cell: cell, style: style, legend: .topRight, margins: margins)
            let fits = LegendBox(panel: panel, style: style).fitsOutside(width: cell.width)
            chosen = LegendBox.bestCorner(trial.legendOccupancy, outsideFits: fits)
        } else {
            chosen = nil
        }
        self.init(drawable: panel, cell: cell, style: style, legend: chosen, margins: margins)
    }

    private init(drawable panel: Panel, cell: Rect, style: SceneStyle, legend: LegendCorner?, margins: (left: Double, right: Double)) {
        self.panel = panel
        self.cell = cell
        self.style = style
        legendCorner = panel.hasLegend ? legend : nil
        let scale = style.scale, edge = 8 * scale, labelGap = 4 * scale
        let top = edge + 2 * scale + (panel.title.isEmpty ? 0 : style.titleFont * 1.5)
        let bottom = edge + style.tickLength + labelGap + style.tickFont
            + (panel.xlabel.isEmpty ? 0 : style.labelFont * 1.5)
        let plotHeight = Swift.max(10, cell.height - top - bottom)
        let yIntervals = plotHeight / (Self.pixelsPerYTick * scale)
        let yOnly = PanelAxes(panel: panel, xIntervals: 1, yIntervals: yIntervals)
        let yLabelWidth = yOnly.y.labels.map { TextMetrics.width($0, size: style.tickFont) }.max() ?? 0
        let left = Swift.max(margins.left, edge + (panel.ylabel.isEmpty ? 0 : style.labelFont * 1.5)
            + yLabelWidth + style.tickLength + labelGap)
        var right = edge + 6 * scale
        if legend == .outside { right += LegendBox(panel: panel, style: style).outsideWidth }
        if let field = panel.contour { right += ColorBar(field: field, style: style).width }
        var axes = PanelAxes(
            panel: panel, xIntervals: Swift.max(10, cell.width - left - right) / (Self.pixelsPerXTick * scale),
            yIntervals: yIntervals)
        let lastLabel = axes.x.labels.last.map { TextMetrics.width($0, size: style.tickFont) } ?? 0
        if Swift.max(lastLabel / 2 + 4 * scale, margins.right) > right {
            right = Swift.max(lastLabel / 2 + 4 * scale, margins.right)
            axes = PanelAxes(
                panel: panel, xIntervals: Swift.max(10, cell.width - left - right) / (Self.pixelsPerXTick * scale),
                yIntervals: yIntervals)
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

    /// How much data each inside legend corner would hide (see `LegendBox.occupancy`); empty without legend.
    var legendOccupancy: [Int] {
        panel.hasLegend ? LegendBox(panel: panel, style: style).occupancy(in: plot, paths: paths) : []
    }

    /// The viewport from data to pixels.
    var viewport: Viewport { Viewport(xRange: axes.x.range, yRange: axes.y.range, rect: plot) }

    /// Scene items in drawing order: contour, grid, series, frame, ticks, legend, colour bar,
    /// titles; and how many of them at the start form the backdrop (contour and grid), which
    /// the frames of an animation share. With `fixedTitle` the title starts where a centred
    /// title of the same length would, so that titles of equal length do not move between
    /// animation frames.
    func layeredItems(fixedTitle: Bool = false) -> (items: [SceneItem], backdrop: Int) {
        var items = backdropItems()
        let backdrop = items.count
        let cased = panel.contour?.filled == true
        for (index, path) in paths.enumerated() {
            items += seriesItems(path, series: panel.series[index], color: SeriesPalette.color(panel.colorSlot(ofSeriesAt: index)), cased: cased)
        }
        items.append(.rect(plot, fill: nil, stroke: SceneStyle.frame, strokeWidth: style.thinLine))
        items += tickItems()
        if panel.hasLegend {
            let legend = LegendBox(panel: panel, style: style)
            let corner = legendCorner ?? .topRight
            items += legendItems(legend, box: legend.rect(in: plot, corner: corner))
        }
        if let field = panel.contour {
            let left = plot.maxX + (legendCorner == .outside ? LegendBox(panel: panel, style: style).outsideWidth : 0)
            items += ColorBar(field: field, style: style).items(left: left, top: plot.y, height: plot.height)
        }
        items += labelItems(fixedTitle: fixedTitle)
        return (items, backdrop)
    }

    /// The items under everything else, which the frames of an animation share: the contour
    /// and the grid.
    private func backdropItems() -> [SceneItem] {
        var items: [SceneItem] = []
        if let field = panel.contour { items += ContourItems.items(field, viewport: viewport, style: style) }
        if panel.contour?.filled != true { items += gridItems() }
        return items
    }

    /// A series' fills, lines (dashed as asked) and marks. `cased` lays a white casing under its
    /// lines and marks, so that a path stays visible over the bands of a filled contour whose
    /// colours are close to its own (blue on viridis), also on a projector.
    private func seriesItems(_ path: SeriesPath, series: Series, color: RGB, cased: Bool) -> [SceneItem] {
        var items: [SceneItem] = []
        for fill in path.fills { items.append(.polygon(fill, color: color, opacity: SceneStyle.fillOpacity)) }
        if cased {
            for line in path.lines where line.count > 1 { items.append(.polyline(line, color: .white, width: style.lineWidth * 2.2)) }
            let radius = (series.markerPoints == .all ? style.markRadius : style.markRadius * 1.6) + style.lineWidth * 0.6
            for mark in path.marks + path.hollowMarks { items.append(.circle(center: mark, radius: radius, color: .white)) }
        }
        let dash = (series.dash ?? .solid).pattern.map { $0 * style.lineWidth }
        for line in path.lines {
            if line.count == 1, let point = line.first {
                items.append(.circle(center: point, radius: style.lineWidth, color: color))
            } else if dash.isEmpty {
                items.append(.polyline(line, color: color, width: style.lineWidth))
            }
        }
        if !dash.isEmpty, !path.lines.isEmpty {
            items.append(.paths(path.lines.filter { $0.count > 1 }, color: color, width: style.lineWidth, dash: dash))
        }
        let shape = series.shownMarker ?? .circle
        let radius = series.markerPoints == .all ? style.markRadius : style.markRadius * 1.6
        for mark in path.marks { items += MarkItems.items(shape, at: mark, radius: radius, color: color, style: style) }
        for mark in path.hollowMarks { items += MarkItems.hollow(at: mark, radius: radius, color: color, style: style) }
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
            SceneItem.polyline([Point(x: x, y: plot.y), Point(x: x, y: plot.maxY)], color: SceneStyle.grid, width: style.thinLine)
        }
        let horizontal = yTickPositions.map { y in
            SceneItem.polyline([Point(x: plot.x, y: y), Point(x: plot.maxX, y: y)], color: SceneStyle.grid, width: style.thinLine)
        }
        return vertical + horizontal
    }

    /// Tick marks and their labels; a label that would run into the previous one (hand-placed
    /// ticks can be close) is left out, its mark kept.
    private func tickItems() -> [SceneItem] {
        var items: [SceneItem] = []
        var labelEnd = -Double.infinity
        for (x, label) in zip(xTickPositions, axes.x.labels) {
            let bottom = plot.maxY + style.tickLength
            items.append(.polyline([Point(x: x, y: plot.maxY), Point(x: x, y: bottom)], color: SceneStyle.frame, width: style.thinLine))
            let halfWidth = TextMetrics.width(label, size: style.tickFont) / 2
            guard x - halfWidth >= labelEnd + labelSpacing else { continue }
            labelEnd = x + halfWidth
            let baseline = Point(x: x, y: bottom + labelGap + style.tickFont * 0.8)
            items.append(.text(label, at: baseline, size: style.tickFont, anchor: .middle, bold: false, vertical: false, color: SceneStyle.text))
        }
        var labelTop = Double.infinity
        for (y, label) in zip(yTickPositions, axes.y.labels) {
            let left = plot.x - style.tickLength
            items.append(.polyline([Point(x: left, y: y), Point(x: plot.x, y: y)], color: SceneStyle.frame, width: style.thinLine))
            guard y + style.tickFont / 2 <= labelTop else { continue }
            labelTop = y - style.tickFont / 2
            let baseline = Point(x: left - labelGap, y: y + style.tickFont * 0.35)
            items.append(.text(label, at: baseline, size: style.tickFont, anchor: .end, bold: false, vertical: false, color: SceneStyle.text))
        }
        return items
    }

    private func legendItems(_ legend: LegendBox, box: Rect) -> [SceneItem] {
        var items: [SceneItem] = [.rect(box, fill: SceneStyle.background, stroke: SceneStyle.legendBorder, strokeWidth: style.thinLine)]
        for (row, entry) in legend.entries.enumerated() {
            let centreY = box.y + legend.padding + legend.rowHeight * Double(row) + legend.rowHeight / 2 - 2 * style.scale
            let sampleStart = box.x + legend.padding, sampleEnd = sampleStart + legend.sampleLength
            let color = SeriesPalette.color(entry.slot)
            let centre = Point(x: (sampleStart + sampleEnd) / 2, y: centreY)
            if entry.series.fill {
                // A filled series (bars, a histogram) shows a patch: its fill inside its outline.
                let height = 10 * style.scale
                let patch = Rect(x: sampleStart, y: centreY - height / 2, width: legend.sampleLength, height: height)
                let corners = [Point(x: patch.x, y: patch.y), Point(x: patch.maxX, y: patch.y),
                               Point(x: patch.maxX, y: patch.maxY), Point(x: patch.x, y: patch.maxY)]
                items.append(.polygon(corners, color: color, opacity: SceneStyle.fillOpacity))
                items.append(.rect(patch, fill: nil, stroke: color, strokeWidth: style.lineWidth))
            } else if entry.series.style != .scatter {
                let sample = [Point(x: sampleStart, y: centreY), Point(x: sampleEnd, y: centreY)]
                let dash = (entry.series.dash ?? .solid).pattern.map { $0 * style.lineWidth }
                items.append(.paths([sample], color: color, width: style.lineWidth * 1.5, dash: dash))
            }
            if let shape = entry.series.shownMarker {
                items += MarkItems.items(shape, at: centre, radius: style.markRadius * 1.2, color: color, style: style)
            }
            let baseline = Point(x: sampleEnd + legend.sampleGap, y: centreY + style.legendFont * 0.35)
            items.append(.text(entry.label, at: baseline, size: style.legendFont, anchor: .start, bold: false, vertical: false, color: SceneStyle.text))
        }
        return items
    }

    private func labelItems(fixedTitle: Bool) -> [SceneItem] {
        var items: [SceneItem] = []
        let centreX = plot.x + plot.width / 2
        if !panel.title.isEmpty {
            let y = cell.y + edge + 2 * style.scale + style.titleFont * 0.8
            if fixedTitle {
                let start = centreX - TextMetrics.width(panel.title, size: style.titleFont) / 2
                items.append(.text(panel.title, at: Point(x: start, y: y), size: style.titleFont, anchor: .start, bold: true, vertical: false, color: SceneStyle.text))
            } else {
                items.append(.text(panel.title, at: Point(x: centreX, y: y), size: style.titleFont, anchor: .middle, bold: true, vertical: false, color: SceneStyle.text))
            }
        }
        if !panel.xlabel.isEmpty {
            let top = plot.maxY + style.tickLength + labelGap + style.tickFont + 0.5 * style.labelFont
            let baseline = Point(x: centreX, y: top + style.labelFont * 0.8)
            items.append(.text(panel.xlabel, at: baseline, size: style.labelFont, anchor: .middle, bold: false, vertical: false, color: SceneStyle.text))
        }
        if !panel.ylabel.isEmpty {
            let baseline = Point(x: cell.x + edge + style.labelFont * 0.8, y: plot.y + plot.height / 2)
            items.append(.text(panel.ylabel, at: baseline, size: style.labelFont, anchor: .middle, bold: false, vertical: true, color: SceneStyle.text))
        }
        return items
    }
}
