/// Contour segments joined into polylines: neighbouring cells of `MarchingSquares` compute a
/// shared edge's crossing from the same two samples, so their segments meet at exactly equal
/// points. Drawn as polylines, level lines have smooth joins (no cap at every cell) and cost
/// the rasteriser one path each instead of one per cell.
enum ContourChains {
    /// A point of a contour segment, hashable by its exact coordinates.
    private struct End: Hashable {
        let x: Double, y: Double
    }

    /// The polylines (data coordinates) made of `segments`, each segment used once; a closed
    /// level line ends where it starts. Zero-length segments (a level met exactly at a grid
    /// point) are left out.
    static func polylines(_ segments: [(x0: Double, y0: Double, x1: Double, y1: Double)]) -> [[(x: Double, y: Double)]] {
        var touching: [End: [Int]] = [:]
        touching.reserveCapacity(segments.count * 2)
        for (index, s) in segments.enumerated() {
            touching[End(x: s.x0, y: s.y0), default: []].append(index)
            touching[End(x: s.x1, y: s.y1), default: []].append(index)
        }
        var used = segments.map { $0.x0 == $0.x1 && $0.y0 == $0.y1 }
        /// The far end of an unused segment at `end`, marking it used; nil when there is none.
        func next(from end: End) -> End? {
            guard let candidates = touching[end] else { return nil }
            for index in candidates where !used[index] {
                used[index] = true
                let s = segments[index]
                let first = End(x: s.x0, y: s.y0)
                return first == end ? End(x: s.x1, y: s.y1) : first
            }
            return nil
        }
        var lines: [[(x: Double, y: Double)]] = []
        for (index, s) in segments.enumerated() where !used[index] {
            used[index] = true
            var forward = [End(x: s.x0, y: s.y0), End(x: s.x1, y: s.y1)]
            while let end = forward.last, let far = next(from: end) { forward.append(far) }
            var backward: [End] = []
            while let end = backward.last ?? forward.first, let far = next(from: end) { backward.append(far) }
            lines.append((backward.reversed() + forward).map { ($0.x, $0.y) })
        }
        return lines
    }
}
