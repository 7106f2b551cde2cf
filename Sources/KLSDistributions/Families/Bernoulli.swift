import Foundation
import KLSNumerics
import KLSSpecial

/// The Bernoulli distribution on the outcomes {0, 1}: P(1) = p, P(0) = 1 − p.
public struct Bernoulli: Distribution {
    public static let family = "Bernoulli"
    /// The probability p ∈ [0, 1] of outcome 1.
    public let p: Var

    /// Bernoulli(p); `p` in [0, 1].
    public init(p: Var) throws {
        try ParameterCheck(family: Self.family).unitInterval(p, "p")
        self.p = p
    }

    var value: Double { Scalar(p).value }
    /// 1 − p, computed on p's decimal form (1 − 0.85 = 0.15 exactly as typed).
    var complement: Double { DecimalSum.complement(value) }
    /// log(1 − p): log1p(−p) below ½, where 1 − p would round away p's digits
    /// (log(1 − 1e-12) is −1.0000000000005e-12, not −9.999778782803785e-13).
    var logComplement: Double { value < 0.5 ? Special.log1p(-value) : Foundation.log(complement) }
    /// Validated parameters, stored as given.
    private init(constant p: Var) {
        self.p = p
    }

    public var detached: Bernoulli { Bernoulli(constant: .constant(p.value)) }
    public var parameters: [(name: String, value: Var)] { [("p", p)] }
    public var support: Support { .discrete(count: 2) }
    public var landmarks: [Var] { [Var(0), Var(1)] }
    public var description: String { "Bernoulli(p=\(NumberText.format(value)))" }
    /// [1 − p, p].
    public var probabilities: Var? {
        let q = complement
        let shape = p.value.shape
        guard p.isTracked else { return .constant(Tensor(vector: [q, value])) }
        return Var.make(Tensor(vector: [q, value]), from: [p]) { g in
            [Tensor(shape: shape, data: [g.data[1] - g.data[0]])]
        }
    }

    /// P(X = x): p at 1, 1 − p at 0, 0 elsewhere.
    public func pdf(_ x: Var) throws -> Var {
        let (one, zero) = (value, complement)
        return Fused.map([x, p], value: { x in x == 1 ? one : (x == 0 ? zero : 0) }, partials: { x, _ in
            SIMD3(0, x == 1 ? 1 : (x == 0 ? -1 : 0), 0)
        })
    }

    /// log P(X = x): log p at 1, log(1 − p) at 0, −inf elsewhere.
    public func logpdf(_ x: Var) throws -> Var {
        let (one, zero) = (value, complement)
        let (logOne, logZero) = (Foundation.log(one), logComplement)
        return Fused.map([x, p], value: { x in x == 1 ? logOne : (x == 0 ? logZero : -.infinity) }, partials: { x, _ in
            SIMD3(0, x == 1 ? 1 / one : (x == 0 ? -1 / zero : 0), 0)
        })
    }

    /// F(x) = 0 below 0, 1 − p on [0, 1), 1 from 1 on.
    public func cdf(_ x: Var) throws -> Var {
        let zero = complement
        return Fused.map([x, p], value: { x in x < 0 ? 0 : (x < 1 ? zero : 1) }, partials: { x, _ in
            SIMD3(0, x >= 0 && x < 1 ? -1 : 0, 0)
        })
    }

    /// 1 − F(x) = 1 below 0, p on [0, 1), 0 from 1 on.
    public func survival(_ x: Var) throws -> Var {
        let one = value
        return Fused.map([x, p], value: { x in x < 0 ? 1 : (x < 1 ? one : 0) }, partials: { x, _ in
            SIMD3(0, x >= 0 && x < 1 ? 1 : 0, 0)
        })
    }

    /// 1 where a uniform draw falls below p, else 0.
    public func sample(count: Int, rng: inout RandomSource) -> Tensor {
        let q = value
        var out = [Double](repeating: 0, count: Swift.max(0, count))
        rng.fillUniform(&out)
        for i in out.indices { out[i] = out[i] < q ? 1 : 0 }
        return Tensor(vector: out)
    }

    /// E[X] = p.
    public var mean: Var { p }
    /// Var[X] = p(1 − p).
    public var variance: Var { (Scalar(p) * (1 - Scalar(p))).variable }
    public var std: Var { Scalar(variance).squareRoot().variable }
    /// H = −p log p − (1 − p) log(1 − p), with log(1 − p) as `logComplement` (accurate for tiny p);
    /// ∂H/∂p = log(1 − p) − log p.
    public var entropy: Var {
        let (x, logQ) = (value, logComplement)
        let h = (x == 0 ? 0 : -x * Foundation.log(x)) - (x == 1 ? 0 : complement * logQ)
        let slope = x == 0 || x == 1 ? 0 : logQ - Foundation.log(x)
        return Scalar.unary(Scalar(p), h, slope).variable
    }

    /// [[1/(p(1 − p))]] in p.
    public func fisher() -> Tensor? { Tensor(shape: [1, 1], data: [1 / (value * complement)]) }
}
