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
    init(data: AxisRange, fixed: AxisRange?, targetIntervals: Double) {
        let target = Swift.max(1, targetIntervals.isFinite ? targetIntervals : 1)
        let base = fixed ?? data
        var best: (score: Double, step: TickStep, low: Int, high: Int)?
        for step in TickStep.candidates(around: base.span / target) {
            let (low, high) = Self.tickIndexRange(base, step: step, loose: fixed == nil)
            guard high >= low else { continue }
            let shown = fixed ?? AxisRange(step.tick(low), step.tick(high))
            let intervals = fixed == nil ? Double(high - low) : base.span / step.value
            let unused = shown.span > 0 ? 1 - base.span / shown.span : 0
            let score = Swift.abs(log(Swift.max(intervals, 0.5) / target)) + 3 * unused
            if best == nil || score < (best?.score ?? .infinity) { best = (score, step, low, high) }
        }
        guard let choice = best else {
            self.init(range: base, values: [], labels: [])
            return
        }
        let values = (choice.low...choice.high).map { choice.step.tick($0) }
        let range = fixed ?? AxisRange(values.first ?? base.lower, values.last ?? base.upper)
        self.init(range: range, values: values, labels: TickLabelFormat(step: choice.step, values: values).labels)
    }

    private init(range: AxisRange, values: [Double], labels: [String]) {
        self.range = range
        self.values = values
        self.labels = labels
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

/// Compact tick labels sharing one number of decimals: "0", "0.5", "1e6", "2.5e-5".
struct TickLabelFormat {
    let step: TickStep
    let values: [Double]

    /// Labels in fixed notation with as many decimals as the step needs, or in short scientific
    /// notation when the ticks reach 1e6 or the step is below 1e-4.
    var labels: [String] {
        let largest = values.map { Swift.abs($0) }.max() ?? 0
        let scientific = largest >= 1e6 || step.exponent < -4
        return values.map { scientific ? scientificLabel($0) : fixedLabel($0) }
    }

    private func fixedLabel(_ value: Double) -> String {
        let decimals = Swift.max(0, -step.exponent)
        return withoutNegativeZero(String(format: "%.*f", decimals, value))
    }

    private func scientificLabel(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        let magnitude = Int(log10(Swift.abs(value)).rounded(.down))
        let digits = Swift.max(0, magnitude - step.exponent)
        let text = String(format: "%.*e", digits, value)
        guard let marker = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<marker]
        var exponent = text[text.index(after: marker)...]
        var sign = ""
        if exponent.first == "-" { sign = "-" }
        if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
        let trimmed = exponent.drop { $0 == "0" }
        return "\(mantissa)e\(sign)\(trimmed.isEmpty ? "0" : String(trimmed))"
    }

    private func withoutNegativeZero(_ text: String) -> String {
        guard text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) else { return text }
        return String(text.dropFirst())
    }
}
