import Foundation
import KLSNumerics

extension Information {
    /// Self-information (surprisal) I(p) = −log p / log(base), elementwise on a number, vector
    /// or matrix of probabilities in [0, 1]; +inf at p = 0. `info(0.125, base=2)` = 3 bits.
    public static func information(_ p: Var, base: Double? = nil) throws -> Var {
        let unit = try LogBase(base, measure: "info")
        let t = p.value
        for (i, x) in t.data.enumerated() where !(x >= 0 && x <= 1) {
            let at = t.isScalar ? "p" : "p[\(i)]"
            throw InformationError.invalid(
                "info: \(at) = \(NumberText.format(x)) is not a probability (it must lie in [0, 1])")
        }
        return informationKernel(p, divisor: unit.divisor)
    }

    /// −log p / divisor elementwise, without validation; gradient −1/(p·divisor).
    static func informationKernel(_ p: Var, divisor: Double) -> Var {
        let t = p.value
        let value = Tensor(shape: t.shape, data: t.data.map { -Foundation.log($0) / divisor })
        guard p.isTracked else { return .constant(value) }
        return Var.make(value, from: [p]) { g in
            [Tensor(shape: t.shape, data: zip(g.data, t.data).map { -$0 / ($1 * divisor) })]
        }
    }
}
