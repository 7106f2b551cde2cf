import KLSNumerics
import KLSSpecial

/// A probability distribution on the real line whose parameters are `Var` scalars, so every
/// quantity computed from it (densities, moments, entropy, divergences) carries gradients to
/// every parameter.
///
/// The families are separate types behind this protocol rather than cases of a closed enum:
/// the KL registry, like `torch.distributions.kl.register_kl`, is keyed by the pair of
/// concrete types, so a new family or a new closed form is one file plus one registry row,
/// with no switch over every family to extend. Dispatch through the protocol happens once
/// per call on a whole tensor, never per element.
///
/// Conventions shared by every family:
/// - `x` may be a scalar or a tensor of any shape; results are elementwise, of x's shape.
/// - Continuous families accept any real x: outside the support `pdf` is 0, `logpdf` −inf,
///   `cdf` 0 below and 1 above.
/// - Discrete families have outcomes 0, 1, …, K−1 (0-based indices): `pdf` is the mass,
///   0 at any other x (non-integers included), and `cdf` is clamped to [0, 1].
public protocol Distribution: CustomStringConvertible {
    /// The family's name as users type it, e.g. `Normal`.
    static var family: String { get }
    /// The parameters in constructor order, with the names used in messages and `fisher()`.
    var parameters: [(name: String, value: Var)] { get }
    /// Where the distribution puts its mass.
    var support: Support { get }
    /// Points where numerical integration over this density should split the range: component
    /// means, modes, kinks and support edges (as `Var`s, so integration nodes move with them).
    var landmarks: [Var] { get }

    /// The same distribution with its parameters as constants: nothing computed from it is
    /// recorded on a tape (used where values are needed without gradients).
    var detached: Self { get }
    /// For a discrete family, the vector of masses of the outcomes 0..K−1; nil when continuous.
    var probabilities: Var? { get }
    /// Names of the outcomes 0..K−1 when they have names (a labelled Categorical), else nil.
    var outcomeLabels: [String]? { get }

    /// log p(x), computed in log space (finite wherever the true value is).
    func logpdf(_ x: Var) throws -> Var
    /// p(x): the density, or the probability mass for a discrete family.
    func pdf(_ x: Var) throws -> Var
    /// F(x) = P(X ≤ x), clamped to [0, 1], with relative accuracy in the lower tail.
    func cdf(_ x: Var) throws -> Var
    /// 1 − F(x) = P(X > x), with relative accuracy in the upper tail.
    func survival(_ x: Var) throws -> Var
    /// `count` independent draws (fewer than 0 gives none), as a vector.
    func sample(count: Int, rng: inout RandomSource) -> Tensor

    /// E[X].
    var mean: Var { get }
    /// Var[X] = E[(X − E[X])²].
    var variance: Var { get }
    /// Standard deviation √Var[X].
    var std: Var { get }
    /// The differential entropy −∫ p log p (continuous) or −Σ p log p (discrete), in nats.
    var entropy: Var { get throws }
    /// The Fisher information matrix in this family's own parameters (in `parameters` order),
    /// in closed form; nil where it does not exist or has no closed form.
    func fisher() -> Tensor?
}

extension Distribution {
    /// The family name of this value's type.
    public var familyName: String { Self.family }

    /// Standard deviation √Var[X].
    public var std: Var { Scalar(variance).squareRoot().variable }

    /// Continuous families have no mass vector.
    public var probabilities: Var? { nil }

    /// Outcomes are unnamed unless a family says otherwise.
    public var outcomeLabels: [String]? { nil }

    /// p(x) = exp(log p(x)).
    public func pdf(_ x: Var) throws -> Var { Var.unary(.exp, try logpdf(x)) }

    /// True when outcomes are the indices 0..K−1.
    public var isDiscrete: Bool {
        if case .discrete = support { return true }
        return false
    }
}

/// The set of values a distribution can take.
public enum Support: Equatable, Sendable, CustomStringConvertible {
    /// The closed interval [lower, upper] (bounds may be infinite).
    case interval(lower: Double, upper: Double)
    /// The outcomes 0, 1, …, count−1.
    case discrete(count: Int)

    /// The smallest interval holding the support.
    public var hull: (lower: Double, upper: Double) {
        switch self {
        case let .interval(lower, upper): return (lower, upper)
        case let .discrete(count): return (0, Double(Swift.max(count, 1) - 1))
        }
    }

    /// True when every point of `self` lies in `other` (both of the same kind).
    public func isContained(in other: Support) -> Bool {
        switch (self, other) {
        case let (.interval(a, b), .interval(c, d)): return c <= a && b <= d
        case let (.discrete(k), .discrete(m)): return k <= m
        default: return false
        }
    }

    public var description: String {
        switch self {
        case let .interval(lower, upper):
            let l = lower.isInfinite ? "(" : "["
            let r = upper.isInfinite ? ")" : "]"
            return "\(l)\(NumberText.format(lower)), \(NumberText.format(upper))\(r)"
        case let .discrete(count):
            if count <= 3 { return "{" + (0..<count).map(String.init).joined(separator: ", ") + "}" }
            return "{0, 1, …, \(count - 1)}"
        }
    }
}
