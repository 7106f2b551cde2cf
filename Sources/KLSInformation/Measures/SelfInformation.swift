import Foundation
import KLSNumerics

extension Information {
    /// Self-information (surprisal) I(p) = −log_base p (log2 for bits, log10 for dits; +0 at
    /// p = 1), elementwise on a number, vector
    /// or matrix of probabilities in [0, 1]; +inf at p = 0. `info(0.125, base=2)` = 3 bits.
    public static func information(_ p: Var, base: Double? = nil) throws -> Var {
        let unit = try LogBase(base, measure: "info")
        let t = p.value
        for (i, x) in t.data.enumerated() where !(x >= 0 && x <= 1) {
            let at = t.isScalar ? "p" : "p[\(i)]"
            throw InformationError.invalid(
                "info: \(at) = \(NumberText.format(x)) is not a probability (it must lie in [0, 1])")
        }
        return informationKernel(p, unit: unit)
    }

    /// −log p elementwise in the unit's base (+0, not −0, at p = 1), without validation;
    /// gradient −1/(p·log(base)).
    static func informationKernel(_ p: Var, unit: LogBase) -> Var {
        let t = p.value
        let divisor = unit.divisor
        let value = Tensor(shape: t.shape, data: t.data.map { 0 - unit.log($0) })
        guard p.isTracked else { return .constant(value) }
        return Var.make(value, from: [p]) { g in
            [Tensor(shape: t.shape, data: zip(g.data, t.data).map { -$0 / ($1 * divisor) })]
        }
    }
}
