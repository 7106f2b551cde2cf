/// A corner of the plot area where the legend box may sit.
enum LegendCorner: CaseIterable {
    case topRight, topLeft, bottomLeft, bottomRight
}

/// The size of a legend box and where it would sit in each corner.
struct LegendBox {
    static let inset = 8.0
    static let padding = 6.0
    static let rowHeight = 16.0
    static let sampleLength = 20.0
    static let sampleGap = 6.0

    let entries: [(label: String, slot: Int, style: SeriesStyle)]
    let size: (width: Double, height: Double)

    init(panel: Panel) {
        entries = panel.series.enumerated().compactMap { index, series in
            series.label.isEmpty ? nil : (series.label, panel.colorSlot(ofSeriesAt: index), series.style)
        }
        let labelWidth = entries.map { TextMetrics.width($0.label, size: SceneStyle.legendFont) }.max() ?? 0
        size = (
            2 * Self.padding + Self.sampleLength + Self.sampleGap + labelWidth,
            2 * Self.padding + Double(entries.count) * Self.rowHeight - 4
        )
    }

    /// The box rectangle in `corner` of `plot`.
    func rect(in plot: Rect, corner: LegendCorner) -> Rect {
        let left = plot.x + Self.inset, right = plot.maxX - Self.inset - size.width
        let top = plot.y + Self.inset, bottom = plot.maxY - Self.inset - size.height
        switch corner {
        case .topRight: return Rect(x: right, y: top, width: size.width, height: size.height)
        case .topLeft: return Rect(x: left, y: top, width: size.width, height: size.height)
        case .bottomLeft: return Rect(x: left, y: bottom, width: size.width, height: size.height)
        case .bottomRight: return Rect(x: right, y: bottom, width: size.width, height: size.height)
        }
    }

    /// How much drawing each corner's box would cover: segments of lines and fill outlines
    /// crossing it, plus marks inside it; in `LegendCorner.allCases` order.
    func occupancy(in plot: Rect, paths: [SeriesPath]) -> [Int] {
        LegendCorner.allCases.map { corner in
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

    /// The corner with the smallest occupancy, preferring the earlier corner on ties.
    static func bestCorner(_ occupancy: [Int]) -> LegendCorner {
        let corners = LegendCorner.allCases
        var best = 0
        for index in occupancy.indices where index < corners.count && occupancy[index] < occupancy[best] {
            best = index
        }
        return corners[best]
    }

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
