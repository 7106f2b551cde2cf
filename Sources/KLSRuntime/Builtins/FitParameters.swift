import KLSNumerics

/// The parameters of a fit as `init` spells them: the arguments of f, each a number, a vector
/// or a matrix, and their elements one after another as the vector the optimiser moves.
///
/// `init` is read with f's arity: a vector gives one number per argument when f takes that
/// many (the classic `minimize((μ, σ) -> …, [0, 1])`), or is the whole argument when f takes
/// one; a matrix is the whole argument when f takes one, else one row per argument; a list
/// gives its elements, one per argument. `fit.params` has the shape of `init`.
struct FitParameters {
    /// The shape of each argument of f (`[]` for a number).
    let shapes: [[Int]]
    /// The shape of `fit.params`: `init`'s when it is a number, vector or matrix; nil when it
    /// is a list (then `fit.params` is a list too).
    let arrayShape: [Int]?
    /// The initial values, the elements of the arguments one after another.
    let initial: [Double]
    /// True when every argument is a number (the classic fit of k numbers). Stored: each step
    /// of a fit reads it, and a key-path `allSatisfy` costs ~700 instructions a read.
    let allNumbers: Bool

    /// The layout of argument `index` of a fit whose function is `f`.
    init(_ a: Arguments, index: Int, function f: Value) throws {
        let accepts: (Int) -> Bool? = { n in
            guard case .closure(let c) = f else { return nil }
            return c.compiled.signature.mismatch(positional: n, labels: []) == nil
        }
        switch a[index] {
        case .list(let items):
            var shapes: [[Int]] = []
            var values: [Double] = []
            for (i, item) in items.enumerated() {
                guard let v = item.asVar else {
                    throw a.fail(index, "must hold numbers, vectors or matrices (element \(i) is \(item.typeName))")
                }
                shapes.append(v.value.shape)
                values += v.value.data
            }
            self.init(shapes: shapes, arrayShape: nil, initial: values)
        default:
            guard let t = a[index].asVar?.value else { throw a.fail(index, "must be a number, a vector, a matrix or a list of them") }
            let rows = t.shape.first ?? 1
            if t.rank <= 1, !(t.count != 1 && accepts(t.count) == false && accepts(1) == true) {
                self.init(shapes: Array(repeating: [], count: t.count), arrayShape: t.isScalar ? [1] : t.shape, initial: t.data)
            } else if t.rank >= 2, accepts(1) == false, accepts(rows) == true {
                self.init(shapes: Array(repeating: Array(t.shape.dropFirst()), count: rows), arrayShape: t.shape, initial: t.data)
            } else {
                self.init(shapes: [t.shape], arrayShape: t.shape, initial: t.data)
            }
        }
    }

    private init(shapes: [[Int]], arrayShape: [Int]?, initial: [Double]) {
        self.shapes = shapes
        self.arrayShape = arrayShape
        self.initial = initial
        allNumbers = shapes.allSatisfy { $0.isEmpty }
    }


    /// What `init` holds, for a message about f's arity: "3 values", "2 elements",
    /// "one matrix(3×2)".
    var described: String {
        if arrayShape == nil { return "\(shapes.count) element\(shapes.count == 1 ? "" : "s")" }
        if shapes.count == 1, let shape = shapes.first, !shape.isEmpty { return "one \(Tensor.describe(shape: shape))" }
        return "\(initial.count) value\(initial.count == 1 ? "" : "s")"
    }

    /// The arguments of f at the flat parameters `flat`, as constants.
    func arguments(_ flat: [Double]) -> [Value] {
        var offset = 0
        return shapes.map { shape in
            let n = Tensor.elementCount(shape)
            defer { offset += n }
            return shape.isEmpty ? .number(flat[offset]) : .tensor(Tensor(shape: shape, data: Array(flat[offset ..< offset + n])))
        }
    }

    /// `fit.params` for the flat parameters: shaped as `init`, or a list when `init` is one.
    func value(_ flat: [Double]) -> Value {
        if let arrayShape { return .tensor(Tensor(shape: arrayShape, data: flat)) }
        return .list(arguments(flat))
    }

    /// A name for every flat element from the names of f's arguments: `σ` for a number,
    /// `w[2]` for an element of a vector, `W[1, 0]` of a matrix (for plots and messages).
    func elementNames(_ names: [String]) -> [String] {
        zip(names, shapes).flatMap { name, shape -> [String] in
            switch shape.count {
            case 0: return [name]
            case 1: return (0..<shape[0]).map { "\(name)[\($0)]" }
            default:
                let columns = Tensor.elementCount(Array(shape.dropFirst()))
                return (0..<Tensor.elementCount(shape)).map { "\(name)[\($0 / max(columns, 1)), \($0 % max(columns, 1))]" }
            }
        }
    }

    /// "μ = 2.5, w = [1, 2]": each argument by name at the flat parameters `flat`.
    func describe(_ names: [String], _ flat: [Double]) -> String {
        zip(names, arguments(flat)).map { "\($0) = \(ValueFormatter.inline($1))" }.joined(separator: ", ")
    }
}
