import Foundation
import KLSBase

/// A function of a 1-D slice with its gradient rule, applied to every slice along an axis by
/// `Var.along` (or to all elements with `AxisLayout.flat`). Written once per operation:
/// the whole-array and the axis forms of `prod`, and the axis forms of `sum`, `max`, … share it.
public struct SliceOperation: Sendable {
    /// True when each slice maps to a slice of the same length (the shape is kept); false when
    /// it maps to one number (the axis is removed).
    public let keepsAxis: Bool
    /// The result of one slice (one number, or `length` numbers when `keepsAxis`).
    let forward: @Sendable ([Double]) throws -> [Double]
    /// (slice, its result, gradient of the result) → gradient of the slice.
    let backward: @Sendable ([Double], [Double], [Double]) -> [Double]

    /// Σ xₖ.
    public static let sum = SliceOperation(keepsAxis: false, forward: { [Tensor(vector: $0).sum()] },
                                           backward: { x, _, g in [Double](repeating: g[0], count: x.count) })
    /// (Σ xₖ) / n (nan for an empty slice).
    public static let mean = SliceOperation(keepsAxis: false, forward: { [Tensor(vector: $0).mean()] },
                                            backward: { x, _, g in [Double](repeating: g[0] / Double(x.count), count: x.count) })
    /// Π xₖ; ∂/∂xₖ = Π_{j≠k} xⱼ from prefix and suffix products (exact with zeros among the xⱼ).
    public static let prod = SliceOperation(keepsAxis: false, forward: { [$0.reduce(1, *)] }, backward: { x, _, g in
        var out = [Double](repeating: g[0], count: x.count)
        var before = 1.0
        for k in x.indices { out[k] *= before; before *= x[k] }
        var after = 1.0
        for k in x.indices.reversed() { out[k] *= after; after *= x[k] }
        return out
    })
    /// log Σ exp xₖ, stable; ∂/∂xₖ = exp((xₖ − max) − log Σ exp(x − max)), not exp(xₖ − lse),
    /// which is 1 at [1e300, 1e300] where lse rounds to 1e300.
    public static let logsumexp = SliceOperation(keepsAxis: false, forward: { [Tensor(vector: $0).logsumexp()] },
                                                 backward: { x, _, g in
        let (m, logSum) = Tensor(vector: x).shiftedLogSumExp()
        return x.map { Foundation.exp(($0 - m) - logSum) * g[0] }
    })
    /// Running sums; ∂/∂xₖ = Σ_{j≥k} gⱼ.
    public static let cumsum = SliceOperation(keepsAxis: true, forward: { Tensor(vector: $0).cumsum().data }, backward: { _, _, g in
        var out = g
        var s = 0.0
        for k in out.indices.reversed() { s += out[k]; out[k] = s }
        return out
    })
    /// exp(xₖ − lse); ∂/∂x = (g − ⟨g, s⟩)·s.
    public static let softmax = SliceOperation(keepsAxis: true, forward: { Tensor(vector: $0).softmax().data }, backward: { _, s, g in
        let inner = zip(g, s).reduce(0) { $0 + $1.0 * $1.1 }
        return zip(g, s).map { ($0 - inner) * $1 }
    })
    /// The largest element (nan if any is nan); the gradient goes to the first largest.
    public static let max = extremum(largest: true)
    /// The smallest element (nan if any is nan); the gradient goes to the first smallest.
    public static let min = extremum(largest: false)

    private static func extremum(largest: Bool) -> SliceOperation {
        @Sendable func position(_ x: [Double]) -> Int? {
            largest ? Tensor(vector: x).argmax() : Tensor(vector: x).argmin()
        }
        return SliceOperation(keepsAxis: false, forward: { x in
            guard let i = position(x) else { throw NumericError.invalidArgument("empty vector") }
            return [x[i]]
        }, backward: { x, _, g in
            var out = [Double](repeating: 0, count: x.count)
            if let i = position(x) { out[i] = g[0] }
            return out
        })
    }
}

extension Var {
    /// `operation` applied to every slice of `a` along `layout`'s axis, differentiable.
    public static func along(_ a: Var, _ operation: SliceOperation, _ layout: AxisLayout) throws -> Var {
        let x = a.value
        let y = try x.alongAxis(layout, keepsAxis: operation.keepsAxis, operation.forward)
        guard a.isTracked else { return .constant(y) }
        return make(y, from: [a]) { g in
            [x.sliceGradient(layout, keepsAxis: operation.keepsAxis, result: y, gradient: g, operation.backward)]
        }
    }
}

extension Tensor {
    /// ∂/∂self of an operation along `layout`'s axis that gave `result`, from the gradient of
    /// the result, slice by slice (stopped early, partial, by Ctrl-C: the caller discards it).
    fileprivate func sliceGradient(_ layout: AxisLayout, keepsAxis: Bool, result: Tensor, gradient: Tensor,
                                   _ backward: ([Double], [Double], [Double]) -> [Double]) -> Tensor {
        let n = layout.length, inner = layout.inner
        let m = keepsAxis ? n : 1
        var out = [Double](repeating: 0, count: count)
        var xs = [Double](repeating: 0, count: n)
        var ys = [Double](repeating: 0, count: m)
        var gs = [Double](repeating: 0, count: m)
        slices: for o in 0..<layout.outer {
            for i in 0..<inner {
                for k in 0..<n { xs[k] = data[(o * n + k) * inner + i] }
                for k in 0..<m {
                    ys[k] = result.data[(o * m + k) * inner + i]
                    gs[k] = gradient.data[(o * m + k) * inner + i]
                }
                let dx = backward(xs, ys, gs)
                for k in 0..<n { out[(o * n + k) * inner + i] = dx[k] }
                if Cancellation.isRequested { break slices }  // a slice costs far more than a look
            }
        }
        return Tensor(shape: shape, data: out)
    }
}
