/// Where the legend box sits: in a corner of the plot area, or outside it to the right.
enum LegendCorner: CaseIterable {
    case topRight, topLeft, bottomLeft, bottomRight, outside

    /// The corners inside the plot area, in order of preference.
    static let inside: [LegendCorner] = [.topRight, .topLeft, .bottomLeft, .bottomRight]
}

/// One legend entry: its text and how its series is drawn.
struct LegendEntry {
    let label: String
    let slot: Int
    let series: Series
}

/// The size of a legend box and where it would sit in each corner.
struct LegendBox {
    let style: SceneStyle
    let entries: [LegendEntry]
    let size: (width: Double, height: Double)

    var inset: Double { 10 * style.scale }
    var padding: Double { 7 * style.scale }
    var rowHeight: Double { style.legendFont * 1.35 }
    var sampleLength: Double { 28 * style.scale }
    var sampleGap: Double { 7 * style.scale }

    init(panel: Panel, style: SceneStyle) {
        self.style = style
        entries = panel.series.enumerated().compactMap { index, series in
            series.label.isEmpty ? nil : LegendEntry(label: series.label, slot: panel.colorSlot(ofSeriesAt: index), series: series)
        }
        let labelWidth = entries.map { TextMetrics.width($0.label, size: style.legendFont) }.max() ?? 0
        let padding = 7 * style.scale
        size = (
            2 * padding + 28 * style.scale + 7 * style.scale + labelWidth,
            2 * padding + Double(entries.count) * style.legendFont * 1.35 - 4 * style.scale
        )
    }

    /// Horizontal room the box takes when it sits outside, right of the plot area.
    var outsideWidth: Double { size.width + inset }

    /// The box rectangle in `corner` of `plot` (right of it for `.outside`).
    func rect(in plot: Rect, corner: LegendCorner) -> Rect {
        let left = plot.x + inset, right = plot.maxX - inset - size.width
        let top = plot.y + inset, bottom = plot.maxY - inset - size.height
        switch corner {
        case .topRight: return Rect(x: right, y: top, width: size.width, height: size.height)
        case .topLeft: return Rect(x: left, y: top, width: size.width, height: size.height)
        case .bottomLeft: return Rect(x: left, y: bottom, width: size.width, height: size.height)
        case .bottomRight: return Rect(x: right, y: bottom, width: size.width, height: size.height)
        case .outside: return Rect(x: plot.maxX + inset, y: plot.y, width: size.width, height: size.height)
        }
    }

    /// How much drawing each inside corner's box would cover: segments of lines and fill
    /// outlines crossing it, plus marks inside it; in `LegendCorner.inside` order.
    func occupancy(in plot: Rect, paths: [SeriesPath]) -> [Int] {
        LegendCorner.inside.map { corner in
            let box = rect(in: plot, corner: corner)
            var count = 0
            for path in paths {
                for line in path.lines { count += Self.crossings(of: line, closed: false, box: box) }
                for fill in path.fills { count += Self.crossings(of: fill, closed: true, box: box) }
                count += path.marks.filter { box.contains($0) }.count
            }
            return count
        }
    }

    /// The inside corner with the smallest occupancy (the earlier on ties), or `.outside` when
    /// every corner would cover some data and `outsideFits` (the box takes at most
    /// `outsideShare` of the panel's width there).
    static func bestCorner(_ occupancy: [Int], outsideFits: Bool = true) -> LegendCorner {
        let corners = LegendCorner.inside
        guard let least = occupancy.min() else { return .topRight }
        if least > 0, outsideFits { return .outside }
        return corners[occupancy.firstIndex(of: least) ?? 0]
    }

    /// Largest share of a panel's width a legend outside the axes may take.
    static let outsideShare = 0.3

    /// Whether the box fits outside the axes of a panel `width` wide.
    func fitsOutside(width: Double) -> Bool { outsideWidth <= Self.outsideShare * width }

    private static func crossings(of points: [Point], closed: Bool, box: Rect) -> Int {
        guard let first = points.first else { return 0 }
        if points.count == 1 { return box.contains(first) ? 1 : 0 }
        var count = 0
        for index in 1..<points.count where Clipping.clip(segment: points[index - 1], points[index], to: box) != nil {
            count += 1
        }
        if closed, let last = points.last, Clipping.clip(segment: last, first, to: box) != nil { count += 1 }
        return count
    }
}
