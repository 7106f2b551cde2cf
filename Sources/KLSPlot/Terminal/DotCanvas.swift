/// A grid of character cells, each holding 2 × 4 dots, with one colour per cell.
///
/// Dots are stored as braille bit masks: bit k of a cell is braille dot k + 1, so a cell's
/// character is U+2800 + mask. Dot (x, y) lies in cell (x / 2, y / 4). A cell takes the colour
/// of the last dot drawn into it, so where series overlap the later series' colour shows.
struct DotCanvas {
    /// Width in character cells.
    let columns: Int
    /// Height in character cells.
    let rows: Int
    /// Braille dot masks, row-major, one byte per cell.
    private(set) var masks: [UInt8]
    /// Colour per cell: palette slot + 1, or 0 when nothing was drawn.
    private(set) var colors: [UInt8]

    init(columns: Int, rows: Int) {
        self.columns = Swift.max(1, columns)
        self.rows = Swift.max(1, rows)
        masks = [UInt8](repeating: 0, count: self.columns * self.rows)
        colors = [UInt8](repeating: 0, count: self.columns * self.rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// Braille bit of the dot at (column within cell, row within cell), indexed row * 2 + column.
    private static let dotBits: [UInt8] = [0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80]

    /// Sets dot (x, y) in colour `color` (slot + 1); dots outside the canvas are ignored.
    mutating func setDot(_ x: Int, _ y: Int, color: UInt8) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y >> 2) * columns + (x >> 1)
        masks[cell] |= Self.dotBits[(y & 3) << 1 | (x & 1)]
        colors[cell] = color
    }

    /// Empties every cell in which `other` (a canvas of the same size) has dots: room cleared
    /// under a path drawn over shading, so that the path stays legible.
    mutating func clearCells(coveredBy other: DotCanvas) {
        for cell in masks.indices where cell < other.masks.count && other.masks[cell] != 0 {
            masks[cell] = 0
            colors[cell] = 0
        }
    }

    /// The dot containing screen point `point` (dot i covers [i, i + 1)), clamped onto the canvas.
    func dot(at point: Point) -> (x: Int, y: Int) {
        (Self.index(point.x, limit: dotWidth), Self.index(point.y, limit: dotHeight))
    }

    private static func index(_ coordinate: Double, limit: Int) -> Int {
        guard coordinate > 0 else { return 0 }
        guard coordinate < Double(limit) else { return limit - 1 }
        return Int(coordinate)
    }

    /// Draws the segment a→b with Bresenham's algorithm between the dots containing a and b.
    /// With a dash `pattern` (on, off, on, … runs in dots) only the "on" dots are set; `phase`
    /// counts dots along a polyline so that its dashes continue across segments.
    mutating func drawLine(_ a: Point, _ b: Point, color: UInt8, pattern: [Int] = [], phase: inout Int) {
        var (x, y) = dot(at: a)
        let (endX, endY) = dot(at: b)
        let dx = Swift.abs(endX - x), dy = -Swift.abs(endY - y)
        let stepX = x < endX ? 1 : -1, stepY = y < endY ? 1 : -1
        var error = dx + dy
        let period = pattern.reduce(0, +)
        var first = true
        while true {
            if period == 0 || Self.isOn(phase % period, pattern) { setDot(x, y, color: color) }
            if !first || phase == 0 { phase += 1 }
            first = false
            if x == endX && y == endY { return }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += stepX }
            if doubled <= dx { error += dx; y += stepY }
        }
    }

    /// Draws the segment a→b solid.
    mutating func drawLine(_ a: Point, _ b: Point, color: UInt8) {
        var phase = 0
        drawLine(a, b, color: color, phase: &phase)
    }

    /// Whether dot `offset` of a period falls in an "on" run of `pattern`.
    private static func isOn(_ offset: Int, _ pattern: [Int]) -> Bool {
        var position = 0
        for (index, run) in pattern.enumerated() {
            if offset < position + run { return index % 2 == 0 }
            position += run
        }
        return true
    }

    /// Sets the dots of a small `shape` around the dot containing `centre`.
    mutating func drawMarker(_ shape: MarkerShape, at centre: Point, large: Bool, color: UInt8) {
        let (x, y) = dot(at: centre)
        let offsets: [(Int, Int)]
        switch shape {
        case .circle: offsets = large ? [(-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1), (0, 0)]
                                      : [(0, 0), (1, 0), (0, 1), (1, 1)]
        case .square: offsets = [(-1, -1), (0, -1), (1, -1), (-1, 0), (0, 0), (1, 0), (-1, 1), (0, 1), (1, 1)]
        case .triangle: offsets = [(0, -1), (-1, 0), (0, 0), (1, 0), (-2, 1), (-1, 1), (0, 1), (1, 1), (2, 1)]
        case .cross: offsets = [(-1, -1), (1, -1), (0, 0), (-1, 1), (1, 1)]
        case .plus: offsets = [(0, -1), (-1, 0), (0, 0), (1, 0), (0, 1)]
        case .diamond: offsets = [(0, -1), (-1, 0), (1, 0), (0, 1), (0, 0)]
        }
        for (dx, dy) in offsets { setDot(x + dx, y + dy, color: color) }
    }

    /// Sets dots of `row` range of cells in an ordered-dither pattern covering `density` (0…1)
    /// of them, from the cell at column `first` up to `last` (filled contour bands).
    mutating func dither(dotRow y: Int, from first: Int, to last: Int, density: Double, color: UInt8) {
        guard first <= last, density > 0 else { return }
        for x in Swift.max(0, first)...Swift.min(dotWidth - 1, last) {
            let threshold = Self.bayer[(y & 3) * 4 + (x & 3)]
            if (Double(threshold) + 0.5) / 16 < density { setDot(x, y, color: color) }
        }
    }

    /// The 4 × 4 ordered-dither matrix.
    private static let bayer = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5]

    /// Shades the inside of `polygon` (even–odd rule, dots whose centre is inside) with a
    /// checkerboard of every other dot, so that lines drawn over the shading stay visible.
    mutating func shadePolygon(_ polygon: [Point], color: UInt8) {
        guard polygon.count >= 3 else { return }
        let top = polygon.map(\.y).min() ?? 0, bottom = polygon.map(\.y).max() ?? 0
        let firstRow = dot(at: Point(x: 0, y: top)).y, lastRow = dot(at: Point(x: 0, y: bottom)).y
        var crossings: [Double] = []
        for row in firstRow...lastRow {
            let centre = Double(row) + 0.5
            crossings.removeAll(keepingCapacity: true)
            var previous = polygon[polygon.count - 1]
            for current in polygon {
                if (previous.y <= centre) != (current.y <= centre) {
                    let t = (centre - previous.y) / (current.y - previous.y)
                    crossings.append(previous.x + t * (current.x - previous.x))
                }
                previous = current
            }
            crossings.sort()
            var pair = 0
            while pair + 1 < crossings.count {
                shadeSpan(row: row, from: crossings[pair], to: crossings[pair + 1], color: color)
                pair += 2
            }
        }
    }

    /// Sets the checkerboard dots of `row` whose centres lie in [from, to].
    private mutating func shadeSpan(row: Int, from: Double, to: Double, color: UInt8) {
        let first = Swift.max(0, Int(Swift.max(-1, (from - 0.5).rounded(.up))))
        let last = Swift.min(dotWidth - 1, Int(Swift.min(Double(dotWidth), (to - 0.5).rounded(.down))))
        guard first <= last else { return }
        var x = (first + row) % 2 == 0 ? first : first + 1
        while x <= last {
            setDot(x, row, color: color)
            x += 2
        }
    }
}
