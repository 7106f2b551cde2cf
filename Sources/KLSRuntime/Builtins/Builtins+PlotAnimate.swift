import Foundation
import KLSDistributions
import KLSNumerics
import KLSPlot

/// `animate`: the seed's picture of Q moving onto P as a fit's trace advances — redrawn in
/// place at a terminal, written as a GIF with `file=`, or its last frame in a pipe or file.
extension BuiltinRegistry {
    /// Declares `animate`.
    static func installAnimate(_ r: BuiltinRegistry) {
        r.function("animate", [p("fit"), p("target"), p("x", Value.none, shown: "auto"),
                               p("model", Value.none, shown: "Normal"), p("file", Value.none),
                               p("frames", .number(Double(defaultMaximumGIFFrames))), p("fps", .number(30)),
                               p("width", Value.none, shown: "640"), p("height", Value.none, shown: "420"),
                               p("y", Value.none, shown: "auto"), p("spacing", .string("path")),
                               p("levels", Value.none, shown: "auto"), p("filled", .bool(false)),
                               p("scale", Value.none, shown: "auto"), p("labels", Value.none, shown: "optimisers")],
                   category: "plots",
                   summary: "Shows Q = model(fit.trace[i]) moving onto the target P, or races fits over the contour of f.",
                   help: """
                   target is a distribution or its density on x (a vector as long as x); x defaults to where P and Q
                   are (then target must be a distribution). model maps the fit's parameters to Q: a distribution, or
                   Q's values on x; the default for a two-parameter fit is (μ, σ) -> Normal(μ, σ).
                   animate([fit1, fit2, …], f) races two-parameter fits over the contour of f(a, b) (levels=, filled= as
                   in contour): each a moving point with its trail, labelled with its current loss and its optimiser (or
                   labels=[…]); the ranges are x=[x0, x1] and y=[y0, y1], by default the paths' extent widened by 15%.
                   At a terminal the frames are redrawn in place, fps a second (Ctrl-C stops at the current frame);
                   with file="name.gif" they are written as a looping GIF of width × height pixels (scale= as in
                   savefig) that pauses 1.5 s on its last frame; when the output is not a terminal only the last frame
                   is printed. At most `frames` steps are shown: spacing="path" (the default) spaces them by the
                   distance the parameters travel, so the picture keeps moving while the fit does; "log" evenly in
                   log(step); "steps" evenly in the step. The axes and the title's position stay fixed.
                   Returns the last frame as a plot (for savefig).
                   """,
                   example: """
                   fit = minimize((m, s) -> KL(Normal(m, s) || Normal(3, 2)), [0, 1], Adam(lr=0.1), steps=100)
                   animate(fit, Normal(3, 2), file="/tmp/kls-animate-example.gif", frames=10, width=320, height=200)
                   """) { a in
            try animate(&a)
        }
    }

    /// Pause on the last frame of a GIF, in hundredths of a second.
    static let finalPause = 150

    /// Builds one frame per chosen step (P and Q with fixed axes, or the race over a contour),
    /// then plays, writes or prints them.
    static func animate(_ a: inout Arguments) throws -> Value {
        let frameLimit = try a.integer(5, in: 2...10_000)
        let fps = try a.number(6)
        guard fps > 0, fps <= 100 else { throw a.fail(6, "must be more than 0 and at most 100") }
        guard case .string(let spacingName) = a[10], let spacing = FrameSpacing(rawValue: spacingName) else {
            throw a.fail(10, "must be \"path\", \"log\" or \"steps\"")
        }
        if isList(a[0]) || callables(a[1]) != nil {
            return try present(a, frames: try raceFrames(a, spacing: spacing, frameLimit: frameLimit), fps: fps)
        }
        guard case .object(let fit as FitValue) = a[0] else {
            throw a.fail(0, "must be a fit (what minimize or maximize return) or a list of fits")
        }
        guard !fit.losses.isEmpty else { throw a.error("the fit has no steps to animate") }
        let q = QModel(fit: fit, model: a[3], interpreter: a.interpreter)
        let target = PlotData.distribution(a[1])

        let x: [Double]
        if a.has(2) {
            x = try a.vector(2).data
            guard x.count >= 2 else { throw a.fail(2, "must hold at least two points") }
        } else {
            guard let target else { throw a.error("x is needed when the target is not a distribution") }
            let ends = [try q.distribution(step: 0), try q.distribution(step: fit.losses.count - 1)].compactMap { $0 }
            let range = PlotData.jointRange([target.distribution] + ends)
            x = PlotData.grid(range.lower, range.upper, count: 1000)
        }
        let py: [Double]
        if let target {
            py = PlotData.density(target.distribution, at: x)
        } else {
            guard let t = PlotData.tensor(a[1]), t.rank == 1, t.count == x.count else {
                throw a.fail(1, "must be a distribution or a vector as long as x (\(x.count))")
            }
            py = t.data
        }

        let k = fit.params.count
        let trace = (0..<fit.losses.count).map { Array(fit.trace[($0 * k)..<(($0 + 1) * k)]) }
        let steps = spacing.indices(count: fit.losses.count, maximum: frameLimit, progress: FrameSpacing.progress(of: [trace]))
        var frames = try steps.map { step in
            let qy = try q.values(step: step, x: x)
            let panel = Panel(series: [Series(x: x, y: py, label: "P"), Series(x: x, y: qy, label: "Q")],
                              title: frameTitle(fit, step: step))
            return Figure(panel)
        }
        frames = Figure.withSharedLimits(frames)
        return try present(a, frames: frames, fps: fps)
    }

    /// Writes the frames to the GIF named by `file=`, hands them to the display (a notebook),
    /// plays them at a terminal, or prints the last.
    static func present(_ a: Arguments, frames: [Figure], fps: Double) throws -> Value {
        let interp = a.interpreter
        if a.has(4) {
            let path = try a.path(4)
            let size = try pictureSize(a, widthIndex: 7, heightIndex: 8, figure: frames[0])
            let scale = try drawingScale(a, 13)
            let delay = max(2, Int((100 / fps).rounded()))
            do throws(PlotError) {
                try writeGIF(frames: frames, path: path, width: size.width, height: size.height, scale: scale,
                             delayCentiseconds: delay, lastDelayCentiseconds: max(delay, finalPause), maximumFrames: frames.count)
            } catch {
                throw a.error(error.description)
            }
            return finish(interp, frames[frames.count - 1], note: "\(frames.count) frames in \(path)")
        }
        if let display = interp.display {
            let size = try pictureSize(a, widthIndex: 7, heightIndex: 8, figure: frames[0])
            let delay = max(2, Int((100 / fps).rounded()))
            display(.animation(frames, width: size.width, height: size.height, scale: try drawingScale(a, 13),
                               delayCentiseconds: delay, lastDelayCentiseconds: max(delay, finalPause)))
            return finish(interp, frames[frames.count - 1], note: nil)
        }
        let text = PlotText.current(interp)
        guard text.isTerminal else {
            let last = frames[frames.count - 1]
            interp.write(text.render(last))
            return finish(interp, last, note: nil)
        }
        let shown = play(frames, text: text, fps: fps, interpreter: interp)
        return finish(interp, frames[shown], note: "frame \(shown + 1) of \(frames.count)")
    }

    /// Draws the frames in place at `fps` a second; returns the index of the last one drawn
    /// (earlier than the end when Ctrl-C stopped it; the interrupt is then cleared).
    static func play(_ frames: [Figure], text: PlotText, fps: Double, interpreter: Interpreter) -> Int {
        let options = text.options(for: frames[0])
        var animation = TerminalAnimation()
        let clock = ContinuousClock()
        let interval = Duration.nanoseconds(Int64(1e9 / fps))
        interpreter.write("\u{1B}[?25l")
        defer { interpreter.write("\u{1B}[?25h") }
        for (index, frame) in frames.enumerated() {
            let due = clock.now + interval
            interpreter.write(animation.nextFrame(frame.renderTerminal(options)))
            if index == frames.count - 1 { return index }
            while clock.now < due {
                if interpreter.interrupt.requested {
                    interpreter.interrupt.requested = false
                    return index
                }
                let left = (due - clock.now).components
                let microseconds = left.seconds * 1_000_000 + left.attoseconds / 1_000_000_000_000
                usleep(UInt32(max(1, min(10_000, microseconds))))
            }
        }
        return frames.count - 1
    }

    /// The last frame as the result: kept for savefig.
    private static func finish(_ interpreter: Interpreter, _ figure: Figure, note: String?) -> Value {
        let plot = PlotValue(figure, note: note)
        interpreter.lastFigure = plot
        return .object(plot)
    }

    /// "step  1200   loss     0.1466   μ =     2.499, σ =     5.231": every field of a fixed
    /// width, padded with figure spaces (as wide as a digit), so that the title does not move.
    static func frameTitle(_ fit: FitValue, step: Int) -> String {
        let k = fit.params.count
        let params = zip(fit.names, fit.trace[(step * k)..<((step + 1) * k)]).map { "\($0) = \(fixedWidth($1))" }
        return "step \(fixedWidth(step, total: fit.losses.count))   \(fit.maximizing ? "objective" : "loss") \(fixedWidth(fit.losses[step]))   "
            + params.joined(separator: ", ")
    }

    /// Four significant digits, right-aligned in 10 characters with figure spaces.
    static func fixedWidth(_ x: Double) -> String { padded(String(format: "%.4g", x), to: 10) }

    /// A step number right-aligned in as many characters as the largest step takes.
    static func fixedWidth(_ step: Int, total: Int) -> String { padded(String(step), to: String(max(0, total - 1)).count) }

    /// `text` preceded by figure spaces (U+2007, digit-wide) up to `width` characters.
    static func padded(_ text: String, to width: Int) -> String {
        String(repeating: "\u{2007}", count: max(0, width - text.count)) + text
    }
}

/// Q at a step of a fit: the user's model applied to the step's parameters, or
/// Normal(θ₁, θ₂) for a two-parameter fit without one.
struct QModel {
    let fit: FitValue
    let model: Value
    let interpreter: Interpreter

    /// The parameters before `step`.
    func parameters(step: Int) -> [Double] {
        let k = fit.params.count
        return Array(fit.trace[(step * k)..<((step + 1) * k)])
    }

    /// What the model gives at a step: a distribution, or some other value (Q's values on x).
    enum Output {
        case distribution(any Distribution)
        case value(Value)
    }

    /// The model's output at `step`.
    func output(step: Int) throws -> Output {
        let θ = parameters(step: step)
        guard case .none = model else {
            let result = try interpreter.call(model, θ.map { .number($0) })
            if case .object(let d as DistributionValue) = result { return .distribution(d.distribution) }
            return .value(result)
        }
        guard θ.count == 2 else {
            throw BuiltinError("animate: model= is needed for a fit of \(θ.count) parameters, e.g. model=(a, b, c) -> …")
        }
        do { return .distribution(try Normal(mu: Var(θ[0]), sigma: Var(θ[1]))) } catch {
            throw BuiltinError("animate: Normal(\(ValueFormatter.number(θ[0])), \(ValueFormatter.number(θ[1]))) at step \(step): \(error)")
        }
    }

    /// Q as a distribution at `step`, or nil when the model gives values instead.
    func distribution(step: Int) throws -> (any Distribution)? {
        if case .distribution(let d) = try output(step: step) { return d }
        return nil
    }

    /// Q's values on `x` at `step`.
    func values(step: Int, x: [Double]) throws -> [Double] {
        switch try output(step: step) {
        case .distribution(let d): return PlotData.density(d, at: x)
        case .value(let result):
            guard let t = PlotData.tensor(result), t.rank == 1, t.count == x.count else {
                throw BuiltinError("animate: the model must return a distribution or a vector as long as x (\(x.count)); it gave \(result.typeName)")
            }
            return t.data
        }
    }
}
