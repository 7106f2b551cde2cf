import Foundation

/// Differentiable reductions, indexing and assembly of tensors from parts.
extension Var {
    /// Σ of all elements.
    public static func sum(_ a: Var) -> Var {
        let x = a.value
        guard a.isTracked else { return .constant(Tensor(scalar: x.sum())) }
        return make(Tensor(scalar: x.sum()), from: [a]) { g in
            [Tensor(repeating: g.data[0], shape: x.shape)]
        }
    }

    /// Mean of all elements.
    public static func mean(_ a: Var) -> Var {
        let x = a.value
        let n = Double(x.count)
        guard a.isTracked else { return .constant(Tensor(scalar: x.sum() / n)) }
        return make(Tensor(scalar: x.sum() / n), from: [a]) { g in
            [Tensor(repeating: g.data[0] / n, shape: x.shape)]
        }
    }

    /// Σ aᵢbᵢ.
    public static func dot(_ a: Var, _ b: Var) throws -> Var {
        let x = a.value, y = b.value
        let d = try Tensor.dot(x, y)
        guard a.isTracked || b.isTracked else { return .constant(Tensor(scalar: d)) }
        // ∂/∂a = g·b and ∂/∂b = g·a, handed over unscaled (no copies).
        return make(Tensor(scalar: d), from: [a, b], scaledBackward: { g, sink in
            let s = g.tensor.data[0] * g.scale
            sink.send(Gradient(Tensor(shape: x.shape, data: y.data), scale: s), toInput: 0)
            sink.send(Gradient(Tensor(shape: y.shape, data: x.data), scale: s), toInput: 1)
        })
    }

    /// log Σ exp, stable.
    public static func logsumexp(_ a: Var) -> Var {
        let x = a.value
        let lse = x.logsumexp()
        guard a.isTracked else { return .constant(Tensor(scalar: lse)) }
        // exp(x − m − log Σ), not exp(x − lse): at x = [1e300, 1e300], lse rounds to 1e300.
        let (m, logSum) = x.shiftedLogSumExp()
        return make(Tensor(scalar: lse), from: [a]) { g in
            [Tensor(shape: x.shape, data: x.data.map { Foundation.exp(($0 - m) - logSum) * g.data[0] })]
        }
    }

    /// softmax(x)ᵢ = exp(xᵢ − logsumexp x).
    public static func softmax(_ a: Var) -> Var {
        let s = a.value.softmax()
        guard a.isTracked else { return .constant(s) }
        return make(s, from: [a]) { g in
            let inner = zip(g.data, s.data).reduce(0) { $0 + $1.0 * $1.1 }
            return [Tensor(shape: s.shape, data: zip(g.data, s.data).map { ($0 - inner) * $1 })]
        }
    }

    /// Running sums.
    public static func cumsum(_ a: Var) -> Var {
        let x = a.value
        guard a.isTracked else { return .constant(x.cumsum()) }
        return make(x.cumsum(), from: [a]) { g in
            var out = g.data
            var s = 0.0
            for i in stride(from: out.count - 1, through: 0, by: -1) { s += out[i]; out[i] = s }
            return [Tensor(shape: x.shape, data: out)]
        }
    }

    /// The element at flat position `i` (as a scalar): the gradient flows to that element.
    public static func element(_ a: Var, _ i: Int) -> Var {
        let x = a.value
        guard a.isTracked else { return .constant(Tensor(scalar: x.data[i])) }
        return make(Tensor(scalar: x.data[i]), from: [a]) { g in
            var out = [Double](repeating: 0, count: x.count)
            out[i] = g.data[0]
            return [Tensor(shape: x.shape, data: out)]
        }
    }

    /// Sub-tensor `i` along the first axis (a row of a matrix, an element of a vector).
    public static func slice(_ a: Var, _ i: Int) -> Var? {
        let x = a.value
        guard let part = x.slice(at: i) else { return nil }
        let size = part.count
        guard a.isTracked else { return .constant(part) }
        return make(part, from: [a]) { g in
            var out = [Double](repeating: 0, count: x.count)
            for k in 0..<size { out[i * size + k] = g.data[k] }
            return [Tensor(shape: x.shape, data: out)]
        }
    }

    /// Parts of equal shape stacked along a new first axis (scalars → vector, vectors → matrix).
    public static func stack(_ parts: [Var]) throws -> Var {
        let inner = parts.first?.value.shape ?? []
        guard inner.count < Tensor.maxRank else {
            throw NumericError.tooLarge("stacking gives more than \(Tensor.maxRank) axes")
        }
        var data: [Double] = []
        data.reserveCapacity(parts.count * Tensor.elementCount(inner))
        for p in parts {
            guard p.value.shape == inner else {
                throw NumericError.shapeMismatch(operation: "stack", inner, p.value.shape)
            }
            data += p.value.data
        }
        let size = Tensor.elementCount(inner)
        let stacked = Tensor(shape: [parts.count] + inner, data: data)
        guard parts.contains(where: \.isTracked) else { return .constant(stacked) }
        return make(stacked, from: parts) { g in
            (0..<parts.count).map { k in Tensor(shape: inner, data: Array(g.data[k * size ..< (k + 1) * size])) }
        }
    }

    /// The vectors' elements one after another.
    public static func concat(_ parts: [Var]) -> Var {
        let sizes = parts.map { $0.value.count }
        let data = parts.flatMap { $0.value.data }
        guard parts.contains(where: \.isTracked) else { return .constant(Tensor(vector: data)) }
        return make(Tensor(vector: data), from: parts) { g in
            var offset = 0
            return zip(parts, sizes).map { p, n in
                defer { offset += n }
                return Tensor(shape: p.value.shape, data: Array(g.data[offset ..< offset + n]))
            }
        }
    }

    /// The value with another shape of the same element count.
    public static func reshape(_ a: Var, _ shape: [Int]) -> Var? {
        let x = a.value
        guard let r = x.reshaped(shape) else { return nil }
        guard a.isTracked else { return .constant(r) }
        return make(r, from: [a]) { g in [Tensor(shape: x.shape, data: g.data)] }
    }

    /// Maximum (or minimum) element; the gradient goes to the first extremal element.
    public static func extremum(_ a: Var, largest: Bool) -> Var? {
        let x = a.value
        guard let i = largest ? x.argmax() : x.argmin() else { return nil }
        return element(a, i)
    }
}
