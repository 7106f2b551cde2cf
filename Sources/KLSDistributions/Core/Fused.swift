import Foundation
import KLSNumerics

/// An elementwise function y = value(x) with up to two scalar parameters θ₀, θ₁, and its
/// partials (∂y/∂x, ∂y/∂θ₀, ∂y/∂θ₁) given x and y. `Fused.map` is generic over it so that a
/// concrete kernel (e.g. the normal log-density) is inlined into both loops.
protocol FusedKernel {
    func value(_ x: Double) -> Double
    func partials(_ x: Double, _ y: Double) -> SIMD3<Double>
    /// Σᵢ gᵢ·(∂yᵢ/∂θ₀, ∂yᵢ/∂θ₁) over all elements, in a loop specialised for the kernel, or
    /// nil to use the general loop. Asked whether or not x needs a gradient (so ∂/∂θ has one
    /// operation order); must return nil unless every y is finite (the general loop skips
    /// the others).
    func parameterGradient(x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
                           g: UnsafeBufferPointer<Double>) -> SIMD2<Double>?
    /// Writes value(xᵢ) into `out` for every element (nan where xᵢ is nan) in a loop
    /// specialised for the kernel, and returns true; false to use the general loop.
    func fill(_ out: UnsafeMutableBufferPointer<Double>, from x: UnsafeBufferPointer<Double>) -> Bool
}

extension FusedKernel {
    func fill(_ out: UnsafeMutableBufferPointer<Double>, from x: UnsafeBufferPointer<Double>) -> Bool { false }

    func parameterGradient(x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
                           g: UnsafeBufferPointer<Double>) -> SIMD2<Double>? { nil }
}

/// A kernel made of two closures (the general case; one indirect call per element).
struct ClosureKernel: FusedKernel {
    let valueRule: (Double) -> Double
    let partialsRule: (Double, Double) -> SIMD3<Double>

    @inline(__always) func value(_ x: Double) -> Double { valueRule(x) }
    @inline(__always) func partials(_ x: Double, _ y: Double) -> SIMD3<Double> { partialsRule(x, y) }
}

/// Elementwise functions of a tensor `x` and up to two scalar parameters, each recorded as
/// ONE tape node with a hand-written gradient rule: the forward pass is a single tight loop
/// over x's contiguous storage, the backward pass a single loop that produces ∂/∂x
/// elementwise and ∂/∂θ₀, ∂/∂θ₁ summed over the elements.
enum Fused {
    /// y = value(x) for every element of x = inputs[0] (any shape), nan where x is nan, with
    /// parameters θ₀, θ₁ = inputs[1], inputs[2] (up to two); `partials(x, y)` returns
    /// (∂y/∂x, ∂y/∂θ₀, ∂y/∂θ₁). Elements whose y is not finite get zero gradients.
    @inline(__always)
    static func map(_ inputs: [Var], value: @escaping (Double) -> Double,
                    partials: @escaping (Double, Double) -> SIMD3<Double>) -> Var {
        map(inputs, kernel: ClosureKernel(valueRule: value, partialsRule: partials))
    }

    /// `map` with a kernel type: y = kernel.value(x) elementwise for x = inputs[0] (nan where
    /// x is nan), the parameters θ₀, θ₁ following x in `inputs`, and a
    /// backward pass that skips elements whose y is not finite or whose upstream gradient is 0.
    /// The parameter sums use two accumulators (alternate elements), so the loop pipelines.
    static func map<Kernel: FusedKernel>(_ inputs: [Var], kernel: Kernel) -> Var {
        let x = inputs[0], parameters = inputs.dropFirst()
        let xt = x.value
        let n = xt.count
        // One point (a scalar x) as an array literal: an array sized at run time costs a
        // lookup of its storage type in the Swift runtime, more than the point itself.
        let ys = n == 1 ? [xt.data[0].isNaN ? xt.data[0] : kernel.value(xt.data[0])]
            : [Double](unsafeUninitializedCapacity: n) { out, initialized in
            xt.data.withUnsafeBufferPointer { px in
                guard !kernel.fill(out, from: px) else { return }
                for i in 0..<n {
                    let v = px[i]
                    out[i] = v.isNaN ? v : kernel.value(v)
                }
            }
            initialized = n
        }
        let y = Tensor(shape: xt.shape, data: ys)
        let needX = x.isTracked
        guard needX || parameters.contains(where: { $0.isTracked }) else { return .constant(y) }
        return Var.make(y, from: inputs, scaledBackward: { scaled, sink in
            // The kernel's parameter sums are linear in g: they take g's tensor and the scale
            // multiplies the two sums (a scaled gradient is never materialised for them). They
            // are the parameters' gradients whether or not x is tracked too: one operation
            // order for ∂/∂θ, whatever else the gradient is taken of.
            if scaled.tensor.count == n, let sums = xt.data.withUnsafeBufferPointer({ px in
                ys.withUnsafeBufferPointer { py in
                    scaled.tensor.data.withUnsafeBufferPointer { pg in kernel.parameterGradient(x: px, y: py, g: pg) }
                }
            }) {
                let s = scaled.scale == 1 ? sums : sums * scaled.scale
                if needX {
                    // ∂/∂x elementwise, as the general loop below computes it.
                    let g = scaled.materialized
                    var gx = [Double](repeating: 0, count: n)
                    for i in 0..<n where ys[i].isFinite && g.data[i] != 0 {
                        gx[i] = kernel.partials(xt.data[i], ys[i]).x * g.data[i]
                    }
                    sink.send(Gradient(Tensor(shape: xt.shape, data: gx)), toInput: 0)
                }
                for (k, parameter) in parameters.enumerated() {
                    sink.send(Fused.parameterGradient(k == 0 ? s.x : s.y, shape: parameter.value.shape), toInput: 1 + k)
                }
                return
            }
            let g = scaled.materialized
            var gx = needX ? [Double](repeating: 0, count: n) : []
            var even = SIMD3<Double>(0, 0, 0), odd = SIMD3<Double>(0, 0, 0)
            xt.data.withUnsafeBufferPointer { px in
                ys.withUnsafeBufferPointer { py in
                    g.data.withUnsafeBufferPointer { pg in
                        gx.withUnsafeMutableBufferPointer { pgx in
                            @inline(__always) func term(_ i: Int) -> SIMD3<Double>? {
                                guard py[i].isFinite && pg[i] != 0 else { return nil }
                                let d = kernel.partials(px[i], py[i]) * pg[i]
                                if needX { pgx[i] = d.x }
                                return d
                            }
                            var i = 0
                            while i + 2 <= n {
                                if let d = term(i) { even += d }
                                if let d = term(i + 1) { odd += d }
                                i += 2
                            }
                            if i < n, let d = term(i) { even += d }
                        }
                    }
                }
            }
            let sums = even + odd
            if needX { sink.send(Gradient(Tensor(shape: xt.shape, data: gx)), toInput: 0) }
            for (k, parameter) in parameters.enumerated() {
                sink.send(Fused.parameterGradient(k == 0 ? sums.y : sums.z, shape: parameter.value.shape), toInput: 1 + k)
            }
        })
    }

    /// The gradient of a one-element parameter (a scalar one needs no tensor of its own).
    @inline(__always)
    private static func parameterGradient(_ value: Double, shape: [Int]) -> Gradient {
        shape.isEmpty ? .scalar(value) : Gradient(Tensor(shape: shape, data: [value]))
    }

    /// log p(x) (`exponentiate` false) or p(x) (true) from a log-density and its partials:
    /// the density's gradient is p(x) times the log-density's.
    @inline(__always)
    static func density(_ inputs: [Var], exponentiate: Bool,
                        logDensity: @escaping (Double) -> Double,
                        logPartials: @escaping (Double) -> SIMD3<Double>) -> Var {
        if exponentiate {
            return map(inputs, value: { Foundation.exp(logDensity($0)) },
                       partials: { x, y in y == 0 ? .zero : y * logPartials(x) })
        }
        return map(inputs, value: logDensity, partials: { x, _ in logPartials(x) })
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
        guard a.isTracked || b.isTracked else { return .constant(z) }
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
        guard first.isTracked || second.isTracked else { return .constant(Tensor(shape: [n], data: out)) }
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
