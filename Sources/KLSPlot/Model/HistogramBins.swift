import Foundation

/// The bins of a histogram: increasing edges of equal spacing, and where ticks should fall.
struct HistogramBins {
    /// Bin edges; bin i is [edges[i], edges[i+1]), the last bin also holds its upper edge.
    let edges: [Double]
    /// The common width of the bins, in data units.
    let width: Double
    /// How the horizontal ticks should fall on these bins.
    let tickSpacing: TickSpacing

    /// Fewest and most bins automatic binning aims for (about √n in between).
    static let automaticBinCount = 5...50
    /// Whole numbers up to this magnitude are binned as outcomes: their bin edges k ± 1/2 stay
    /// exact in floating point.
    static let wholeNumberLimit = 0x1p50

    /// The index of the bin holding `value`, as `numpy.histogram` finds it: from the quotient
    /// (value − first edge) / width, corrected against the edges, and clamped to the bins.
    func bin(of value: Double) -> Int {
        let last = edges.count - 2
        let position = ((value - edges[0]) / width).rounded(.down)
        var index = position.isFinite ? Int(Swift.min(Swift.max(position, 0), Double(last))) : 0
        if index > 0, value < edges[index] { index -= 1 }
        if index < last, value >= edges[index + 1] { index += 1 }
        return index
    }

    /// `count` equal-width bins (clamped to 1…`Series.maximumBins`) from the smallest to the
    /// largest of `values` (all finite); all-equal values span ±1/2 around the value. Nil without values.
    static func equalWidth(_ values: [Double], count: Int) -> HistogramBins? {
        guard let low = values.min(), let high = values.max() else { return nil }
        let range = binningRange(low: low, high: high)
        let binCount = Swift.min(Swift.max(count, 1), Series.maximumBins)
        let width = range.span / Double(binCount)
        let edges = (0...binCount).map { range.lower + Double($0) * width }
        return HistogramBins(edges: edges, width: width, tickSpacing: .automatic)
    }

    /// Bins chosen for `values` (all finite), or nil without values:
    /// - all equal: one bin of width 1 centred on the value;
    /// - whole numbers: one bin per value, centred on it, while they span at most 50 values,
    ///   else bins of the smallest 1-2-5 whole width w that gives at most 50, starting at a
    ///   multiple of w (so a bin of 10 holds 20…29);
    /// - otherwise: the 1-2-5 width w whose bins, with edges at whole multiples of w, number
    ///   closest to √n (clamped to 5…50) in ratio.
    static func automatic(_ values: [Double]) -> HistogramBins? {
        guard let low = values.min(), let high = values.max() else { return nil }
        let whole = values.allSatisfy { $0.rounded(.down) == $0 && Swift.abs($0) <= wholeNumberLimit }
        guard high > low else {
            guard let single = equalWidth(values, count: 1) else { return nil }
            return whole ? HistogramBins(edges: single.edges, width: single.width, tickSpacing: .outcomes) : single
        }
        if whole { return wholeNumbers(low: low, high: high) }
        let root = Double(values.count).squareRoot().rounded(.up)
        let target = Swift.min(Swift.max(Int(root), automaticBinCount.lowerBound), automaticBinCount.upperBound)
        return niceWidth(low: low, high: high, target: target) ?? equalWidth(values, count: target)
    }

    /// Bins of whole numbers from `low` to `high` (both whole, |·| ≤ `wholeNumberLimit`, low < high).
    private static func wholeNumbers(low: Double, high: Double) -> HistogramBins {
        let valueCount = high - low + 1
        var width = 1.0
        search: for exponent in 0...17 {
            for mantissa in [1.0, 2.0, 5.0] {
                width = mantissa * pow(10, Double(exponent))
                if (valueCount / width).rounded(.up) <= Double(automaticBinCount.upperBound) { break search }
            }
        }
        let start = (low / width).rounded(.down) * width
        let count = Int(((high - start) / width).rounded(.down)) + 1
        let edges = (0...count).map { start - 0.5 + Double($0) * width }
        return HistogramBins(edges: edges, width: width, tickSpacing: .outcomes)
    }

    /// Bins of a 1-2-5 width with edges at its whole multiples, about `target` of them covering
    /// `low…high`; nil when the edges' indices would not fit an `Int` (values near ±1e300).
    private static func niceWidth(low: Double, high: Double, target: Int) -> HistogramBins? {
        var best: (score: Double, step: TickStep, first: Int, last: Int)?
        for step in TickStep.candidates(around: (high - low) / Double(target)) {
            guard let (first, last) = edgeIndices(low: low, high: high, step: step) else { continue }
            let score = Swift.abs(log(Double(last - first) / Double(target)))
            if score < best?.score ?? .infinity { best = (score, step, first, last) }
        }
        guard let best else { return nil }
        let edges = (best.first...best.last).map { best.step.tick($0) }
        return HistogramBins(edges: edges, width: best.step.value, tickSpacing: .multiples(of: best.step.value))
    }

    /// The indices i < j of the edges i · step ≤ low and j · step ≥ high nearest to them;
    /// nil when they reach 1e15 in magnitude or would make more than `Series.maximumBins` bins.
    private static func edgeIndices(low: Double, high: Double, step: TickStep) -> (Int, Int)? {
        let lowQuotient = (low / step.value).rounded(.down), highQuotient = (high / step.value).rounded(.up)
        guard Swift.abs(lowQuotient) < 1e15, Swift.abs(highQuotient) < 1e15,
              highQuotient - lowQuotient <= Double(Series.maximumBins) else { return nil }
        var first = Int(lowQuotient), last = Int(highQuotient)
        if step.tick(first + 1) <= low { first += 1 }
        if step.tick(first) > low { first -= 1 }
        if last - 1 > first, step.tick(last - 1) >= high { last -= 1 }
        if step.tick(last) < high { last += 1 }
        return (first, last)
    }

    /// The interval binned for data spanning `low…high`: the data itself (within ±1e300),
    /// or `low ± 0.5` when all values are equal (`AxisRange.sanitized` when ±0.5 is lost to rounding).
    private static func binningRange(low: Double, high: Double) -> AxisRange {
        let limit = AxisRange.magnitudeLimit
        let unit = AxisRange(low - 0.5, low + 0.5)
        if high == low, unit.span > 0, unit.upper <= limit, unit.lower >= -limit { return unit }
        return AxisRange(low, high).sanitized ?? AxisRange(-1, 1)
    }
}
