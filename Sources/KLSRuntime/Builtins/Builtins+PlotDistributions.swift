import KLSDistributions
import KLSNumerics
import KLSPlot

/// Distributions as plot series: densities over where their mass is, masses as bars, and the
/// captions that name them.
extension PlotData {
    /// Probability left out in each tail of the range drawn for a continuous distribution.
    static let tailProbability = 0.001
    /// Fraction of that range added on each side, so edges and jumps stay visible.
    static let rangePadding = 0.05
    /// Width of the bars of one outcome of a discrete distribution (all overlaid ones together).
    static let barGroupWidth = 0.8

    /// The distribution held by a value (a distribution, or a probability vector as a Categorical).
    static func distribution(_ value: Value) -> DistributionValue? {
        if case .object(let d as DistributionValue) = value { return d }
        return nil
    }

    /// Where a continuous distribution's mass is: from its 0.1% to its 99.9% quantile,
    /// widened by 5% on each side; for a discrete one, its outcomes.
    static func range(of d: any Distribution) -> (lower: Double, upper: Double) {
        let hull = d.support.hull
        if d.isDiscrete { return hull }
        let low = quantile(d, tailProbability), high = quantile(d, 1 - tailProbability)
        guard low.isFinite, high.isFinite, high > low else {
            let centre = d.mean.value.data.first ?? 0
            return centre.isFinite ? (centre - 1, centre + 1) : (-1, 1)
        }
        let pad = (high - low) * rangePadding
        return (low - pad, high + pad)
    }

    /// The smallest x with F(x) ≥ p, by bisection on the cdf (to 1e-10 of the bracket).
    static func quantile(_ d: any Distribution, _ p: Double) -> Double {
        func cdf(_ x: Double) -> Double { (try? d.cdf(Var(x)))?.value.data.first ?? .nan }
        let hull = d.support.hull
        let mean = d.mean.value.data.first ?? 0, spread = d.std.value.data.first ?? 1
        guard mean.isFinite, spread.isFinite, spread > 0 else { return .nan }
        var low = max(hull.lower, mean - 10 * spread), high = min(hull.upper, mean + 10 * spread)
        var width = high - low, tries = 0
        while tries < 60, low > hull.lower, cdf(low) > p {
            low = max(hull.lower, low - width); width *= 2; tries += 1
        }
        while tries < 120, high < hull.upper, cdf(high) < p {
            high = min(hull.upper, high + width); width *= 2; tries += 1
        }
        while tries < 240, high - low > 1e-10 * max(1, abs(low), abs(high)) {
            let middle = (low + high) / 2
            if cdf(middle) >= p { high = middle } else { low = middle }
            tries += 1
        }
        return high
    }

    /// The density of `d` at each of `x` (nan where it cannot be computed).
    static func density(_ d: any Distribution, at x: [Double]) -> [Double] {
        guard let values = try? d.pdf(.constant(Tensor(vector: x))).value.data, values.count == x.count else {
            return [Double](repeating: .nan, count: x.count)
        }
        return values
    }

    /// Density curves of continuous distributions over `range` (their joint range when nil).
    static func densitySeries(_ ds: [DistributionValue], range: AxisRange?) -> [Series] {
        let covered = range ?? jointRange(ds.map(\.distribution))
        let x = grid(covered.lower, covered.upper)
        return ds.map { Series(x: x, y: density($0.distribution, at: x)) }
    }

    /// The union of the distributions' ranges.
    static func jointRange(_ ds: [any Distribution]) -> AxisRange {
        let ranges = ds.map(range(of:))
        return AxisRange(ranges.map(\.lower).min() ?? -1, ranges.map(\.upper).max() ?? 1)
    }

    /// Bars of the masses of discrete distributions at their outcomes 0…K−1, side by side
    /// within each outcome when there are several.
    static func massSeries(_ ds: [DistributionValue]) -> [Series] {
        let count = ds.map { outcomeCount($0.distribution) }.max() ?? 1
        let width = barGroupWidth / Double(max(1, ds.count))
        return ds.enumerated().map { index, d in
            let masses = (0..<count).map { k -> Double in
                let p = density(d.distribution, at: [Double(k)])[0]
                return p.isFinite ? p : 0
            }
            let lefts = (0..<count).map { Double($0) - barGroupWidth / 2 + Double(index) * width }
            var bars = Series.bars(lefts: lefts, rights: lefts.map { $0 + width }, heights: masses)
            bars.xTickSpacing = .outcomes
            return bars
        }
    }

    /// Number of outcomes 0…K−1 drawn for a discrete distribution (at most `maximumOutcomes`).
    static func outcomeCount(_ d: any Distribution) -> Int {
        if case .discrete(let count) = d.support { return min(max(count, 1), maximumOutcomes) }
        return 1
    }

    /// Widest plot area for bars of `outcomes` outcomes in the terminal, in characters: about
    /// 12 a bar, so that the axis ticks fall on whole outcomes.
    static func barChartWidth(outcomes: Int) -> Int { max(24, 12 * outcomes) }

    /// Largest number of outcomes drawn as bars.
    static let maximumOutcomes = 10_000

    /// Longest automatic title or legend label, in characters.
    static let captionLimit = 60

    /// `text` cut to `captionLimit` characters with "…" (descriptions of large distributions are long).
    static func caption(_ text: String) -> String {
        text.count <= captionLimit ? text : String(text.prefix(captionLimit - 1)) + "…"
    }

    /// "0 = A, 1 = B, 2 = C" for labelled outcomes (the axis shows the indices).
    /// Most outcomes whose names are written under the bars (more get a key instead).
    static let maxNamedTicks = 12

    static func outcomeKey(_ labels: [String]) -> String {
        caption(labels.enumerated().map { "\($0) = \($1)" }.joined(separator: ", "))
    }
}
