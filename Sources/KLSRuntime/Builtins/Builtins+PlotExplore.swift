import Foundation
import KLSPlot

/// `explore`: a formula turned into something to play with in front of a class — its plot
/// redrawn in place as keys move its parameters.
extension BuiltinRegistry {
    /// Declares `explore`.
    static func installExplore(_ r: BuiltinRegistry) {
        r.function("explore", [p("f"), p("ranges", .list([]), shown: "name=[low, high], …")], otherKeywords: true,
                   category: "plots",
                   summary: "Redraws f's plot as keys move its parameters, each named with its range: explore(f, μ=[-5, 10]).",
                   help: """
                   Each parameter of f is given as name=[low, high] (or [low, high, start]; the start is the middle by
                   default); f takes them and returns a plot (made with show=false or not) or numbers. At a terminal the
                   figure and the current values redraw in place: ←/→ or Tab choose a parameter, ↑/↓ change it by 1/50 of
                   its range (Shift+↑/↓ or Alt+↑/↓ by 1/500), r resets, Enter leaves with the current values as the result
                   (a list, in the order given); q, Esc or Ctrl-C leave too. The terminal is always restored. In a pipe or
                   a notebook it draws once, at the start values, and returns them.
                   """,
                   example: """
                   explore((μ, σ) -> plot(Normal(μ, σ), xlim=[-10, 15], show=false), μ=[-5, 10], σ=[0.5, 8])
                   """) { a in
            try explore(&a)
        }
    }

    /// One parameter of `explore`: its name, range, start and current value.
    struct ExploreKnob {
        let name: String
        let low: Double, high: Double, start: Double
        var value: Double

        /// Moves the value by `fraction` of the range, kept inside it.
        mutating func move(by fraction: Double) {
            value = min(max(value + fraction * (high - low), low), high)
        }
    }

    static func explore(_ a: inout Arguments) throws -> Value {
        let f = a[0]
        guard case .closure(let closure) = f else { throw a.fail(0, "must be a kls function of the named parameters") }
        let parameterNames = closure.decl.parameters.map(\.name.name)
        var knobs: [ExploreKnob] = []
        for pair in try a.list(1) {
            guard case .list(let items) = pair, items.count == 2, case .string(let name) = items[0] else { continue }
            guard parameterNames.contains(name) else {
                throw a.error("f has no parameter '\(name)' (its parameters: \(parameterNames.joined(separator: ", ")))")
            }
            guard let range = PlotData.tensor(items[1])?.data, range.count == 2 || range.count == 3,
                  range.allSatisfy(\.isFinite), range[0] < range[1] else {
                throw a.error("\(name)= must be [low, high] or [low, high, start] with low < high")
            }
            let start = range.count == 3 ? range[2] : (range[0] + range[1]) / 2
            guard start >= range[0], start <= range[1] else { throw a.error("the start of \(name) must lie in [low, high]") }
            knobs.append(ExploreKnob(name: name, low: range[0], high: range[1], start: start, value: start))
        }
        guard !knobs.isEmpty else { throw a.error("give each parameter of f a range, e.g. explore(f, μ=[-5, 10])") }
        for name in parameterNames where !knobs.contains(where: { $0.name == name }) {
            throw a.error("the parameter '\(name)' of f needs a range: \(name)=[low, high]")
        }
        let order = parameterNames.compactMap { name in knobs.firstIndex { $0.name == name } }
        let interp = a.interpreter
        let text = PlotText.current(interp)
        let raw = text.isTerminal ? RawTerminal() : nil
        guard let raw else {
            let (figure, printed) = try exploreFrame(f, knobs, order: order, interpreter: interp)
            if let figure { interp.write(text.render(figure)) }
            interp.write(printed + knobLine(knobs, selected: nil) + "\n")
            return exploreResult(knobs, figure: figure, interpreter: interp)
        }
        defer { raw.restore() }
        var animation = TerminalAnimation()
        var selected = 0
        var lastFigure: Figure?
        interp.write("\u{1B}[?25l")
        defer { interp.write("\u{1B}[?25h") }
        func redraw() throws {
            let (figure, printed) = try exploreFrame(f, knobs, order: order, interpreter: interp)
            lastFigure = figure ?? lastFigure
            let picture = figure.map { $0.renderTerminal(text.options(for: $0)) + "\n" } ?? ""
            interp.write(animation.nextFrame(picture + printed + knobLine(knobs, selected: selected) + "\n" + ExploreHelp.line))
        }
        try redraw()
        reading: while let keys = raw.readKeys() {
            for key in keys {
                switch key {
                case .left, .backTab: selected = (selected + knobs.count - 1) % knobs.count
                case .right, .tab: selected = (selected + 1) % knobs.count
                case .up: knobs[selected].move(by: 1.0 / 50)
                case .down: knobs[selected].move(by: -1.0 / 50)
                case .fineUp: knobs[selected].move(by: 1.0 / 500)
                case .fineDown: knobs[selected].move(by: -1.0 / 500)
                case .character("r"): for i in knobs.indices { knobs[i].value = knobs[i].start }
                case .enter, .escape, .interrupt, .character("q"): break reading
                default: continue
                }
            }
            try redraw()
        }
        return exploreResult(knobs, figure: lastFigure, interpreter: interp)
    }

    /// f at the knobs' values (its own printing captured, not shown): the figure it returned,
    /// or its numbers as text.
    static func exploreFrame(_ f: Value, _ knobs: [ExploreKnob], order: [Int], interpreter: Interpreter) throws -> (Figure?, String) {
        let write = interpreter.write
        var captured = ""
        interpreter.write = { captured += $0 }
        defer { interpreter.write = write }
        let result = try interpreter.call(f, order.map { .number(knobs[$0].value) })
        if case .object(let plot as PlotValue) = result { return (plot.figure, "") }
        return (nil, "f = " + ValueFormatter.inline(result) + "\n")
    }

    /// "μ = 2.5   [σ = 4.25]": the values, the selected one in brackets.
    static func knobLine(_ knobs: [ExploreKnob], selected: Int?) -> String {
        knobs.enumerated().map { i, k in
            let text = "\(k.name) = \(String(format: "%.4g", k.value))"
            return i == selected ? "[\(text)]" : " \(text) "
        }.joined(separator: "  ")
    }

    /// The values as a list (in the order given); the last figure becomes savefig's.
    static func exploreResult(_ knobs: [ExploreKnob], figure: Figure?, interpreter: Interpreter) -> Value {
        if let figure { interpreter.lastFigure = PlotValue(figure) }
        return .list(knobs.map { .number($0.value) })
    }
}

/// The key help shown under an interactive `explore`.
enum ExploreHelp {
    static let line = "←/→ Tab choose · ↑/↓ change (Shift: fine) · r reset · Enter keep · q quit\n"
}
