/// The dash pattern of a line, as matplotlib's linestyles "-", "--", ":" and "-.".
public enum LineDash: Sendable, Equatable, CaseIterable {
    case solid, dashed, dotted, dashDot

    /// The pattern named by a matplotlib linestyle ("-", "--", ":", "-.", or "solid", "dashed",
    /// "dotted", "dashdot"); nil for other text.
    public init?(name: String) {
        switch name {
        case "-", "solid": self = .solid
        case "--", "dashed": self = .dashed
        case ":", "dotted": self = .dotted
        case "-.", "dashdot": self = .dashDot
        default: return nil
        }
    }

    /// Alternating on and off lengths in line widths (empty for a solid line).
    var pattern: [Double] {
        switch self {
        case .solid: []
        case .dashed: [3.5, 2]
        case .dotted: [0.8, 1.6]
        case .dashDot: [3.5, 1.6, 0.8, 1.6]
        }
    }

    /// On and off runs in terminal dots (empty for a solid line).
    var dotPattern: [Int] {
        switch self {
        case .solid: []
        case .dashed: [4, 2]
        case .dotted: [1, 2]
        case .dashDot: [3, 2, 1, 2]
        }
    }
}

/// The shape of a mark drawn at data points, as matplotlib's markers "o", "s", "^", "x", "+", "D".
public enum MarkerShape: Sendable, Equatable, CaseIterable {
    case circle, square, triangle, cross, plus, diamond

    /// The shape named by a matplotlib marker code ("o", "s", "^", "x", "+", "D"); nil otherwise.
    public init?(name: String) {
        switch name {
        case "o", "circle": self = .circle
        case "s", "square": self = .square
        case "^", "triangle": self = .triangle
        case "x", "cross": self = .cross
        case "+", "plus": self = .plus
        case "D", "d", "diamond": self = .diamond
        default: return nil
        }
    }

    /// The codes `init(name:)` accepts first, for error messages.
    public static let codes = ["o", "s", "^", "x", "+", "D"]
}

/// Which points of a series carry its marker.
public enum MarkerPoints: Sendable, Equatable {
    /// Every point.
    case all
    /// The last point only (an optimiser's current position in a race).
    case last
    /// The first point (hollow start) and the last.
    case ends
}

extension SeriesPalette {
    /// Colour names `slot(named:)` accepts, in slot order (matplotlib's tab10 names; "C0"…"C7" too).
    public static let names = ["blue", "orange", "green", "red", "purple", "cyan", "pink", "grey"]

    /// The palette slot of a colour name ("red", "tab:red", "C3"; "gray" for "grey"); nil otherwise.
    public static func slot(named name: String) -> Int? {
        var key = name.lowercased()
        if key.hasPrefix("tab:") { key.removeFirst(4) }
        if key == "gray" { key = "grey" }
        if let index = names.firstIndex(of: key) { return index }
        if key.count == 2, key.first == "c", let digit = Int(String(key.last!)), digit < count { return digit }
        return nil
    }
}
