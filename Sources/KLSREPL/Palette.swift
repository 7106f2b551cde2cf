import Foundation
import KLSRuntime

/// The prompt's colours: ANSI escapes when colour is on, empty strings when it is off, so
/// callers write `palette.error + text + palette.reset` either way.
struct Palette {
    /// Whether escapes are written at all.
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    /// Colour only when the descriptor is a terminal, `TERM` is not `dumb` and `NO_COLOR` is
    /// unset (an empty `NO_COLOR` counts as set).
    static func forDescriptor(_ fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Palette {
        let terminal = isatty(fd) == 1 && environment["TERM"] != "dumb"
        return Palette(enabled: terminal && environment["NO_COLOR"] == nil)
    }

    /// The SGR escape `ESC[codem`, or nothing when colour is off.
    private func sgr(_ code: String) -> String { enabled ? "\u{1B}[\(code)m" : "" }

    // Roles: plain resets and emphasis; errors red; warnings yellow; headings bold cyan;
    // code (examples, function sources) bold.
    var reset: String { sgr("0") }
    var bold: String { sgr("1") }
    var dim: String { sgr("2") }
    var error: String { sgr("1;31") }
    var warning: String { sgr("33") }
    var heading: String { sgr("1;36") }
    var code: String { sgr("1") }

    /// The colour of a value's kind: numbers and numeric arrays cyan, strings green, booleans
    /// yellow, functions blue, structured objects (distributions, fits, codes) magenta, none dim.
    func color(of value: Value) -> String {
        switch value {
        case .number, .tensor, .tracked: return sgr("36")
        case .string: return sgr("32")
        case .object(let o) where o.stringValue != nil: return sgr("32")
        case .bool: return sgr("33")
        case .closure, .builtin: return sgr("34")
        case .object: return sgr("35")
        case .list: return ""
        case .none, .unset: return sgr("2")
        }
    }

    /// `text` in the colour of `value`'s kind.
    func paint(_ text: String, as value: Value) -> String {
        let start = color(of: value)
        return start.isEmpty ? text : start + text + reset
    }
}
