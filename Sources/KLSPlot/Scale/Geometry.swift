/// A point in screen space (pixels or terminal dots), y growing downwards.
struct Point: Equatable {
    var x: Double
    var y: Double
}

/// An axis-aligned rectangle in screen space.
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }

    func contains(_ point: Point) -> Bool {
        point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY
    }
}

/// Maps data coordinates onto a screen rectangle: x.lower → left edge, y.upper → top edge.
struct Viewport {
    let xRange: AxisRange
    let yRange: AxisRange
    let rect: Rect

    /// Screen coordinates are clamped to ±1e9 so that far-away data stays finite for clipping;
    /// the slope error this introduces inside a rectangle of size s is below s / 1e9.
    static let coordinateLimit = 1e9

    /// The screen position of data (x, y); nil when either coordinate is not finite.
    func point(_ x: Double, _ y: Double) -> Point? {
        guard x.isFinite, y.isFinite else { return nil }
        let screenX = rect.x + (x - xRange.lower) / xRange.span * rect.width
        let screenY = rect.y + (yRange.upper - y) / yRange.span * rect.height
        guard !screenX.isNaN, !screenY.isNaN else { return nil }
        return Point(x: Self.clamp(screenX), y: Self.clamp(screenY))
    }

    /// Screen y of the horizontal line y = 0 (the baseline of filled areas).
    var baselineY: Double {
        Self.clamp(rect.y + yRange.upper / yRange.span * rect.height)
    }

    private static func clamp(_ value: Double) -> Double {
        Swift.min(Swift.max(value, -coordinateLimit), coordinateLimit)
    }
}
