import Foundation

extension Panel {
    /// Number of points a logarithmic axis cannot show (x or y not positive on a log axis),
    /// for a warning; 0 with linear axes.
    public var pointsHiddenByLogScale: Int {
        guard xscale == .log || yscale == .log else { return 0 }
        var count = 0
        for series in series {
            for index in 0..<series.pointCount {
                let x = series.x[index], y = series.y[index]
                guard x.isFinite, y.isFinite else { continue }
                if (xscale == .log && x <= 0) || (yscale == .log && y <= 0) { count += 1 }
            }
        }
        return count
    }

    /// The panel as the renderers draw it: with a logarithmic axis, coordinates, limits and
    /// the contour grid's extent become log₁₀ of the data (not positive: left out, as matplotlib
    /// does) and the ticks sit on decades. Linear panels are returned unchanged.
    var drawable: Panel {
        guard xscale == .log || yscale == .log else { return self }
        var panel = self
        panel.xscale = .linear
        panel.yscale = .linear
        for index in panel.series.indices {
            if xscale == .log { panel.series[index].x = panel.series[index].x.map(LogAxis.log) }
            if yscale == .log { panel.series[index].y = panel.series[index].y.map(LogAxis.log) }
            panel.series[index].xTickSpacing = .automatic
            panel.series[index].yTickSpacing = .automatic
            if panel.series[index].fill { panel.series[index].fill = false }
        }
        panel.contour = nil
        let bounds = DataBounds(panel: panel, margins: false)
        if xscale == .log {
            let range = panel.xlim.flatMap(LogAxis.logRange) ?? LogAxis.decades(bounds.x)
            panel.xlim = range
            if panel.xticks == nil { panel.xticks = LogAxis.ticks(range) }
        }
        if yscale == .log {
            let range = panel.ylim.flatMap(LogAxis.logRange) ?? LogAxis.decades(bounds.y)
            panel.ylim = range
            if panel.yticks == nil { panel.yticks = LogAxis.ticks(range) }
        }
        return panel
    }
}

/// Logarithmic axes drawn as linear axes of log₁₀ of the data.
enum LogAxis {
    /// log₁₀ x for positive x, NaN otherwise (a gap in the line).
    static func log(_ x: Double) -> Double { x > 0 ? log10(x) : .nan }

    /// Limits given in data units, in log units; nil when a bound is not positive.
    static func logRange(_ range: AxisRange) -> AxisRange? {
        guard range.lower > 0, range.upper > 0 else { return nil }
        return AxisRange(log10(range.lower), log10(range.upper)).sanitized
    }

    /// The data's extent in log units widened to whole decades (at least one).
    static func decades(_ range: AxisRange) -> AxisRange {
        let low = range.lower.rounded(.down), high = Swift.max(range.upper.rounded(.up), low + 1)
        return AxisRange(low, high)
    }

    /// Ticks on the decades of `range` (every 2nd, 5th, … when there are more than 8), labelled
    /// "0.01", "0.1", "1", "10", "100", "1000" or "1e-5", "1e6"; over at most two decades also at
    /// 2 and 5 times each decade.
    static func ticks(_ range: AxisRange) -> [AxisTick] {
        let first = Int(range.lower.rounded(.up)), last = Int(range.upper.rounded(.down))
        let count = last - first + 1
        let every = count > 8 ? [1, 2, 5, 10, 20, 50, 100].first { count / $0 <= 8 } ?? 100 : 1
        var ticks: [AxisTick] = []
        var exponent = first
        while exponent <= last {
            if exponent % every == 0 || every == 1 { ticks.append(AxisTick(Double(exponent), decadeLabel(exponent))) }
            exponent += 1
        }
        if range.span <= 2 {
            for decade in Int(range.lower.rounded(.down))...Int(range.upper.rounded(.down)) {
                for mantissa in [2.0, 5.0] {
                    let value = Double(decade) + log10(mantissa)
                    guard value >= range.lower, value <= range.upper else { continue }
                    ticks.append(AxisTick(value, label(mantissa, decade)))
                }
            }
            ticks.sort { $0.value < $1.value }
        }
        return ticks
    }

    /// "1", "10", "0.01", or "1e6" beyond 10⁻³…10⁴.
    static func decadeLabel(_ exponent: Int) -> String { label(1, exponent) }

    private static func label(_ mantissa: Double, _ exponent: Int) -> String {
        let m = Int(mantissa)
        guard (-3...4).contains(exponent) else { return "\(m)e\(exponent)" }
        if exponent >= 0 { return String(m) + String(repeating: "0", count: exponent) }
        return "0." + String(repeating: "0", count: -exponent - 1) + String(m)
    }
}
