import KLSNumerics
import KLSPlot

/// Turning kls values into plot series: vectors and matrices, kls functions on an interval,
/// and a fit's history (distributions: Builtins+PlotDistributions.swift).
enum PlotData {
    /// Points on which a continuous density or a function is drawn.
    static let curvePoints = 400

    // MARK: Numbers

    /// A numeric value (number, vector, matrix, or a list of numbers or vectors) as a tensor.
    static func tensor(_ value: Value) -> Tensor? {
        if let v = value.asVar { return v.value }
        if case .list(let items) = value, !items.isEmpty, let v = try? Interpreter.numericList(items) { return v.value }
        return nil
    }

    /// The y vectors held by a value: a vector (or number list) is one, a matrix gives its
    /// rows (its columns when only those match `length`), a list of vectors gives each.
    static func rows(_ value: Value, length: Int?) -> [[Double]]? {
        if case .list(let items) = value, items.contains(where: isVector) {
            var rows: [[Double]] = []
            for item in items {
                guard let t = tensor(item), t.rank <= 1 else { return nil }
                rows.append(t.data)
            }
            return rows
        }
        guard let t = tensor(value) else { return nil }
        switch t.rank {
        case 0, 1: return [t.data]
        case 2:
            let (r, c) = (t.shape[0], t.shape[1])
            let matrixRows = (0..<r).map { Array(t.data[($0 * c)..<(($0 + 1) * c)]) }
            if let length, c != length, r == length {
                return (0..<c).map { j in (0..<r).map { t.data[$0 * c + j] } }
            }
            return matrixRows
        default: return nil
        }
    }

    private static func isVector(_ value: Value) -> Bool {
        if case .tensor(let t) = value { return t.rank == 1 }
        if case .tracked(let n) = value { return n.value.rank == 1 }
        return false
    }

    /// `n` evenly spaced points from `low` to `high`, both included.
    static func grid(_ low: Double, _ high: Double, count n: Int = curvePoints) -> [Double] {
        guard n > 1 else { return [low] }
        let step = (high - low) / Double(n - 1)
        var points = (0..<n).map { low + Double($0) * step }
        points[n - 1] = high
        return points
    }

    // MARK: Functions

    /// f on `x`: one call with the whole vector when f accepts it and returns as many values,
    /// otherwise one call per point (each must give a number).
    static func values(of f: Value, at x: [Double], interpreter: Interpreter, name: String) throws -> [Double] {
        if let whole = try? interpreter.call(f, [.tensor(Tensor(vector: x))]), let t = tensor(whole),
           t.rank == 1, t.count == x.count {
            return t.data
        }
        return try x.map { point in
            let y = try interpreter.call(f, [.number(point)])
            guard let t = tensor(y), t.count == 1 else {
                throw BuiltinError("\(name): the function must return a number (got \(y.typeName) at x = \(ValueFormatter.number(point)))")
            }
            return t.data[0]
        }
    }

    /// The name of a callable for a legend: a named kls function or builtin, a lambda's text as
    /// typed (`x -> sin(x)`, spaces folded, cut to `captionLimit`), else "function N".
    static func functionName(_ f: Value, position: Int, interpreter: Interpreter) -> String {
        switch f {
        case .closure(let c) where c.decl.name != nil: return c.name
        case .closure(let c):
            let text = c.definitionFile.text(of: c.decl.span).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return text.isEmpty ? "function \(position + 1)" : caption(text)
        case .builtin(let b): return b.name
        default: return "function \(position + 1)"
        }
    }

    /// The parameter names of a kls function (nil for builtins).
    static func functionParameterNames(_ f: Value) -> [String]? {
        if case .closure(let c) = f { return c.decl.parameters.map(\.name.name) }
        return nil
    }

    // MARK: Fits

    /// The seed's figure of a fit: the loss against the step, then each parameter against the
    /// step, each panel with its y-label, two panels per row; when that leaves a cell empty and
    /// the fit has at least two parameters, the last cell shows the path of the first two
    /// parameters (hollow mark at the start, filled at the end).
    static func fitFigure(_ fit: FitValue) -> Figure {
        let lossName = fit.maximizing ? "objective" : "loss"
        var panels = [Panel(series: [Series(y: fit.losses)], title: "\(lossName) vs step", xlabel: "step", ylabel: lossName)]
        let k = fit.params.count
        let columns = (0..<k).map { traceColumn(fit, $0) }
        for (j, name) in fit.names.enumerated() where j < k {
            panels.append(Panel(series: [Series(y: columns[j], color: j + 1)], title: "\(name) vs step", xlabel: "step", ylabel: name))
        }
        if panels.count % 2 == 1, k >= 2 {
            panels.append(Panel(series: [pathSeries(fit, label: "")], title: "path of (\(fit.names[0]), \(fit.names[1]))",
                                xlabel: fit.names[0], ylabel: fit.names[1]))
        }
        return Figure(rows: (panels.count + 1) / 2, cols: panels.count == 1 ? 1 : 2, panels: panels)
    }

    /// Parameter `j` of a fit before each step.
    static func traceColumn(_ fit: FitValue, _ j: Int) -> [Double] {
        let k = fit.params.count, steps = fit.losses.count
        var column = [Double](repeating: 0, count: steps)
        fit.trace.withUnsafeBufferPointer { trace in
            for i in 0..<steps where i * k + j < trace.count { column[i] = trace[i * k + j] }
        }
        return column
    }

    /// A fit's path through its first two parameters up to step `upTo` (all steps when nil),
    /// marked at its ends, or only at its current end while `moving`.
    static func pathSeries(_ fit: FitValue, label: String, upTo last: Int? = nil, moving: Bool = false, color: Int? = nil) -> Series {
        let end = min(last ?? fit.losses.count - 1, fit.losses.count - 1) + 1
        var series = Series(x: Array(traceColumn(fit, 0).prefix(end)), y: Array(traceColumn(fit, 1).prefix(end)),
                            label: label, color: color)
        series.marker = .circle
        series.markerPoints = moving ? .last : .ends
        return series
    }

    /// The optimisers of fits as a legend names them: the name alone ("Adam") when no other fit
    /// has the same one, else as written ("SGD(lr=0.01, momentum=0.9)").
    static func optimizerNames(_ fits: [FitValue]) -> [String] {
        let names = fits.map { String($0.optimizer.prefix { $0 != "(" }) }
        return fits.indices.map { i in names.filter { $0 == names[i] }.count > 1 ? fits[i].optimizer : names[i] }
    }
}
