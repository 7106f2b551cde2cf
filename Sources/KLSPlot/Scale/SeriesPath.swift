/// A series turned into screen geometry: unbroken runs of points, clipped to the viewport.
struct SeriesPath {
    /// Polylines inside the viewport rectangle (line and step styles).
    let lines: [[Point]]
    /// Closed polygons between the series and y = 0, clipped to the rectangle (filled series).
    let fills: [[Point]]
    /// Marks inside the rectangle (scatter style).
    let marks: [Point]

    init(series: Series, viewport: Viewport) {
        let runs = Self.runs(of: series, viewport: viewport)
        let rect = viewport.rect
        if series.style == .scatter {
            lines = []
            marks = runs.joined().filter { rect.contains($0) }
        } else {
            lines = runs.flatMap { Clipping.clip(polyline: $0, to: rect) }
            marks = []
        }
        guard series.fill else {
            fills = []
            return
        }
        let base = viewport.baselineY
        fills = runs.compactMap { run in
            guard let first = run.first, let last = run.last, run.count > 1 else { return nil }
            let outline = [Point(x: first.x, y: base)] + run + [Point(x: last.x, y: base)]
            let clipped = Clipping.clip(polygon: outline, to: rect)
            return clipped.count >= 3 ? clipped : nil
        }
    }

    /// Maximal runs of consecutive finite points, in screen space; steps expanded into corners.
    private static func runs(of series: Series, viewport: Viewport) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        for index in 0..<series.pointCount {
            guard let point = viewport.point(series.x[index], series.y[index]) else {
                if !current.isEmpty { runs.append(current) }
                current = []
                continue
            }
            if series.style == .step, let previous = current.last {
                current.append(Point(x: point.x, y: previous.y))
            }
            current.append(point)
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
