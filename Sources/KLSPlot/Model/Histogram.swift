import KLSBase

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

    /// Separate filled bars `[lefts[i], rights[i]]` of height `heights[i]`, each outlined on
    /// its own (a break between bars, so no line runs along y = 0 from one bar to the next):
    /// the bar chart of a discrete distribution's masses. A bar of height 0 draws nothing (as
    /// matplotlib's `bar`). Unequal lengths use the shortest.
    public static func bars(lefts: [Double], rights: [Double], heights: [Double], label: String = "", color: Int? = nil) -> Series {
        var x: [Double] = [], y: [Double] = []
        for i in 0..<Swift.min(lefts.count, rights.count, heights.count) where heights[i] != 0 {
            if !x.isEmpty { x.append(.nan); y.append(.nan) }
            x += [lefts[i], lefts[i], rights[i], rights[i]]
            y += [0, heights[i], heights[i], 0]
        }
        return Series(x: x, y: y, label: label, style: .line, fill: true, color: color)
    }

    /// A histogram of the finite `values`.
    ///
    /// With `bins`, that many equal-width bins (clamped to 1…`maximumBins`) span the values'
    /// minimum to maximum, as `numpy.histogram` does. Without, the bins are chosen so that ticks
    /// can sit on them (see `HistogramBins.automatic`): whole numbers get one bar per value centred
    /// on it (x ticks `TickSpacing.outcomes`), other values about √n bins of a 1-2-5 width with
    /// edges at its multiples (x ticks on bin edges). All-equal values get one bin of width 1
    /// centred on them.
    ///
    /// With `density` the bar heights are count / (n · width), so the bars' area is 1; otherwise
    /// they are counts, and the y ticks are whole numbers.
    public static func histogram(
        values: [Double], bins: Int? = nil, density: Bool = false, label: String = "", color: Int? = nil
    ) -> Series {
        let finite = values.filter(\.isFinite)
        guard let binning = bins.map({ HistogramBins.equalWidth(finite, count: $0) }) ?? HistogramBins.automatic(finite)
        else { return histogram(edges: [], counts: [], label: label, color: color) }
        var counts = [Double](repeating: 0, count: binning.edges.count - 1)
        for (index, value) in finite.enumerated() {
            if index & 0xFFFF == 0, Cancellation.isRequested { break }  // Ctrl-C: the caller discards it
            counts[binning.bin(of: value)] += 1
        }
        if density {
            let scale = 1 / (Double(finite.count) * binning.width)
            for index in counts.indices { counts[index] *= scale }
        }
        var series = histogram(edges: binning.edges, counts: counts, label: label, color: color)
        series.xTickSpacing = binning.tickSpacing
        series.yTickSpacing = density ? .automatic : .multiples(of: 1)
        return series
    }
}
