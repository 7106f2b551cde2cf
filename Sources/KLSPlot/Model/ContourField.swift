import Foundation

/// A function of two numbers sampled on a regular grid, drawn as contour lines or filled bands.
///
/// Sample (i, j) is the value at x = x.lower + i · (x.span / (columns − 1)) and
/// y = y.lower + j · (y.span / (rows − 1)); `values` holds them row by row from the lowest y.
/// Non-finite samples leave their cells blank.
public struct ContourField: Sendable, Equatable {
    /// Horizontal extent of the grid, in data units.
    public let x: AxisRange
    /// Vertical extent of the grid, in data units.
    public let y: AxisRange
    /// Samples per row (at least 2).
    public let columns: Int
    /// Rows of samples (at least 2).
    public let rows: Int
    /// `rows × columns` samples, row-major, row 0 at `y.lower`.
    public let values: [Double]
    /// Increasing values at which lines are drawn, or which bound the filled bands.
    public var levels: [Double]
    /// Filled bands between the levels (with a colour bar) instead of lines.
    public var filled: Bool

    /// A field of `values` (`rows × columns`, both at least 2) over `x` × `y`; nil when the
    /// sizes do not match or the ranges are empty or not finite.
    public init?(x: AxisRange, y: AxisRange, columns: Int, rows: Int, values: [Double], levels: [Double], filled: Bool = false) {
        guard columns >= 2, rows >= 2, values.count == columns * rows,
              let xs = x.sanitized, let ys = y.sanitized, xs == x, ys == y else { return nil }
        self.x = x
        self.y = y
        self.columns = columns
        self.rows = rows
        self.values = values
        self.levels = levels
        self.filled = filled
    }

    /// The x of sample column `i`.
    func xValue(_ i: Int) -> Double { x.lower + Double(i) * x.span / Double(columns - 1) }
    /// The y of sample row `j`.
    func yValue(_ j: Int) -> Double { y.lower + Double(j) * y.span / Double(rows - 1) }
    /// The sample at column `i`, row `j`.
    func value(_ i: Int, _ j: Int) -> Double { values[j * columns + i] }

    /// The band of `value`: how many levels lie at or below it (0…levels.count); nil when not finite.
    func band(of value: Double) -> Int? {
        guard value.isFinite else { return nil }
        var low = 0, high = levels.count
        while low < high {
            let middle = (low + high) / 2
            if levels[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Position of colour for level `index` (0…1) along the ramp.
    func rampPosition(level index: Int) -> Double {
        levels.count > 1 ? Double(index) / Double(levels.count - 1) : 0.5
    }

    /// Position of colour for band `index` (0…levels.count) along the ramp.
    func rampPosition(band index: Int) -> Double {
        levels.isEmpty ? 0.5 : Double(index) / Double(levels.count)
    }
}

/// Choosing contour levels for sampled values.
public enum ContourLevels {
    /// About `count` levels for `values` (their finite part):
    /// - log-spaced above the minimum m — m + d for d = 1, 2, 5 (or 1, 3, or whole decades)
    ///   × 10^k — when half of the values lie in the lowest 10% of the range: a valley such as
    ///   Rosenbrock's (m = 0), where evenly spaced levels would all crowd onto the walls; d runs
    ///   from the decade of the smallest positive distance (at least range · 1e-6) to the range;
    ///   a minimum between 0 and that distance counts as 0;
    /// - otherwise round 1-2-5 steps strictly inside the range.
    /// Empty when fewer than two distinct finite values exist.
    public static func automatic(_ values: [Double], count: Int = 10) -> [Double] {
        let finite = values.filter(\.isFinite).sorted()
        guard let low = finite.first, let high = finite.last, high > low else { return [] }
        let median = finite[finite.count / 2]
        if median - low < 0.1 * (high - low) {
            let range = high - low
            let floor = Swift.max((finite.first { $0 > low } ?? high) - low, range * 1e-6)
            // A minimum of 0 (or nearly: below the first level) keeps the levels round.
            let base = low >= 0 && low < floor ? 0 : low
            return logarithmic(from: floor, to: high - base, count: count).map { base + $0 }
        }
        let ticks = AxisTicks(data: AxisRange(low, high), fixed: AxisRange(low, high), targetIntervals: Double(count))
        return ticks.values.filter { $0 > low && $0 < high }
    }

    /// Levels 1, 2, 5 × 10^k (or 1, 3 × 10^k, or 10^k, or every few decades, whichever gives
    /// closest to `count`) from `low`'s decade to `high`, both positive.
    static func logarithmic(from low: Double, to high: Double, count: Int) -> [Double] {
        let first = Int(log10(low).rounded(.down)), last = Int(log10(high).rounded(.up))
        let decades = Swift.max(1, last - first)
        let mantissas: [Double]
        let perDecade = Double(count) / Double(decades)
        if perDecade >= 2.5 { mantissas = [1, 2, 5] } else if perDecade >= 1.5 { mantissas = [1, 3] } else { mantissas = [1] }
        let stride = mantissas.count == 1 ? Swift.max(1, Int((Double(decades) / Double(count)).rounded(.up))) : 1
        var levels: [Double] = []
        var exponent = first
        while exponent <= last {
            for m in mantissas {
                let level = m * pow(10, Double(exponent))
                if level >= low * 0.999, level < high { levels.append(level) }
            }
            exponent += stride
        }
        return levels
    }
}
