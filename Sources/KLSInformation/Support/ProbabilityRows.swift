import KLSNumerics

/// The layout of a validated probability vector (one row) or matrix (one distribution per row).
struct ProbabilityRows {
    /// Number of distributions: 1 for a vector, the row count for a matrix.
    let count: Int
    /// Number of outcomes of each distribution.
    let width: Int
    /// Shape of a per-distribution result: a scalar for a vector, a vector for a matrix.
    let resultShape: [Int]

    /// Largest tolerated |Σp − 1|.
    static let sumTolerance = 1e-9

    /// The layout of a vector (one row) or matrix (rows) of `shape`, without checking values;
    /// other ranks are read as one row of all elements.
    init(layoutOf shape: [Int]) {
        if shape.count == 2 {
            (count, width, resultShape) = (shape[0], shape[1], [shape[0]])
        } else {
            (count, width, resultShape) = (1, Tensor.elementCount(shape), [])
        }
    }

    /// Checks that `t` is a vector or matrix of probability rows: non-empty, entries finite and
    /// non-negative, each row summing to 1 within `sumTolerance`. `name` is the argument as the
    /// user wrote it (`P`, `Q`), `measure` the function reporting the error (`KL`, `H`, ...).
    init(_ t: Tensor, name: String, measure: String) throws {
        let shape = t.shape
        switch shape.count {
        case 1: (count, width, resultShape) = (1, shape[0], [])
        case 2: (count, width, resultShape) = (shape[0], shape[1], [shape[0]])
        default:
            throw InformationError.invalid(
                "\(measure): \(name) must be a probability vector (or a matrix of rows), got a \(Tensor.describe(shape: shape))")
        }
        guard count > 0, width > 0 else { throw InformationError.invalid("\(measure): \(name) is empty") }
        try ProbabilityRows.checkEntries(t, shape: shape, name: name, measure: measure)
        for r in 0..<count {
            var s = 0.0
            for k in r * width ..< (r + 1) * width { s += t.data[k] }
            guard Swift.abs(s - 1) <= ProbabilityRows.sumTolerance else {
                let what = shape.count == 1 ? name : "row \(r) of \(name)"
                throw InformationError.invalid("\(measure): \(what) sums to \(NumberText.rounded(s)), not 1")
            }
        }
    }

    /// Checks that every entry is finite and non-negative, naming the first that is not.
    static func checkEntries(_ t: Tensor, shape: [Int], name: String, measure: String) throws {
        for (i, x) in t.data.enumerated() where !(x.isFinite && x >= 0) {
            let at = shape.count == 2 && shape[1] > 0 ? "\(name)[\(i / shape[1])][\(i % shape[1])]" : "\(name)[\(i)]"
            let problem = x.isFinite ? "is negative" : "is not finite"
            throw InformationError.invalid("\(measure): \(at) = \(NumberText.format(x)) \(problem)")
        }
    }

    /// Validates P and Q of one measure: each a probability vector or matrix, of equal shapes.
    static func pair(_ p: Tensor, _ q: Tensor, measure: String) throws -> ProbabilityRows {
        let rows = try ProbabilityRows(p, name: "P", measure: measure)
        let qRows = try ProbabilityRows(q, name: "Q", measure: measure)
        guard p.shape == q.shape else {
            if p.rank == 1, q.rank == 1 {
                throw InformationError.invalid(
                    "\(measure): P has \(rows.width) outcomes but Q has \(qRows.width); they must have the same length")
            }
            throw InformationError.invalid(
                "\(measure): P is a \(Tensor.describe(shape: p.shape)) but Q is a \(Tensor.describe(shape: q.shape)); they must have the same shape")
        }
        return rows
    }
}
