import Foundation

/// Scene items of a marker shape centred on a point.
enum MarkItems {
    /// A filled or stroked `shape` of about `radius` around `centre`.
    static func items(_ shape: MarkerShape, at centre: Point, radius r: Double, color: RGB, style: SceneStyle) -> [SceneItem] {
        let x = centre.x, y = centre.y
        switch shape {
        case .circle: return [.circle(center: centre, radius: r, color: color)]
        case .square:
            let side = r * 0.9
            return [.polygon([Point(x: x - side, y: y - side), Point(x: x + side, y: y - side),
                              Point(x: x + side, y: y + side), Point(x: x - side, y: y + side)], color: color, opacity: 1)]
        case .triangle:
            return [.polygon([Point(x: x, y: y - r * 1.2), Point(x: x + r * 1.1, y: y + r * 0.8),
                              Point(x: x - r * 1.1, y: y + r * 0.8)], color: color, opacity: 1)]
        case .diamond:
            return [.polygon([Point(x: x, y: y - r * 1.2), Point(x: x + r, y: y), Point(x: x, y: y + r * 1.2),
                              Point(x: x - r, y: y)], color: color, opacity: 1)]
        case .cross:
            return [.paths([[Point(x: x - r, y: y - r), Point(x: x + r, y: y + r)],
                            [Point(x: x - r, y: y + r), Point(x: x + r, y: y - r)]], color: color, width: style.lineWidth, dash: [])]
        case .plus:
            return [.paths([[Point(x: x - r * 1.2, y: y), Point(x: x + r * 1.2, y: y)],
                            [Point(x: x, y: y - r * 1.2), Point(x: x, y: y + r * 1.2)]], color: color, width: style.lineWidth, dash: [])]
        }
    }

    /// A ring of `radius` around `centre` (where a path starts).
    static func hollow(at centre: Point, radius: Double, color: RGB, style: SceneStyle) -> [SceneItem] {
        let ring = (0...24).map { k -> Point in
            let angle = Double(k) / 24 * 2 * Double.pi
            return Point(x: centre.x + radius * cos(angle), y: centre.y + radius * sin(angle))
        }
        return [.circle(center: centre, radius: radius, color: .white),
                .paths([ring], color: color, width: style.lineWidth * 0.8, dash: [])]
    }
}
