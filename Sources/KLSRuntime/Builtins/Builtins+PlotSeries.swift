import KLSDistributions
import KLSNumerics
import KLSPlot

/// Turning kls values into plot series: vectors and matrices, densities and mass functions
/// of distributions, kls functions on an interval, and a fit's history.
enum PlotData {
    /// Points on which a continuous density or a function is drawn.
    static let curvePoints = 400
    /// Probability left out in each tail of the range drawn for a continuous distribution.
    static let tailProbability = 0.001
    /// Fraction of that range added on each side, so edges and jumps stay visible.
    static let rangePadding = 0.05
    /// Width of the bars of one outcome of a discrete distribution (all overlaid ones together).
    static let barGroupWidth = 0.8

    // MARK: Numbers

    /// A numeric value (number, vector, matrix, or a list of numbers or vectors) as a tensor.
    static func tensor(_ value: Value) -> Tensor? {
        if let v = value.asVar { return v.value }
        if case .list(let items) = value, !items.isEmpty, let v = try? Interpreter.numericList(items) { return v.value }
        return nil
    }

    /// The y vectors held by a value: a vector (or number list) is one, a matrix gives its
    /// rows (its columns when only those match `length`), a list of vectors gives each.
    static func rows(_ value: Value, length: Int?) -> [[Double]]? {
        if case .list(let items) = value, items.contains(where: isVector) {
            var rows: [[Double]] = []
            for item in items {
                guard let t = tensor(item), t.rank <= 1 else { return nil }
                rows.append(t.data)
            }
            return rows
        }
        guard let t = tensor(value) else { return nil }
        switch t.rank {
        case 0, 1: return [t.data]
        case 2:
            let (r, c) = (t.shape[0], t.shape[1])
            let matrixRows = (0..<r).map { Array(t.data[($0 * c)..<(($0 + 1) * c)]) }
            if let length, c != length, r == length {
                return (0..<c).map { j in (0..<r).map { t.data[$0 * c + j] } }
            }
            return matrixRows
        default: return nil
        }
    }

    private static func isVector(_ value: Value) -> Bool {
        if case .tensor(let t) = value { return t.rank == 1 }
        if case .tracked(let n) = value { return n.value.rank == 1 }
        return false
    }

    /// `n` evenly spaced points from `low` to `high`, both included.
    static func grid(_ low: Double, _ high: Double, count n: Int = curvePoints) -> [Double] {
        guard n > 1 else { return [low] }
        let step = (high - low) / Double(n - 1)
        var points = (0..<n).map { low + Double($0) * step }
        points[n - 1] = high
        return points
    }

    // MARK: Distributions

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
            var edges: [Double] = [], heights: [Double] = []
            for k in 0..<count {
                let left = Double(k) - barGroupWidth / 2 + Double(index) * width
                edges += [left, left + width]
                heights += k + 1 < count ? [masses[k], 0] : [masses[k]]
            }
            return Series.histogram(edges: edges, counts: heights)
        }
    }

    /// Number of outcomes 0…K−1 drawn for a discrete distribution (at most `maximumOutcomes`).
    static func outcomeCount(_ d: any Distribution) -> Int {
        if case .discrete(let count) = d.support { return min(max(count, 1), maximumOutcomes) }
        return 1
    }

    /// Largest number of outcomes drawn as bars.
    static let maximumOutcomes = 10_000

    /// Longest automatic title or legend label, in characters.
    static let captionLimit = 60

    /// `text` cut to `captionLimit` characters with "…" (descriptions of large distributions are long).
    static func caption(_ text: String) -> String {
        text.count <= captionLimit ? text : String(text.prefix(captionLimit - 1)) + "…"
    }

    /// "0 = A, 1 = B, 2 = C" for labelled outcomes (the axis shows the indices).
    static func outcomeKey(_ labels: [String]) -> String {
        caption(labels.enumerated().map { "\($0) = \($1)" }.joined(separator: ", "))
    }

    // MARK: Functions

    /// f on `x`: one call with the whole vector when f accepts it and returns as many values,
    /// otherwise one call per point (each must give a number).
    static func values(of f: Value, at x: [Double], interpreter: Interpreter, name: String) throws -> [Double] {
        if let whole = try? interpreter.call(f, [.tensor(Tensor(vector: x))]), let t = tensor(whole),
           t.rank == 1, t.count == x.count {
            return t.data
        }
        return try x.map { point in
            let y = try interpreter.call(f, [.number(point)])
            guard let t = tensor(y), t.count == 1 else {
                throw BuiltinError("\(name): the function must return a number (got \(y.typeName) at x = \(ValueFormatter.number(point)))")
            }
            return t.data[0]
        }
    }

    /// The name of a callable for a legend: a named kls function or builtin, else "function N".
    static func functionName(_ f: Value, position: Int, interpreter: Interpreter) -> String {
        switch f {
        case .closure(let c) where c.decl.name != nil: return c.name
        case .builtin(let i): return interpreter.registry.builtins[i].name
        default: return "function \(position + 1)"
        }
    }

    // MARK: Fits

    /// The seed's figure of a fit: the loss against the step, then each parameter against the
    /// step, two panels per row.
    static func fitFigure(_ fit: FitValue) -> Figure {
        let lossName = fit.maximizing ? "objective" : "loss"
        var panels = [Panel(series: [Series(y: fit.losses)], title: "\(lossName) vs step", xlabel: "step")]
        let k = fit.params.count, steps = fit.losses.count
        for (j, name) in fit.names.enumerated() where j < k {
            var column = [Double](repeating: 0, count: steps)
            fit.trace.withUnsafeBufferPointer { trace in
                for i in 0..<steps where i * k + j < trace.count { column[i] = trace[i * k + j] }
            }
            panels.append(Panel(series: [Series(y: column, color: j + 1)], title: "\(name) vs step", xlabel: "step"))
        }
        return Figure(rows: (panels.count + 1) / 2, cols: panels.count == 1 ? 1 : 2, panels: panels)
    }
}
