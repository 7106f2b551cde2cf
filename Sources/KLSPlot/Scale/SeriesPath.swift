/// A series turned into screen geometry: unbroken runs of points, clipped to the viewport.
struct SeriesPath {
    /// Polylines inside the viewport rectangle (line and step styles).
    let lines: [[Point]]
    /// Closed polygons between the series and y = 0, clipped to the rectangle (filled series).
    let fills: [[Point]]
    /// Marks inside the rectangle: every point of a scatter series or of one with a marker,
    /// or its last point (`MarkerPoints.last`, `.ends`).
    let marks: [Point]
    /// Hollow marks: the first point of a series marked at both ends (where a path starts).
    let hollowMarks: [Point]

    init(series: Series, viewport: Viewport) {
        let rect = viewport.rect
        var runs = Self.runs(of: series, viewport: viewport)
        let points = Array(runs.joined())
        switch (series.shownMarker, series.markerPoints) {
        case (nil, _): (marks, hollowMarks) = ([], [])
        case (_, .all): (marks, hollowMarks) = (points.filter { rect.contains($0) }, [])
        case (_, .last): (marks, hollowMarks) = (points.last.map { rect.contains($0) ? [$0] : [] } ?? [], [])
        case (_, .ends):
            marks = points.last.map { rect.contains($0) ? [$0] : [] } ?? []
            hollowMarks = points.count > 1 ? points.first.map { rect.contains($0) ? [$0] : [] } ?? [] : []
        }
        if series.style != .scatter { runs = runs.map(Self.withoutSubpixelSteps) }
        lines = series.style == .scatter ? [] : runs.flatMap { Clipping.clip(polyline: $0, to: rect) }
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

    /// `run` without the points that lie within half a unit (pixel or dot), in both x and y, of
    /// the last point kept; the last point is always kept. Dense data (10,000 epochs over a few
    /// hundred pixels) shrinks to about one point per unit while staying within 0.5 of the original.
    private static func withoutSubpixelSteps(_ run: [Point]) -> [Point] {
        guard run.count > 2, let first = run.first, let last = run.last else { return run }
        var kept = [first]
        kept.reserveCapacity(run.count)
        var anchor = first
        for point in run.dropFirst().dropLast() where abs(point.x - anchor.x) >= 0.5 || abs(point.y - anchor.y) >= 0.5 {
            kept.append(point)
            anchor = point
        }
        kept.append(last)
        return kept
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
