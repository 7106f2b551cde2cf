/// How a series wants the ticks of one axis placed, so that ticks mean something for its data.
///
/// A panel axis takes the strongest wish of its series: `outcomes` over `multiples`, and the
/// largest unit among `multiples`; `automatic` series do not constrain it.
public enum TickSpacing: Sendable, Equatable {
    /// Any 1-2-5 step; without fixed limits the axis is widened to whole steps.
    case automatic
    /// Steps of 1, 2 or 5 × 10^k `unit`s (1 for counts; a histogram's bin width, so that ticks
    /// fall on every 1st, 2nd, 5th, 10th, … bin edge); the axis is widened to whole steps as for
    /// `automatic`. The unit must be m × 10^e with a whole m ≤ 1000 (0.2, 0.25, 3); others are ignored.
    case multiples(of: Double)
    /// Bars centred on whole numbers (outcomes 0, 1, 2, …): whole-number 1-2-5 steps, so every
    /// tick sits at a bar centre, and the axis ends at the outer bar edges instead of being widened.
    case outcomes
}

extension TickSpacing {
    /// The strongest wish among several series' for one axis: `outcomes` if any series has it,
    /// else `multiples` of the largest unit asked for, else `automatic`.
    static func combined(_ spacings: [TickSpacing]) -> TickSpacing {
        var unit: Double?
        for spacing in spacings {
            switch spacing {
            case .outcomes: return .outcomes
            case .multiples(let multiple) where multiple.isFinite && multiple > 0:
                unit = Swift.max(unit ?? multiple, multiple)
            case .multiples, .automatic: continue
            }
        }
        return unit.map { .multiples(of: $0) } ?? .automatic
    }
}

/// A tick placed by hand: its position in data units and the text shown there (a category name).
public struct AxisTick: Sendable, Equatable {
    /// Position along the axis, in data units.
    public var value: Double
    /// Label drawn at the tick.
    public var label: String

    /// A tick at `value` labelled `label`.
    public init(_ value: Double, _ label: String) {
        self.value = value
        self.label = label
    }
}
