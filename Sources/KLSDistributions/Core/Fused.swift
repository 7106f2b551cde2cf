import Foundation
import KLSNumerics

/// Elementwise functions of a tensor `x` and up to two scalar parameters, each recorded as
/// ONE tape node with a hand-written gradient rule: the forward pass is a single tight loop
/// over x's contiguous storage, the backward pass a single loop that produces ∂/∂x
/// elementwise and ∂/∂θ₀, ∂/∂θ₁ summed over the elements.
enum Fused {
    /// y = value(x) for every element of x (any shape), nan where x is nan; `partials(x, y)`
    /// returns (∂y/∂x, ∂y/∂θ₀, ∂y/∂θ₁). Elements whose y is not finite get zero gradients.
    @inline(__always)
    static func map(_ x: Var, _ parameters: [Var], value: (Double) -> Double,
                    partials: @escaping (Double, Double) -> SIMD3<Double>) -> Var {
        let xt = x.value
        let n = xt.count
        let ys = [Double](unsafeUninitializedCapacity: n) { out, initialized in
            xt.data.withUnsafeBufferPointer { px in
                for i in 0..<n {
                    let v = px[i]
                    out[i] = v.isNaN ? v : value(v)
                }
            }
            initialized = n
        }
        let y = Tensor(shape: xt.shape, data: ys)
        let inputs = [x] + parameters
        guard inputs.contains(where: { $0.isTracked }) else { return .constant(y) }
        let needX = x.isTracked
        let shapes = parameters.map { $0.value.shape }
        return Var.make(y, from: inputs) { g in
            var gx = needX ? [Double](repeating: 0, count: n) : []
            var sums = SIMD3<Double>(0, 0, 0)
            xt.data.withUnsafeBufferPointer { px in
                ys.withUnsafeBufferPointer { py in
                    g.data.withUnsafeBufferPointer { pg in
                        for i in 0..<n where py[i].isFinite && pg[i] != 0 {
                            let d = partials(px[i], py[i]) * pg[i]
                            if needX { gx[i] = d.x }
                            sums += d
                        }
                    }
                }
            }
            var grads: [Tensor?] = [needX ? Tensor(shape: xt.shape, data: gx) : nil]
            for (k, shape) in shapes.enumerated() {
                grads.append(Tensor(shape: shape, data: [k == 0 ? sums.y : sums.z]))
            }
            return grads
        }
    }

    /// log p(x) (`exponentiate` false) or p(x) (true) from a log-density and its partials:
    /// the density's gradient is p(x) times the log-density's.
    @inline(__always)
    static func density(_ x: Var, _ parameters: [Var], exponentiate: Bool,
                        logDensity: (Double) -> Double,
                        logPartials: @escaping (Double) -> SIMD3<Double>) -> Var {
        if exponentiate {
            return map(x, parameters, value: { Foundation.exp(logDensity($0)) },
                       partials: { x, y in y == 0 ? .zero : y * logPartials(x) })
        }
        return map(x, parameters, value: logDensity, partials: { x, _ in logPartials(x) })
    }
}

extension Fused {
    /// z = value(a, b) elementwise for two tensors of one shape, as one tape node;
    /// `partials(a, b, z)` = (∂z/∂a, ∂z/∂b). Elements whose z is not finite get zero gradients.
    static func zip(_ a: Var, _ b: Var, value: (Double, Double) -> Double,
                    partials: @escaping (Double, Double, Double) -> (Double, Double)) -> Var {
        let at = a.value, bt = b.value
        let n = Swift.min(at.count, bt.count)
        var zs = [Double](repeating: 0, count: n)
        for i in 0..<n { zs[i] = value(at.data[i], bt.data[i]) }
        let z = Tensor(shape: at.count == n ? at.shape : [n], data: zs)
        return Var.make(z, from: [a, b]) { g in
            var ga = [Double](repeating: 0, count: at.count)
            var gb = [Double](repeating: 0, count: bt.count)
            for i in 0..<n where zs[i].isFinite && g.data[i] != 0 {
                let (da, db) = partials(at.data[i], bt.data[i], zs[i])
                ga[i] = g.data[i] * da
                gb[i] = g.data[i] * db
            }
            return [Tensor(shape: at.shape, data: ga), Tensor(shape: bt.shape, data: gb)]
        }
    }

    /// `first` where `mask` is true, `second` elsewhere (tensors of one shape), as one node.
    static func select(_ mask: [Bool], _ first: Var, _ second: Var) -> Var {
        let ft = first.value, st = second.value
        let n = Swift.min(mask.count, ft.count, st.count)
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n { out[i] = mask[i] ? ft.data[i] : st.data[i] }
        return Var.make(Tensor(shape: [n], data: out), from: [first, second]) { g in
            var gf = [Double](repeating: 0, count: ft.count)
            var gs = [Double](repeating: 0, count: st.count)
            for i in 0..<n {
                if mask[i] { gf[i] = g.data[i] } else { gs[i] = g.data[i] }
            }
            return [Tensor(shape: ft.shape, data: gf), Tensor(shape: st.shape, data: gs)]
        }
    }
}
