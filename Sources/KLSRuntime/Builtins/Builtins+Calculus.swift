import KLSNumerics

/// Reverse-mode differentiation of kls functions.
extension BuiltinRegistry {
    static func installCalculus(_ r: BuiltinRegistry) {
        r.function("grad", [p("f"), p("x"), p("more")], variadic: true, category: "calculus",
                   summary: "Gradient of a scalar function at a point, by reverse-mode autodiff (exact).",
                   help: """
                   grad(f, a) gives df/da (a number, or a vector when a is a vector);
                   grad(f, a, b, …) gives the vector of partial derivatives [∂f/∂a, ∂f/∂b, …].
                   Derivatives of derivatives (a grad inside a function being differentiated
                   that depends on the outer point) are not supported: that is an error.
                   """,
                   example: "grad(x -> x^2, 3)") { a in
            let f = try a.function(0)
            let points = [a[1]] + a.rest
            let grads = try gradient(of: f, at: points, interpreter: a.interpreter, name: "grad")
            if grads.count == 1 { return Value(grads[0]) }
            if grads.allSatisfy(\.isScalar) { return .tensor(Tensor(vector: grads.map { $0.data[0] })) }
            return .list(grads.map { Value($0) })
        }
    }

    /// ∂f/∂pointᵢ for each point, evaluating f once on a fresh tape.
    static func gradient(of f: Value, at points: [Value], interpreter: Interpreter, name: String) throws -> [Tensor] {
        let tape = Tape()
        defer { tape.close() }
        var leaves: [Node] = []
        for (i, point) in points.enumerated() {
            guard let v = point.asVar else {
                throw BuiltinError("\(name): point \(i) must be a number or a vector (got \(point.typeName))")
            }
            leaves.append(tape.leaf(v.value))
        }
        let result = try interpreter.call(f, leaves.map { .tracked($0) })
        if tape.mixed {
            throw BuiltinError("\(name): the function depends on a value being differentiated by an enclosing grad or fit; derivatives of derivatives are not supported (differentiate the inner derivative by hand, or use finite differences)")
        }
        guard let out = result.asVar, out.value.count == 1 else {
            throw BuiltinError("\(name): the function must return a single number (got \(result.typeName))")
        }
        guard let node = out.node else { return leaves.map { Tensor(repeating: 0, shape: $0.value.shape) } }
        let grads = tape.gradients(of: node, withRespectTo: leaves)
        return zip(leaves, grads).map { leaf, g in g ?? Tensor(repeating: 0, shape: leaf.value.shape) }
    }
}
