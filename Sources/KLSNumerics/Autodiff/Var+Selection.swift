import KLSBase

/// Subscripts as differentiable operations: reading a selection (`v[1:3]`, `M[:, j]`) and
/// writing one (`v[1:3] = w`) record one node each, whose gradients go to exactly the
/// selected elements.
extension Var {
    /// The elements `selections` pick; the gradient flows back to those elements only.
    public static func select(_ a: Var, _ selections: [AxisSelection]) -> Var {
        let x = a.value
        let offsets = x.selectedOffsets(selections)
        // Ctrl-C while the offsets were found: an empty placeholder, which the caller discards.
        if Cancellation.isRequested { return .constant(Tensor(vector: [])) }
        let out = Tensor(shape: x.selectedShape(selections), data: x.gathering(offsets))
        guard a.isTracked else { return .constant(out) }
        return make(out, from: [a]) { g in
            var d = [Double](repeating: 0, count: x.count)
            for (k, o) in offsets.enumerated() { d[o] += g.data[k] }
            return [Tensor(shape: x.shape, data: d)]
        }
    }

    /// `a` with the elements `selections` pick replaced by `b` (broadcast to the selection).
    /// The gradient of `a` is the upstream one with the replaced elements zeroed; that of `b`
    /// the upstream gradient of the selected elements (summed where `b` was broadcast).
    public static func replacing(_ a: Var, _ selections: [AxisSelection], with b: Var) throws -> Var {
        var out = a.value
        try out.assign(b.value, at: selections)
        guard a.isTracked || b.isTracked else { return .constant(out) }
        let shape = a.value.shape, target = out.selectedShape(selections), valueShape = b.value.shape
        let offsets = out.selectedOffsets(selections)
        return make(out, from: [a, b]) { g in
            var da = g.data
            var db = [Double](repeating: 0, count: offsets.count)
            for (k, o) in offsets.enumerated() { db[k] = da[o]; da[o] = 0 }
            return [Tensor(shape: shape, data: da), Broadcast.reduce(Tensor(shape: target, data: db), to: valueShape)]
        }
    }
}
