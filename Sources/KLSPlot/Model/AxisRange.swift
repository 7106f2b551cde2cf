/// A closed interval of data values on one axis; unlike `ClosedRange` it never traps.
///
/// Reversed bounds are swapped, a zero-width interval is widened and non-finite bounds make
/// the range unusable (renderers then fall back to the data range); see `sanitized`.
public struct AxisRange: Sendable, Equatable {
    /// The smaller data value shown on the axis.
    public var lower: Double
    /// The larger data value shown on the axis.
    public var upper: Double

    /// A range from `lower` to `upper`, in data units.
    public init(_ lower: Double, _ upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// The width `upper - lower` in data units.
    var span: Double { upper - lower }

    /// The range ordered, widened when empty and limited to ±1e300; nil when a bound is not finite.
    var sanitized: AxisRange? {
        guard lower.isFinite, upper.isFinite else { return nil }
        let low = Swift.max(Swift.min(lower, upper), -Self.magnitudeLimit)
        let high = Swift.min(Swift.max(lower, upper), Self.magnitudeLimit)
        if high > low { return AxisRange(low, high) }
        let half = low == 0 ? 1 : Swift.abs(low) * 0.1
        return AxisRange(low - half, low + half)
    }

    /// Largest magnitude an axis bound may take, so that `upper - lower` stays finite.
    static let magnitudeLimit = 1e300
}
