#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bracketed paste (xterm): while enabled, the terminal wraps pasted text in `start` and
/// `end`, so the editor can insert it verbatim instead of interpreting Tabs and newlines
/// as keys. libedit does not know it; `LineEditor` enables it around each `readLine`.
enum BracketedPaste {
    /// Turns bracketed paste on / off.
    static let enable = "\u{1B}[?2004h"
    static let disable = "\u{1B}[?2004l"
    /// What the terminal sends before / after pasted text.
    static let start = "\u{1B}[200~"
    static let end: [wchar_t] = "\u{1B}[201~".unicodeScalars.map { wchar_t(bitPattern: $0.value) }

    /// Pasted text as it should be inserted: carriage returns (what terminals send for the
    /// pasted line breaks) become newlines, `\r\n` one newline.
    static func normalized(_ pasted: String) -> String {
        var text = String.UnicodeScalarView()
        var afterReturn = false
        for scalar in pasted.unicodeScalars {
            if scalar == "\r" {
                text.append("\n")
                afterReturn = true
                continue
            }
            if !(scalar == "\n" && afterReturn) { text.append(scalar) }
            afterReturn = false
        }
        return String(text)
    }
}
