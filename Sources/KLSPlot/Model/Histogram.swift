extension Series {
    /// Largest number of bins `histogram(values:bins:)` accepts; larger requests are lowered to it.
    public static let maximumBins = 10_000

    /// A filled staircase outlining bars `[edges[i], edges[i+1]]` of height `counts[i]`.
    ///
    /// The outline starts and ends on y = 0. Extra edges or counts beyond
    /// `min(edges.count - 1, counts.count)` bars are ignored.
    public static func histogram(edges: [Double], counts: [Double], label: String = "", color: Int? = nil) -> Series {
        let barCount = Swift.max(0, Swift.min(edges.count - 1, counts.count))
        guard barCount > 0 else { return Series(x: [], y: [], label: label, style: .step, fill: true, color: color) }
        var x = [edges[0]]
        x.append(contentsOf: edges[0...barCount])
        var y = [0.0]
        y.append(contentsOf: counts[0..<barCount])
        y.append(0)
        return Series(x: x, y: y, label: label, style: .step, fill: true, color: color)
    }

    /// A histogram of the finite `values` in `bins` equal-width bins spanning their minimum to maximum.
    ///
    /// With `density` the bar heights are count / (n · width), so the bars' area is 1.
    /// `bins` is clamped to 1…`maximumBins`; all-equal values get one bin of width 1 centred on them.
    public static func histogram(
        values: [Double], bins: Int, density: Bool = false, label: String = "", color: Int? = nil
    ) -> Series {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else {
            return histogram(edges: [], counts: [], label: label, color: color)
        }
        let range = binningRange(low: low, high: high)
        let lower = range.lower
        let binCount = Swift.min(Swift.max(bins, 1), maximumBins)
        let width = range.span / Double(binCount)
        var counts = [Double](repeating: 0, count: binCount)
        for value in finite {
            let position = ((value - lower) / width).rounded(.down)
            let clamped = position.isFinite ? Swift.min(Swift.max(position, 0), Double(binCount - 1)) : 0
            counts[Int(clamped)] += 1
        }
        if density {
            let scale = 1 / (Double(finite.count) * width)
            for index in counts.indices { counts[index] *= scale }
        }
        let edges = (0...binCount).map { lower + Double($0) * width }
        return histogram(edges: edges, counts: counts, label: label, color: color)
    }

    /// The interval binned for data spanning `low…high`: the data itself (within ±1e300),
    /// or `low ± 0.5` when all values are equal (`AxisRange.sanitized` when ±0.5 is lost to rounding).
    private static func binningRange(low: Double, high: Double) -> AxisRange {
        let limit = AxisRange.magnitudeLimit
        if high > low { return AxisRange(Swift.max(low, -limit), Swift.min(high, limit)) }
        let unit = AxisRange(low - 0.5, low + 0.5)
        if unit.span > 0, unit.upper <= limit, unit.lower >= -limit { return unit }
        return AxisRange(low, low).sanitized ?? AxisRange(-1, 1)
    }
}
