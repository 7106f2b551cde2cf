import KLSNumerics

extension Information {
    /// Checks that `joint` is a joint distribution of (X, Y): a non-empty matrix (rows: values
    /// of X, columns: values of Y) of finite non-negative entries summing to 1 within 1e-9.
    static func checkJoint(_ joint: Tensor, measure: String) throws {
        guard joint.rank == 2 else {
            throw InformationError.invalid(
                "\(measure): the joint distribution must be a matrix (rows: X, columns: Y), got a \(Tensor.describe(shape: joint.shape))")
        }
        guard joint.count > 0 else { throw InformationError.invalid("\(measure): the joint distribution is empty") }
        try ProbabilityRows.checkEntries(joint, shape: joint.shape, name: "joint", measure: measure)
        let total = CompensatedSum.of(joint.data)
        guard Swift.abs(total - 1) <= ProbabilityRows.sumTolerance else {
            throw InformationError.invalid("\(measure): the joint distribution sums to \(NumberText.rounded(total)), not 1")
        }
    }

    /// The marginal of a joint distribution: `axis` 0 gives the distribution of X (the row
    /// sums), 1 that of Y (the column sums). [[0.1, 0.2], [0.3, 0.4]] → X: [0.3, 0.7], Y: [0.4, 0.6].
    public static func marginal(_ joint: Var, axis: Int) throws -> Var {
        try checkJoint(joint.value, measure: "marginal")
        return try marginalKernel(joint, axis: axis, measure: "marginal", parameter: "axis")
    }

    /// The conditional entropy from a joint distribution, H(X, Y) minus the entropy of the
    /// variable given: `given` 1 is H(X | Y) = H(X, Y) − H(Y), 0 is H(Y | X) = H(X, Y) − H(X)
    /// (Cover & Thomas, Theorem 2.2.1, the chain rule). In the unit of `base`.
    public static func conditionalEntropy(_ joint: Var, given: Int, base: Double? = nil) throws -> Var {
        let unit = try LogBase(base, measure: "H")
        try checkJoint(joint.value, measure: "H")
        let conditioning = try marginalKernel(joint, axis: given, measure: "H", parameter: "given")
        let jointEntropy = entropyKernel(Var.reshape(joint, [joint.value.count]) ?? joint, unit: unit)
        let difference = try jointEntropy - entropyKernel(conditioning, unit: unit)
        // H(X | Y) ≥ 0; rounding can leave −1e-17 where it is 0 (Y determines X).
        return difference.value.data[0] <= 0 ? .constant(Tensor(scalar: 0)) : difference
    }

    /// Row sums (axis 0) or column sums (axis 1) of a matrix, with their gradient.
    static func marginalKernel(_ joint: Var, axis: Int, measure: String, parameter: String) throws -> Var {
        guard axis == 0 || axis == 1 else {
            throw InformationError.invalid(
                "\(measure): \(parameter) must be 0 (X, the rows) or 1 (Y, the columns) (got \(axis))")
        }
        let t = joint.value
        let (rows, cols) = (t.shape[0], t.shape[1])
        var sums = [CompensatedSum](repeating: CompensatedSum(), count: axis == 0 ? rows : cols)
        for i in 0..<rows {
            for j in 0..<cols { sums[axis == 0 ? i : j].add(t.data[i * cols + j]) }
        }
        let value = Tensor(vector: sums.map(\.value))
        guard joint.isTracked else { return .constant(value) }
        return Var.make(value, from: [joint]) { g in
            var grad = [Double](repeating: 0, count: t.count)
            for i in 0..<rows {
                for j in 0..<cols { grad[i * cols + j] = g.data[axis == 0 ? i : j] }
            }
            return [Tensor(shape: t.shape, data: grad)]
        }
    }
}
