import Foundation

/// The limits, tick values and tick labels of one axis.
struct AxisTicks: Equatable {
    /// Data range shown on the axis.
    let range: AxisRange
    /// Tick positions in data units, increasing, all inside `range`.
    let values: [Double]
    /// One label per tick value.
    let labels: [String]

    /// Ticks for data spanning `data`, at about `targetIntervals` intervals of a 1-2-5 step.
    ///
    /// Without `fixed` the axis is widened outwards to whole steps ("loose" labelling as in
    /// Heckbert's Graphics Gems algorithm); with `fixed` the limits are kept and only ticks inside
    /// them are drawn. The step minimises |ln(intervals / target)| + 3 · (unused fraction of the
    /// axis), so that widening 0.14…2.22 to 0…4 (half the axis unused) loses to 0…2.5.
    ///
    /// `spacing` restricts the steps to 1, 2 or 5 × 10^k units (`.outcomes`: of 1, with the
    /// axis kept at the data's ends instead of widened); when no such step puts a tick on the
    /// axis, or the unit is not m × 10^e with a whole m ≤ 1000, any 1-2-5 step is used.
    /// Hand-placed `custom` ticks replace the chosen ones: the axis covers them and the data
    /// (or is `fixed`), and those outside it are left out.
    init(
        data: AxisRange, fixed: AxisRange?, targetIntervals: Double,
        spacing: TickSpacing = .automatic, custom: [AxisTick]? = nil
    ) {
        if let custom {
            self.init(custom: custom, data: data, fixed: fixed)
            return
        }
        let target = Swift.max(1, targetIntervals.isFinite ? targetIntervals : 1)
        let limits: AxisRange?, unit: Double?
        switch spacing {
        case .automatic: (limits, unit) = (fixed, nil)
        case .multiples(let multiple): (limits, unit) = (fixed, multiple)
        case .outcomes: (limits, unit) = (fixed ?? data, 1)
        }
        let base = limits ?? data
        let restricted = unit.flatMap(TickStep.init(unit:)).flatMap { unit in
            Self.bestStep(base, loose: limits == nil, target: target,
                          candidates: TickStep.candidates(around: base.span / target, inUnitsOf: unit))
        }
        guard let choice = restricted ?? Self.bestStep(base, loose: limits == nil, target: target,
                                                      candidates: TickStep.candidates(around: base.span / target))
        else {
            self.init(range: base, values: [], labels: [])
            return
        }
        let values = (choice.low...choice.high).map { choice.step.tick($0) }
        let range = limits ?? AxisRange(values.first ?? base.lower, values.last ?? base.upper)
        let labels = TickLabelFormat.labels(step: choice.step, indices: choice.low...choice.high)
        self.init(range: range, values: values, labels: labels)
    }

    /// Hand-placed ticks: the finite ones inside the axis, in increasing order. The axis is
    /// `fixed`, or else spans the data and the ticks.
    private init(custom: [AxisTick], data: AxisRange, fixed: AxisRange?) {
        let finite = custom.filter(\.value.isFinite)
        let hull = AxisRange(
            Swift.min(data.lower, finite.map(\.value).min() ?? data.lower),
            Swift.max(data.upper, finite.map(\.value).max() ?? data.upper))
        let range = fixed ?? hull.sanitized ?? data
        let shown = finite.filter { $0.value >= range.lower && $0.value <= range.upper }.sorted { $0.value < $1.value }
        self.init(range: range, values: shown.map(\.value), labels: shown.map(\.label))
    }

    private init(range: AxisRange, values: [Double], labels: [String]) {
        self.range = range
        self.values = values
        self.labels = labels
    }

    /// The best-scoring step among `candidates` with its tick indices, or nil when none puts a tick on the axis.
    private static func bestStep(
        _ base: AxisRange, loose: Bool, target: Double, candidates: [TickStep]
    ) -> (step: TickStep, low: Int, high: Int)? {
        var best: (score: Double, step: TickStep, low: Int, high: Int)?
        for step in candidates {
            let (low, high) = tickIndexRange(base, step: step, loose: loose)
            guard high >= low else { continue }
            let shown = loose ? AxisRange(step.tick(low), step.tick(high)) : base
            let intervals = loose ? Double(high - low) : base.span / step.value
            let unused = shown.span > 0 ? 1 - base.span / shown.span : 0
            let score = Swift.abs(log(Swift.max(intervals, 0.5) / target)) + 3 * unused
            if score < best?.score ?? .infinity { best = (score, step, low, high) }
        }
        return best.map { ($0.step, $0.low, $0.high) }
    }

    /// Indices i of ticks i · step: covering `range` when `loose`, inside it otherwise.
    /// Quotients within 1e-9 of an integer count as that integer, so 0.3 / 0.1 gives 3.
    private static func tickIndexRange(_ range: AxisRange, step: TickStep, loose: Bool) -> (Int, Int) {
        let lowQuotient = range.lower / step.value
        let highQuotient = range.upper / step.value
        let limit = 1e15
        guard Swift.abs(lowQuotient) < limit, Swift.abs(highQuotient) < limit else { return (1, 0) }
        let low = loose ? (lowQuotient + 1e-9).rounded(.down) : (lowQuotient - 1e-9).rounded(.up)
        let high = loose ? (highQuotient - 1e-9).rounded(.up) : (highQuotient + 1e-9).rounded(.down)
        return (Int(low), Int(high))
    }
}
