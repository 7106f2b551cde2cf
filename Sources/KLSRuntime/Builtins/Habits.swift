/// Spellings from PyTorch, NumPy and Python habits that kls writes differently, with the answer
/// a "did you mean" gives: the one table the resolver (names, calls, module prefixes), field
/// lookup (`.log_prob`) and the prompt (`?KL`) consult. `HabitTests` checks every row.
public enum Habits {
    /// One row: what was written, and what to write in kls.
    public struct Row: Sendable {
        /// The spelling as written: a name (`log_prob`), a call (`help(KL)`), a field
        /// (`.log_prob`), a module prefix (`F.`) or the prompt's `?`.
        public let written: String
        /// The kls spelling; `X` stands for the argument or the name after the prefix.
        public let answer: String
    }

    /// The table. Names are matched exactly; `F.` rows drop the prefix from any name after it.
    public static let rows: [Row] = [
        Row(written: "log_prob", answer: "logpdf"),
        Row(written: ".log_prob", answer: "logpdf(dist, x)"),
        Row(written: "Momentum", answer: "SGD(momentum=0.9)"),
        Row(written: "AMSGrad", answer: "Adam(amsgrad=true)"),
        Row(written: "wasserstein", answer: "W1"),
        Row(written: "wasserstein_distance", answer: "W1"),
        Row(written: "help", answer: ":help"),
        Row(written: "help(X)", answer: ":help X"),
        Row(written: "?X", answer: ":help X"),
        Row(written: "exit", answer: ":quit"),
        Row(written: "exit()", answer: ":quit"),
        Row(written: "quit", answer: ":quit"),
        Row(written: "quit()", answer: ":quit"),
        Row(written: "F.", answer: "X"),
        Row(written: "torch.", answer: "X"),
        Row(written: "nn.", answer: "X"),
        Row(written: "np.", answer: "X"),
        Row(written: "numpy.", answer: "X"),
        Row(written: "scipy.", answer: "X"),
        Row(written: "math.", answer: "X"),
    ]

    private static func answer(_ written: String) -> String? {
        rows.first { $0.written == written }?.answer
    }

    /// The answer for an undefined name (`log_prob` → `logpdf`, `quit` → `:quit`).
    public static func name(_ name: String) -> String? { answer(name) }

    /// The answer for a call of an undefined name with the source text of its arguments
    /// (`help(KL)` → `:help KL`, `exit()` → `:quit`), or nil.
    public static func call(_ name: String, arguments: [String]) -> String? {
        if arguments.isEmpty, let a = answer(name + "()") { return a }
        if arguments.count == 1, let a = answer(name + "(X)") { return a.replacingOccurrences(of: "X", with: arguments[0]) }
        return nil
    }

    /// The answer for a missing field (`.log_prob` → `logpdf(dist, x)`), or nil.
    public static func field(_ name: String) -> String? { answer("." + name) }

    /// True when `name.` is a module prefix that kls names do without (`F`, `torch`, `np`, …).
    public static func isModule(_ name: String) -> Bool { answer(name + ".") != nil }

    /// The answer for the prompt's `?name` (`?KL` → `:help KL`).
    public static func question(_ topic: String) -> String? {
        answer("?X").map { $0.replacingOccurrences(of: "X", with: topic) }
    }
}
