import KLSBase

/// What a subscript selects along one axis: one position (the axis is dropped, as `M[i, :]`
/// drops the rows' axis), or `count` positions `start, start + step, …` (a slice, resolved
/// against the axis's length; `step` may be negative).
public enum AxisSelection: Equatable, Sendable {
    case at(Int)
    case range(start: Int, count: Int, step: Int)

    /// The positions of `v[start:stop:step]` along an axis of `length`, with Python's rules
    /// (`PySlice_AdjustIndices`): nil bounds are the ends in the step's direction, negative
    /// bounds count from the end, bounds out of range clamp. `step` must not be 0.
    public static func slice(start: Int?, stop: Int?, step: Int, length n: Int) -> AxisSelection {
        func adjust(_ bound: Int?, ifMissing: Int) -> Int {
            guard var b = bound else { return ifMissing }
            if b < 0 {
                b += n
                if b < 0 { b = step < 0 ? -1 : 0 }
            } else if b >= n {
                b = step < 0 ? n - 1 : n
            }
            return b
        }
        let first = adjust(start, ifMissing: step < 0 ? n - 1 : 0)
        let end = adjust(stop, ifMissing: step < 0 ? -1 : n)
        let count: Int
        if step > 0 { count = end > first ? (end - first - 1) / step + 1 : 0 }
        else { count = first > end ? (first - end - 1) / (-step) + 1 : 0 }
        return .range(start: first, count: count, step: step)
    }
}

extension Tensor {
    /// The shape of what `selections` pick (axes past the selections are taken whole).
    public func selectedShape(_ selections: [AxisSelection]) -> [Int] {
        var out: [Int] = []
        for (axis, extent) in shape.enumerated() {
            if axis >= selections.count { out.append(extent); continue }
            if case .range(_, let count, _) = selections[axis] { out.append(count) }
        }
        return out
    }

    /// The positions in `data` of the selected elements, in the row-major order of the
    /// selection. The caller guarantees every position is within its axis. Only the selected
    /// elements are visited: a column of a 1000×1000 matrix costs 1000 steps, not a million.
    /// Ctrl-C (`Cancellation`) stops it early, the rest 0s (the caller discards the result).
    public func selectedOffsets(_ selections: [AxisSelection]) -> [Int] {
        var strides = [Int](repeating: 1, count: rank)
        for axis in stride(from: rank - 2, through: 0, by: -1) { strides[axis] = strides[axis + 1] * shape[axis + 1] }
        // Each axis as (first offset, count, stride in data).
        var axes: [(first: Int, count: Int, stride: Int)] = []
        var base = 0
        for axis in 0..<rank {
            let selection = axis < selections.count ? selections[axis] : .range(start: 0, count: shape[axis], step: 1)
            switch selection {
            case .at(let i): base += i * strides[axis]
            case .range(let start, let count, let step): axes.append((start * strides[axis], count, step * strides[axis]))
            }
        }
        let total = axes.reduce(1) { $0 * $1.count }
        var offsets = [Int](repeating: 0, count: total)
        guard total > 0 else { return offsets }
        var counter = [Int](repeating: 0, count: axes.count)
        var offset = base + axes.reduce(0) { $0 + $1.first }
        for k in 0..<total {
            if k & 0xFFFF == 0, Cancellation.isRequested { break }
            offsets[k] = offset
            var axis = axes.count - 1
            while axis >= 0 {
                counter[axis] += 1
                offset += axes[axis].stride
                if counter[axis] < axes[axis].count { break }
                offset -= axes[axis].stride * counter[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
        return offsets
    }

    /// The elements `selections` pick, as a tensor of `selectedShape(selections)`.
    public func selecting(_ selections: [AxisSelection]) -> Tensor {
        Tensor(shape: selectedShape(selections), data: gathering(selectedOffsets(selections)))
    }

    /// The elements at `offsets`, in order. Ctrl-C stops it early, the rest 0s (the caller
    /// discards the result).
    func gathering(_ offsets: [Int]) -> [Double] {
        var out = [Double](repeating: 0, count: offsets.count)
        for k in offsets.indices {
            if k & 0xFFFF == 0, Cancellation.isRequested { break }
            out[k] = data[offsets[k]]
        }
        return out
    }

    /// `self[selections] = values`: `values` broadcasts (NumPy's rules) to the selected shape.
    /// Ctrl-C while the positions are found leaves `self` unchanged (the interpreter then
    /// reports `interrupted`); once writing has begun it goes to the end.
    public mutating func assign(_ values: Tensor, at selections: [AxisSelection]) throws {
        let target = selectedShape(selections)
        // One value (all extents 1, no more axes than the selection) fills it: no index per element.
        let single = values.count == 1 && values.rank <= target.count
        let source = single ? nil : try Tensor.broadcastSource(values.shape, to: target)
        let offsets = selectedOffsets(selections)
        if Cancellation.isRequested { return }
        if single {
            let x = values.data[0]
            for o in offsets { data[o] = x }
        } else {
            for (k, o) in offsets.enumerated() { data[o] = values.data[source?[k] ?? k] }
        }
    }

    /// For each element of a selection of shape `target`, the element of a tensor of `shape`
    /// that broadcasts onto it; nil when the shapes are equal (element k gives element k).
    /// An error when `shape` does not broadcast to `target`.
    static func broadcastSource(_ shape: [Int], to target: [Int]) throws -> [Int]? {
        if shape == target { return nil }
        guard Broadcast.shape(target, shape) == target else {
            throw NumericError.invalidArgument(
                "cannot assign \(Tensor.describe(shape: shape)) to a selection of shape \(Tensor.describe(shape: target))")
        }
        return Broadcast.sourceIndices(of: shape, in: target)
    }
}
