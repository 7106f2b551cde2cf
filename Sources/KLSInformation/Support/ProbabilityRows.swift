import KLSNumerics

/// The layout of a validated probability vector (one row), matrix of distributions (one per
/// row), or joint distribution (a matrix whose entries sum to 1: one row of all its cells).
struct ProbabilityRows {
    /// Number of distributions: 1 for a vector, the row count for a matrix.
    let count: Int
    /// Number of outcomes of each distribution.
    let width: Int
    /// Shape of a per-distribution result: a scalar for a vector or joint, a vector for a matrix.
    let resultShape: [Int]
    /// True for a matrix read as one joint distribution of (row, column).
    let isJoint: Bool

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
        isJoint = false
    }

    /// Checks that `t` is a vector or matrix of probability rows: non-empty, entries finite and
    /// non-negative, each row summing to 1 within `sumTolerance`. `name` is the argument as the
    /// user wrote it (`P`, `Q`), `measure` the function reporting the error (`KL`, `H`, ...).
    /// With `allowsJoint`, a matrix whose entries sum to 1 is one joint distribution.
    init(_ t: Tensor, name: String, measure: String, allowsJoint: Bool = false) throws {
        let shape = t.shape
        isJoint = allowsJoint && shape.count == 2 && t.count > 0 && Swift.abs(CompensatedSum.of(t.data) - 1) <= Self.sumTolerance
        switch shape.count {
        case 1: (count, width, resultShape) = (1, shape[0], [])
        case 2 where isJoint: (count, width, resultShape) = (1, t.count, [])
        case 2: (count, width, resultShape) = (shape[0], shape[1], [shape[0]])
        default:
            throw InformationError.invalid(
                "\(measure): \(name) must be a probability vector (or a matrix of rows), got a \(Tensor.describe(shape: shape))")
        }
        guard count > 0, width > 0 else { throw InformationError.invalid("\(measure): \(name) is empty") }
        try ProbabilityRows.checkEntries(t, shape: shape, name: name, measure: measure)
        for r in 0..<count {
            let s = VectorKernels.sum(t.data[r * width ..< (r + 1) * width])
            guard Swift.abs(s - 1) <= ProbabilityRows.sumTolerance else {
                if shape.count == 1 || isJoint {
                    throw InformationError.invalid("\(measure): \(name) sums to \(NumberText.rounded(s)), not 1")
                }
                if allowsJoint {
                    throw InformationError.invalid(
                        "\(measure): \(name) sums to \(NumberText.rounded(CompensatedSum.of(t.data))), not 1 (a joint distribution), nor does each row (row \(r) sums to \(NumberText.rounded(s)))")
                }
                throw InformationError.invalid("\(measure): row \(r) of \(name) sums to \(NumberText.rounded(s)), not 1")
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

    /// Validates P and Q of one measure: each a probability vector or matrix, of equal shapes;
    /// with `allowsJoint`, both joint distributions or neither.
    static func pair(_ p: Tensor, _ q: Tensor, measure: String, allowsJoint: Bool = false) throws -> ProbabilityRows {
        let rows = try ProbabilityRows(p, name: "P", measure: measure, allowsJoint: allowsJoint)
        let qRows = try ProbabilityRows(q, name: "Q", measure: measure, allowsJoint: allowsJoint)
        guard rows.isJoint == qRows.isJoint || p.shape != q.shape else {
            let (joint, other, sum) = rows.isJoint ? ("P", "Q", CompensatedSum.of(q.data)) : ("Q", "P", CompensatedSum.of(p.data))
            throw InformationError.invalid(
                "\(measure): \(joint) is a joint distribution (its entries sum to 1) but \(other) is a matrix of distributions (its entries sum to \(NumberText.rounded(sum)))")
        }
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

    /// `v` as this layout reads it: a joint distribution flattened to one vector of its cells.
    func flattened(_ v: Var) -> Var {
        isJoint ? Var.reshape(v, [v.value.count]) ?? v : v
    }
}
