/// Clipping of screen geometry to a rectangle.
enum Clipping {
    /// The visible pieces of a polyline (Liang–Barsky on each segment, joined where contiguous).
    /// A single point inside the rectangle stays a one-point piece.
    static func clip(polyline: [Point], to rect: Rect) -> [[Point]] {
        guard polyline.count > 1 else { return polyline.filter { rect.contains($0) }.map { [$0] } }
        var pieces: [[Point]] = []
        var current: [Point] = []
        for index in 1..<polyline.count {
            guard let (start, end) = clip(segment: polyline[index - 1], polyline[index], to: rect) else {
                if !current.isEmpty { pieces.append(current) }
                current = []
                continue
            }
            if current.last != start {
                if !current.isEmpty { pieces.append(current) }
                current = [start]
            }
            current.append(end)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// The part of segment a→b inside `rect`, or nil when none is (Liang–Barsky).
    static func clip(segment a: Point, _ b: Point, to rect: Rect) -> (Point, Point)? {
        let dx = b.x - a.x, dy = b.y - a.y
        var enter = 0.0, leave = 1.0
        guard narrow(-dx, a.x - rect.x, &enter, &leave), narrow(dx, rect.maxX - a.x, &enter, &leave),
            narrow(-dy, a.y - rect.y, &enter, &leave), narrow(dy, rect.maxY - a.y, &enter, &leave)
        else { return nil }
        let start = enter == 0 ? a : Point(x: a.x + enter * dx, y: a.y + enter * dy)
        let end = leave == 1 ? b : Point(x: a.x + leave * dx, y: a.y + leave * dy)
        return (start, end)
    }

    /// Narrows the parameter interval [enter, leave] by one edge's inequality p·t ≤ q;
    /// false when nothing of the segment is left.
    private static func narrow(_ p: Double, _ q: Double, _ enter: inout Double, _ leave: inout Double) -> Bool {
        if p == 0 { return q >= 0 }
        let t = q / p
        if p < 0 { enter = Swift.max(enter, t) } else { leave = Swift.min(leave, t) }
        return enter <= leave
    }

    /// A polygon cut to `rect` (Sutherland–Hodgman, one rectangle edge at a time).
    static func clip(polygon: [Point], to rect: Rect) -> [Point] {
        var result = polygon
        result = clipHalfPlane(result) { $0.x >= rect.x } intersect: { a, b in atX(rect.x, a, b) }
        result = clipHalfPlane(result) { $0.x <= rect.maxX } intersect: { a, b in atX(rect.maxX, a, b) }
        result = clipHalfPlane(result) { $0.y >= rect.y } intersect: { a, b in atY(rect.y, a, b) }
        result = clipHalfPlane(result) { $0.y <= rect.maxY } intersect: { a, b in atY(rect.maxY, a, b) }
        return result
    }

    private static func clipHalfPlane(
        _ polygon: [Point], inside: (Point) -> Bool, intersect: (Point, Point) -> Point
    ) -> [Point] {
        guard let last = polygon.last else { return [] }
        var output: [Point] = []
        output.reserveCapacity(polygon.count + 4)
        var previous = last
        for current in polygon {
            let currentInside = inside(current), previousInside = inside(previous)
            if currentInside {
                if !previousInside { output.append(intersect(previous, current)) }
                output.append(current)
            } else if previousInside {
                output.append(intersect(previous, current))
            }
            previous = current
        }
        return output
    }

    /// Where segment a→b crosses the vertical line at `x` (a and b lie on opposite sides).
    private static func atX(_ x: Double, _ a: Point, _ b: Point) -> Point {
        let t = (x - a.x) / (b.x - a.x)
        return Point(x: x, y: a.y + t * (b.y - a.y))
    }

    /// Where segment a→b crosses the horizontal line at `y` (a and b lie on opposite sides).
    private static func atY(_ y: Double, _ a: Point, _ b: Point) -> Point {
        let t = (y - a.y) / (b.y - a.y)
        return Point(x: a.x + t * (b.x - a.x), y: y)
    }
}
