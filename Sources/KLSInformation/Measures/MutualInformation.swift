import Foundation
import KLSNumerics

extension Information {
    /// Mutual information I(X; Y) = KL(P_XY ‖ P_X ⊗ P_Y) of a joint probability matrix
    /// (rows: values of X, columns: values of Y; all entries sum to 1), divided by log(base).
    /// `[[0.3, 0.2], [0.1, 0.4]]` → 0.0863 nats.
    public static func mutualInformation(_ joint: Var, base: Double? = nil) throws -> Var {
        let unit = try LogBase(base, measure: "MI")
        try checkJoint(joint.value, measure: "MI")
        return mutualInformationKernel(joint, unit: unit)
    }

    /// Σᵢⱼ pᵢⱼ·log(pᵢⱼ / aᵢbⱼ) in the unit's base for a matrix, a and b its row and column
    /// sums, without validation. The gradient is torch's for that expression: for pᵢⱼ > 0 in
    /// rows and columns with mass, log(pᵢⱼ / aᵢbⱼ) − 1; nan at pᵢⱼ = 0.
    static func mutualInformationKernel(_ joint: Var, unit: LogBase) -> Var {
        let divisor = unit.divisor
        let t = joint.value
        let (rows, cols) = (t.shape[0], t.shape[1])
        var a = [Double](repeating: 0, count: rows), b = [Double](repeating: 0, count: cols)
        for i in 0..<rows {
            for j in 0..<cols {
                a[i] += t.data[i * cols + j]
                b[j] += t.data[i * cols + j]
            }
        }
        var s = CompensatedSum()
        for i in 0..<rows {
            for j in 0..<cols { s.add(relativeEntropy(t.data[i * cols + j], a[i] * b[j], unit)) }
        }
        let value = Tensor(scalar: s.value + 0)
        guard joint.isTracked else { return .constant(value) }
        return Var.make(value, from: [joint]) { g in
            let scale = g.data[0] / divisor
            // ∂/∂aᵢ and ∂/∂bⱼ of −Σ xlogy(p, a·b), accumulated through the product.
            var da = [Double](repeating: 0, count: rows), db = [Double](repeating: 0, count: cols)
            for i in 0..<rows {
                for j in 0..<cols {
                    let r = -XLogY.dy(t.data[i * cols + j], a[i] * b[j])
                    da[i] += r * b[j]
                    db[j] += r * a[i]
                }
            }
            var grad = [Double](repeating: 0, count: t.count)
            for i in 0..<rows {
                for j in 0..<cols {
                    let p = t.data[i * cols + j], m = a[i] * b[j]
                    let direct = XLogY.dx(p, p) + XLogY.dy(p, p) - XLogY.dx(p, m)
                    grad[i * cols + j] = scale * (direct + da[i] + db[j])
                }
            }
            return [Tensor(shape: t.shape, data: grad)]
        }
    }
}
