import Foundation

extension Information {
    /// An explanation (the text of `explain`) as Markdown with LaTeX, for front ends that
    /// render formulas (a notebook): its equations as one `aligned` block, the `=` signs
    /// aligned as in the text, Σ, ·, ‖, ½, logarithms and units as LaTeX; a note line after it.
    public static func explanationLaTeX(_ text: String) -> String {
        var equations: [String] = []
        var notes: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("(") {
                notes.append(String(trimmed))
            } else if trimmed.hasPrefix("= ") {
                equations.append("&= " + math(String(trimmed.dropFirst(2))))
            } else if let equals = trimmed.range(of: " = ") {
                equations.append(math(String(trimmed[..<equals.lowerBound])) + " &= " + math(String(trimmed[equals.upperBound...])))
            } else if !trimmed.isEmpty {
                notes.append(String(trimmed))
            }
        }
        var markdown = "$$\n\\begin{aligned}\n" + equations.joined(separator: " \\\\\n") + "\n\\end{aligned}\n$$"
        if !notes.isEmpty { markdown += "\n\n" + notes.joined(separator: "\n\n") }
        return markdown
    }

    /// One side of an equation in LaTeX.
    private static func math(_ s: String) -> String {
        var out = s
        for (unit, latex) in [(" units of log base ", "\\ \\text{units of log base }"), (" bits", "\\ \\text{bits}"),
                              (" nats", "\\ \\text{nats}"), (" dits", "\\ \\text{dits}")] {
            out = out.replacingOccurrences(of: unit, with: latex)
        }
        let symbols: [(String, String)] = [
            // A custom base first, so that the backslash it adds is not matched again.
            ("log_", "\\log_"), ("log10(", "\\log_{10}("), ("log2(", "\\log_2("), ("log(", "\\log("),
            ("Σ ", "\\sum "), ("·", " \\cdot "), ("‖", "\\,\\|\\,"), ("½", "\\tfrac{1}{2}"), ("…", "\\dots"),
        ]
        for (plain, latex) in symbols { out = out.replacingOccurrences(of: plain, with: latex) }
        return out
    }
}
