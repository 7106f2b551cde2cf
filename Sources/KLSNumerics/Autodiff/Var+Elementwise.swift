/// Differentiable elementwise arithmetic and math functions on `Var`.
extension Var {
    /// `a op b` elementwise under broadcasting.
    public static func binary(_ op: BinaryOp, _ a: Var, _ b: Var) throws -> Var {
        let x = a.value, y = b.value
        let z = try op.apply(x, y)
        guard a.isTracked || b.isTracked else { return .constant(z) }
        if op == .add || op == .sub {
            // ∂/∂x = 1 and ∂/∂y = ±1: the upstream gradient itself (g·1 and g·(−1) are g and
            // −g exactly), summed down to each operand's shape.
            return make(z, from: [a, b]) { g in
                [Broadcast.reduce(g, to: x.shape),
                 Broadcast.reduce(op == .add ? g : UnaryOp.neg.apply(g), to: y.shape)]
            }
        }
        return make(z, from: [a, b]) { g in
            var gx = [Double](repeating: 0, count: z.count)
            var gy = [Double](repeating: 0, count: z.count)
            let xs = x.count == z.count ? x.data : Broadcast.expand(x, to: z.shape)
            let ys = y.count == z.count ? y.data : Broadcast.expand(y, to: z.shape)
            for i in 0..<z.count {
                let (dx, dy) = op.partials(xs[i], ys[i], z.data[i])
                gx[i] = g.data[i] * dx
                gy[i] = g.data[i] * dy
            }
            return [Broadcast.reduce(Tensor(shape: z.shape, data: gx), to: x.shape),
                    Broadcast.reduce(Tensor(shape: z.shape, data: gy), to: y.shape)]
        }
    }

    /// `f(a)` elementwise.
    public static func unary(_ op: UnaryOp, _ a: Var) -> Var {
        let x = a.value
        let y = op.apply(x)
        guard a.isTracked else { return .constant(y) }
        return make(y, from: [a]) { g in
            let gx = [Double](unsafeUninitializedCapacity: g.count) { out, initialized in
                g.data.withUnsafeBufferPointer { pg in
                    x.data.withUnsafeBufferPointer { px in
                        y.data.withUnsafeBufferPointer { py in
                            for i in 0..<pg.count { out[i] = pg[i] * op.derivative(px[i], py[i]) }
                        }
                    }
                }
                initialized = g.count
            }
            return [Tensor(shape: x.shape, data: gx)]
        }
    }

    public static func + (a: Var, b: Var) throws -> Var { try binary(.add, a, b) }
    public static func - (a: Var, b: Var) throws -> Var { try binary(.sub, a, b) }
    public static func * (a: Var, b: Var) throws -> Var { try binary(.mul, a, b) }
    public static func / (a: Var, b: Var) throws -> Var { try binary(.div, a, b) }
    public static prefix func - (a: Var) -> Var { unary(.neg, a) }
}

extension Broadcast {
    /// The elements of `t` repeated to fill `shape` (which `t` broadcasts to).
    static func expand(_ t: Tensor, to shape: [Int]) -> [Double] {
        if t.count == 1 { return [Double](repeating: t.data[0], count: Tensor.elementCount(shape)) }
        return sourceIndices(of: t.shape, in: shape).map { t.data[$0] }
    }
}
