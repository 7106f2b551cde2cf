import KLSNumerics

/// A measure of discrete distributions that `Information.explain` can write out term by term.
public enum ExplainedMeasure: Sendable {
    /// H(P).
    case entropy(Tensor)
    /// H(P, Q).
    case crossEntropy(Tensor, Tensor)
    /// KL(P ‖ Q).
    case kl(Tensor, Tensor)
    /// JS(P, Q), through its two KL divergences to the midpoint M.
    case js(Tensor, Tensor)
}
