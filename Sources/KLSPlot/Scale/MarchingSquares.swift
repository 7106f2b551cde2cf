/// Contour lines of a sampled field by marching squares: for one level, the segments where the
/// piecewise-linear interpolation of the samples crosses it, in data coordinates.
enum MarchingSquares {
    /// Segments (pairs of data points) where `field` crosses `level`. Cells with a non-finite
    /// corner are skipped; a saddle is split by the mean of its four corners.
    static func segments(_ field: ContourField, level: Double) -> [(x0: Double, y0: Double, x1: Double, y1: Double)] {
        var result: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        for j in 0..<(field.rows - 1) {
            let y0 = field.yValue(j), y1 = field.yValue(j + 1)
            for i in 0..<(field.columns - 1) {
                let a = field.value(i, j), b = field.value(i + 1, j)
                let c = field.value(i + 1, j + 1), d = field.value(i, j + 1)
                guard a.isFinite, b.isFinite, c.isFinite, d.isFinite else { continue }
                var index = 0
                if a > level { index |= 1 }
                if b > level { index |= 2 }
                if c > level { index |= 4 }
                if d > level { index |= 8 }
                guard index != 0, index != 15 else { continue }
                let x0 = field.xValue(i), x1 = field.xValue(i + 1)
                // Crossing points on the four edges: bottom (a–b), right (b–c), top (d–c), left (a–d).
                // (1 − t)·u + t·w is exact at both ends, so that a crossing on a corner is the
                // same point from every edge through it (ContourChains joins on equal points).
                func at(_ p: Double, _ q: Double, _ u: Double, _ w: Double) -> Double {
                    let t = (level - p) / (q - p)
                    return (1 - t) * u + t * w
                }
                let bottom = (at(a, b, x0, x1), y0)
                let right = (x1, at(b, c, y0, y1))
                let top = (at(d, c, x0, x1), y1)
                let left = (x0, at(a, d, y0, y1))
                func add(_ p: (Double, Double), _ q: (Double, Double)) { result.append((p.0, p.1, q.0, q.1)) }
                switch index {
                case 1, 14: add(left, bottom)
                case 2, 13: add(bottom, right)
                case 3, 12: add(left, right)
                case 4, 11: add(right, top)
                case 6, 9: add(bottom, top)
                case 7, 8: add(left, top)
                case 5, 10:
                    let centreAbove = (a + b + c + d) / 4 > level
                    if (index == 5) == centreAbove {
                        add(left, top); add(bottom, right)
                    } else {
                        add(left, bottom); add(right, top)
                    }
                default: break
                }
            }
        }
        return result
    }
}
