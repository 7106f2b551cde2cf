import KLSNumerics

/// Information measures of discrete distributions, all differentiable.
///
/// Arguments are probability vectors, or matrices with one distribution per row (the result is
/// then one value per row). Every logarithmic measure takes `base`: nil for nats (natural log),
/// 2 for bits, 10 for dits; the result in nats is divided by log(base). Terms with p = 0
/// contribute 0 (0·log 0 = 0). Gradients follow torch's `xlogy` rule: ∂(x·log y)/∂x = log y
/// (0 where x = 0 and y ≤ 0) and ∂/∂y = x/y — so the derivative with respect to a probability
/// that is exactly 0 inside p·log p is nan (0/0), as in torch.
public enum Information {}
