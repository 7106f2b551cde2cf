import KLSBase
import KLSNumerics

/// Vector builtins: constructors, reductions, and linear algebra.
extension BuiltinRegistry {
    static func installVectors(_ r: BuiltinRegistry) {
        r.function("linspace", [p("a"), p("b"), p("n", .number(100))], category: "vectors",
                   summary: "n evenly spaced points from a to b, both ends included (as torch.linspace).",
                   example: "linspace(0, 1, 5)") { a in
            .tensor(try Tensor.linspace(try a.number(0), try a.number(1), try a.count(2)))
        }
        r.function("range", [p("start"), p("stop", Value.none), p("step", .number(1))], category: "vectors",
                   summary: "range(n) is 0, 1, …, n−1; range(a, b) is a, …, b−1; an optional step.",
                   help: "With a fractional step the length is ⌈(stop − start)/step⌉ (NumPy's arange): range(1, 1.3, 0.1) has 4 elements. `for i in range(…)` walks the same numbers.",
                   example: "range(2, 6)", compilerForm: .countingLoop) { a in
            let (start, stop) = a.has(1) ? (try a.number(0), try a.number(1)) : (0, try a.number(0))
            return .tensor(try Tensor.range(start, stop, try a.number(2)))
        }
        r.function("zeros", [p("n"), p("m", Value.none)], category: "vectors",
                   summary: "A vector of n zeros (or an n×m matrix).", example: "zeros(3)") { a in
            .tensor(Tensor(repeating: 0, shape: try shapeArgument(a)))
        }
        r.function("ones", [p("n"), p("m", Value.none)], category: "vectors",
                   summary: "A vector of n ones (or an n×m matrix).", example: "ones(3)") { a in
            .tensor(Tensor(repeating: 1, shape: try shapeArgument(a)))
        }
        r.function("sum", [p("v"), axisParameter], category: "vectors", summary: "Σ of all elements, or along an axis.",
                   help: axisHelp, example: "sum([[1, 2], [3, 4]], axis=0)") { a in
            try alongAxis(a, .sum) { Var.sum($0) }
        }
        r.function("mean", [p("v"), axisParameter], category: "vectors",
                   summary: "Arithmetic mean of all elements (or along an axis); of a distribution, its mean E[X].",
                   help: axisHelp, example: "mean([[1, 2], [3, 4]], axis=1)") { a in
            if case .object(let o as DistributionValue) = a[0] {
                guard !a.has(1) else { throw a.fail(1, "applies to numbers, not to a distribution") }
                return Value(o.distribution.mean)
            }
            return try alongAxis(a, .mean) { Var.mean($0) }
        }
        r.function("prod", [p("v"), axisParameter], category: "vectors", summary: "Π of all elements, or along an axis.",
                   help: axisHelp + " The gradient is exact where elements are 0.", example: "prod([1, 2, 3, 4])") { a in
            try alongAxis(a, .prod) { try Var.along($0, .prod, .flat($0.value.shape)) }
        }
        for (name, largest) in [("max", true), ("min", false)] {
            r.function(name, [p("v"), p("others"), axisParameter], variadic: true, keywordOnly: 1, category: "vectors",
                       summary: "\(largest ? "Largest" : "Smallest") element of v (or along an axis); with several arguments, the elementwise \(name)imum.",
                       help: axisHelp + " The gradient goes to the first \(largest ? "largest" : "smallest") element; nan wins.",
                       example: "\(name)([[3, -1], [2, 5]], axis=1)") { a in
                let others = a.rest
                if others.isEmpty {
                    return try alongAxis(a, largest ? .max : .min, axisIndex: 2) { v in
                        guard let m = Var.extremum(v, largest: largest) else { throw a.error("empty vector") }
                        return m
                    }
                }
                guard !a.has(2) else { throw a.fail(2, "applies to one array, not to the elementwise \(name)imum of several") }
                var acc = try a.numeric(0)
                for o in others {
                    guard let t = o.asVar else { throw a.error("arguments must be numbers or vectors") }
                    acc = try elementwiseExtremum(acc, t, largest: largest, operation: name)
                }
                return Value(acc)
            }
        }
        for (name, largest) in [("argmax", true), ("argmin", false)] {
            r.function(name, [p("v"), axisParameter], category: "vectors",
                       summary: "0-based index of the first \(largest ? "largest" : "smallest") element (of the flattened array), or one per slice along an axis.",
                       help: axisHelp, example: "\(name)([[3, -1], [2, 5]], axis=0)") { a in
                let t = try a.tensor(0)
                func position(_ x: [Double]) throws -> [Double] {
                    guard let i = largest ? Tensor(vector: x).argmax() : Tensor(vector: x).argmin() else {
                        throw a.error("empty vector")
                    }
                    return [Double(i)]
                }
                guard let layout = try axisLayout(a, 1, of: t.shape) else { return .number(try position(t.data)[0]) }
                return Value(try t.alongAxis(layout, keepsAxis: false, position))
            }
        }
        r.function("cumsum", [p("v"), axisParameter], category: "vectors",
                   summary: "Running sums: cumsum(v)[i] = v[0] + … + v[i] (over the flattened elements, or along an axis).",
                   help: axisHelp, example: "cumsum([[1, 2], [3, 4]], axis=0)") { a in
            try alongAxis(a, .cumsum) { Var.cumsum($0) }
        }
        r.function("dot", [p("a"), p("b")], category: "vectors",
                   summary: "Σ aᵢbᵢ.", example: "dot([1, 2, 3], [4, 5, 6])") { a in
            Value(try Var.dot(try a.numeric(0), try a.numeric(1)))
        }
        r.function("softmax", [p("v"), axisParameter], category: "vectors",
                   summary: "exp(vᵢ) / Σ exp(vⱼ), computed stably; along an axis, each slice sums to 1.",
                   help: softmaxHelp, example: "softmax([[1, 2], [3, 5]], axis=1)") { a in
            try alongAxis(a, .softmax) { v in
                let shape = v.value.shape
                let layout = try AxisLayout.implicitSoftmaxAxis(rank: shape.count).map { try AxisLayout(shape: shape, axis: $0) }
                return try Var.along(v, .softmax, layout ?? .flat(shape))
            }
        }
        r.function("logsumexp", [p("v"), axisParameter], category: "vectors",
                   summary: "log Σ exp(vᵢ), computed stably (no overflow); or along an axis.",
                   help: axisHelp, example: "logsumexp([[1, 2], [3, 4]], axis=1)") { a in
            try alongAxis(a, .logsumexp) { Var.logsumexp($0) }
        }
        r.function("matmul", [p("a"), p("b")], category: "vectors",
                   summary: "Matrix product (matrix·matrix, matrix·vector, vector·matrix; of two vectors their dot product).",
                   help: "Each entry adds its products in dot's order, whichever way it is computed: matmul(transpose(A), v) is exactly the Aᵀv of matmul's gradient. No product is skipped: 0·inf is nan, as in torch.",
                   example: "matmul([[1, 2], [3, 4]], [1, 1])") { a in
            Value(try matmul(try a.numeric(0), try a.numeric(1)))
        }
        r.function("transpose", [p("m")], category: "vectors",
                   summary: "The transpose of a matrix.", example: "transpose([[1, 2], [3, 4]])") { a in
            let m = try a.numeric(0)
            guard m.isTracked else { return Value(m.value.transposed()) }
            return Value(Var.make(m.value.transposed(), from: [m]) { g in [g.transposed()] })
        }
        r.function("reshape", [p("v"), p("rows"), p("cols")], category: "vectors",
                   summary: "The elements of v as a rows×cols matrix (row-major).", example: "reshape([1, 2, 3, 4], 2, 2)") { a in
            let shape = [try a.count(1), try a.count(2)]
            guard let out = Var.reshape(try a.numeric(0), shape) else {
                throw a.error("cannot reshape \(a[0].typeName) into \(Tensor.describe(shape: shape))")
            }
            return Value(out)
        }
    }

    /// The `axis=` parameter of the reductions (none: all elements).
    static var axisParameter: BuiltinParameter { p("axis", Value.none) }

    static let axisHelp = """
        axis=0 works down the rows (one result per column), axis=1 along each row (one per row), as NumPy's
        axis and torch's dim; a negative axis counts from the last (-1 is the last axis). Without axis=, all
        elements at once. An axis the array does not have is an error.
        """

    /// softmax's help: `axisHelp`, but without axis= it follows torch's implicit dimension.
    static let softmaxHelp = """
        axis=0 works down the rows (each column sums to 1), axis=1 along each row (each row sums to 1), as
        NumPy's axis and torch's dim; a negative axis counts from the last. Without axis=, torch's implicit
        dimension: a vector as a whole, each row of a matrix (dim=1 for 2-D), axis 0 of a 3-D array.
        """

    /// The builtin's operation on argument 0: along the axis given as argument `axisIndex`
    /// with `operation`, or on all elements with `whole` when no axis is given.
    static func alongAxis(_ a: Arguments, _ operation: SliceOperation, axisIndex: Int = 1,
                          whole: (Var) throws -> Var) throws -> Value {
        let v = try a.numeric(0)
        guard let layout = try axisLayout(a, axisIndex, of: v.value.shape) else { return Value(try whole(v)) }
        do { return Value(try Var.along(v, operation, layout)) } catch let e as NumericError { throw a.error(e.description) }
    }

    /// The layout of argument `i` as an axis of `shape` (nil when no axis is given).
    static func axisLayout(_ a: Arguments, _ i: Int, of shape: [Int]) throws -> AxisLayout? {
        guard a.has(i) else { return nil }
        let axis = try a.integer(i, in: -Tensor.maxRank...Tensor.maxRank)
        do { return try AxisLayout(shape: shape, axis: axis) } catch { throw a.error(error.description) }
    }

    /// The elementwise maximum (or minimum) of two broadcast operands; nan wins, and the first
    /// operand wins ties. The gradient flows to the operand that was taken, element by element.
    static func elementwiseExtremum(_ a: Var, _ b: Var, largest: Bool, operation: String) throws -> Var {
        let at = a.value, bt = b.value
        let takesFirst: (Double, Double) -> Bool = { x, y in x.isNaN || (largest ? x >= y : x <= y) }
        let out = try Broadcast.map(at, bt, operation: operation) { takesFirst($0, $1) ? $0 : $1 }
        guard a.isTracked || b.isTracked else { return .constant(out) }
        return Var.make(out, from: [a, b]) { g in
            guard let mask = try? Broadcast.map(at, bt, operation: operation, { takesFirst($0, $1) ? 1 : 0 }) else {
                return [nil, nil]
            }
            var ga = g, gb = g
            for i in 0..<g.count {
                ga.data[i] *= mask.data[i]
                gb.data[i] *= 1 - mask.data[i]
            }
            return [Broadcast.reduce(ga, to: at.shape), Broadcast.reduce(gb, to: bt.shape)]
        }
    }

    /// The matrix product a·b (matrix·matrix, matrix·vector, vector·matrix), differentiable:
    /// ∂/∂a = G·bᵀ, ∂/∂b = aᵀ·G, with a vector read as a row (on the left) or a column (on the
    /// right); only a factor that carries gradients gets one (a data matrix X in X·w does not).
    static func matmul(_ a: Var, _ b: Var) throws -> Var {
        let at = a.value, bt = b.value
        let product = try Tensor.matmul(at, bt)
        let (tracksA, tracksB) = (a.isTracked, b.isTracked)
        guard tracksA || tracksB else { return .constant(product) }
        return Var.make(product, from: [a, b]) { g in
            let left = at.rank == 1 ? Tensor(shape: [1, at.count], data: at.data) : at
            let right = bt.rank == 1 ? Tensor(shape: [bt.count, 1], data: bt.data) : bt
            guard left.rank == 2, right.rank == 2 else { return [nil, nil] }
            let g2 = Tensor(shape: [left.shape[0], right.shape[1]], data: g.data)
            let ga = tracksA ? Tensor(shape: at.shape, data: Tensor.matmulTransposedRight(g2, right).data) : nil
            let gb = tracksB ? Tensor(shape: bt.shape, data: Tensor.matmulTransposedLeft(left, g2).data) : nil
            return [ga, gb]
        }
    }

    /// The shape `[n]` or `[n, m]` of `zeros`/`ones`, validated before allocation.
    static func shapeArgument(_ a: Arguments) throws -> [Int] {
        let n = try a.count(0)
        guard a.has(1) else { return [n] }
        let m = try a.count(1)
        guard n.multipliedReportingOverflow(by: m).overflow == false, n * m <= Tensor.maxElements else {
            throw a.error("\(n)×\(m) is too large (at most \(Tensor.maxElements) elements)")
        }
        if let problem = MemoryBudget.problem(making: n * m * MemoryLayout<Double>.size, "a \(n)×\(m) matrix") {
            throw a.error(problem)
        }
        return [n, m]
    }
}
