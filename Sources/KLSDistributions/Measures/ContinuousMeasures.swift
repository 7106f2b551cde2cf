import Foundation
import KLSNumerics
import KLSSpecial

/// Information measures of continuous distributions by differentiable numerical integration
/// (`ContinuousIntegral`), each integrand written in log space so that 0·log 0 terms vanish
/// and tails neither overflow nor turn into nan. Results are in nats.
enum ContinuousMeasures {
    /// −∫ p log p over P's support.
    static func entropy(_ p: any Distribution) throws -> Var {
        let (lower, upper) = p.support.hull
        return try ContinuousIntegral.integrate(lower: lower, upper: upper, landmarks: breakPoints(p),
                                                scale: spread(p)) { x, detached in
            let lp = try (detached ? p.detached : p).logpdf(x)
            return Fused.map([lp], value: { l in l == -.infinity ? 0 : -Foundation.exp(l) * l },
                             partials: { l, _ in SIMD3(-Foundation.exp(l) * (l + 1), 0, 0) })
        }
    }

    /// KL(P‖Q) = ∫ p (log p − log q) over P's support; +inf where q = 0 < p at a node. Never
    /// negative: a rounding below 0 (P ≈ Q) gives 0.
    static func kl(_ p: any Distribution, _ q: any Distribution) throws -> Var {
        let (lower, upper) = p.support.hull
        let value = try ContinuousIntegral.integrate(lower: lower, upper: upper, landmarks: breakPoints(p) + breakPoints(q),
                                                     scale: spread(p)) { x, detached in
            let (lp, lq) = try logDensities(p, q, x, detached)
            return Fused.zip(lp, lq, value: { a, b in
                a == -.infinity ? 0 : (b == -.infinity ? .infinity : Foundation.exp(a) * (a - b))
            }, partials: { a, b, _ in
                let density = Foundation.exp(a)
                return (density * (a - b + 1), -density)
            })
        }
        return atLeastZero(value)
    }

    /// max(0, v), passing v's gradient where v > 0.
    static func atLeastZero(_ v: Var) -> Var {
        Fused.map([v], value: { Swift.max(0, $0) }, partials: { x, _ in SIMD3(x > 0 ? 1 : 0, 0, 0) })
    }

    /// Pearson χ²(P‖Q) = ∫ (p − q)²/q over both supports; +inf where q = 0 < p.
    /// With r = log p − log q the integrand is q·(eʳ − 1)² = exp(log q + 2·log|eʳ − 1|), taken
    /// in log space so that it neither cancels where p ≈ q nor turns into 0·inf where q
    /// underflows (there it tends to p²/q = exp(2 log p − log q)).
    ///
    /// The integral diverges (+inf) when the integrand does not decay faster than 1/distance
    /// towards an end of the range (χ²(Exponential(0.5) ‖ Exponential(1)) has p²/q → ¼ as
    /// x → ∞; Gamma(½, 1) against Exponential(1) has p²/q ~ 1/x at 0), found by `diverges`.
    static func chi2(_ p: any Distribution, _ q: any Distribution) throws -> Var {
        let (lower, upper) = union(p, q)
        let probe: (Double) throws -> Double = { x in
            let x = Var(x)
            return chi2Integrand(try p.detached.logpdf(x), try q.detached.logpdf(x)).scalar ?? .nan
        }
        if try diverges(probe, lower: lower, upper: upper, centre: Scalar(p.mean).value,
                        scale: Swift.max(spread(p), spread(q))) {
            return Var(.infinity)
        }
        let value = try overUnion(p, q, chi2Integrand)
        guard !(value.scalar ?? 0).isNaN else {
            throw DistributionError.unsupported("chi2(\(p) ‖ \(q)): the integral cannot be computed (it came out nan)")
        }
        return value
    }

    /// True when ∫ f over [lower, upper] diverges at an end: along distances d = 10ᵏ·scale from
    /// the centre towards an infinite end (k = 1…8), or d = 10⁻ᵏ·width from a finite end
    /// (k = 2…12), d·f stays at or above half its first value (f ~ 1/d or slower decay), or f
    /// is infinite. A convergent tail (f ~ d⁻², e⁻ᵈ, even 1/(d log²d)) falls far below that.
    static func diverges(_ f: (Double) throws -> Double, lower: Double, upper: Double,
                         centre: Double, scale: Double) throws -> Bool {
        var rays: [[(distance: Double, x: Double)]] = []
        let c = centre.isFinite ? Swift.min(Swift.max(centre, lower), upper) : 0
        let s = scale.isFinite && scale > 0 ? scale : 1
        let far = (1...8).map { s * Foundation.pow(10, Double($0)) }
        if upper == .infinity { rays.append(far.map { ($0, c + $0) }) }
        if lower == -.infinity { rays.append(far.map { ($0, c - $0) }) }
        if lower.isFinite, upper.isFinite, lower < upper {
            let near = (2...12).map { (upper - lower) * Foundation.pow(10, -Double($0)) }
            rays.append(near.map { ($0, lower + $0) })
            rays.append(near.map { ($0, upper - $0) })
        }
        for ray in rays {
            let weighted = try ray.map { point -> Double in
                let value = try f(point.x)
                return value.isNaN ? 0 : point.distance * value
            }
            guard let first = weighted.first, let last = weighted.last else { continue }
            if last == .infinity || (last > 0 && last >= 0.5 * first) { return true }
        }
        return false
    }

    /// (p − q)²/q from log p and log q, in log space (see `chi2`).
    private static func chi2Integrand(_ lp: Var, _ lq: Var) -> Var {
        Fused.zip(lp, lq, value: { a, b in
            if b == -.infinity { return a == -.infinity ? 0 : .infinity }
            if a == -.infinity { return Foundation.exp(b) }
            return Foundation.exp(b + 2 * logMagnitudeOfExpm1(a - b))
        }, partials: { a, b, z in
            // ∂z/∂a = 2q(eʳ − 1)eʳ = ±2·exp(log q + log|eʳ − 1| + r), ∂z/∂b = z − ∂z/∂a.
            let r = a - b
            guard r != 0 else { return (0, z) }
            let da = (r > 0 ? 2 : -2) * Foundation.exp(b + logMagnitudeOfExpm1(r) + r)
            return (da, z - da)
        })
    }

    /// log|eʳ − 1|, accurate for every r (−inf at r = 0, about r for large r).
    private static func logMagnitudeOfExpm1(_ r: Double) -> Double {
        if r > 1 { return r + Special.log1p(-Foundation.exp(-r)) }
        return Foundation.log(Swift.abs(Special.expm1(r)))
    }

    /// Hellinger distance sqrt(½∫(√p − √q)²), in [0, 1].
    static func hellinger(_ p: any Distribution, _ q: any Distribution) throws -> Var {
        let squared = try overUnion(p, q) { lp, lq in
            Fused.zip(lp, lq, value: { a, b in
                let d = Foundation.exp(0.5 * a) - Foundation.exp(0.5 * b)
                return 0.5 * d * d
            }, partials: { a, b, _ in
                let ra = Foundation.exp(0.5 * a), rb = Foundation.exp(0.5 * b)
                return (0.5 * (ra - rb) * ra, -0.5 * (ra - rb) * rb)
            })
        }
        // Rounding can leave a tiny negative square when P = Q.
        return Scalar(Fused.map([squared], value: { Swift.max(0, $0) }, partials: { _, _ in SIMD3(1, 0, 0) }))
            .squareRoot().variable
    }

    /// Total variation distance ½∫|p − q|, in [0, 1].
    static func totalVariation(_ p: any Distribution, _ q: any Distribution) throws -> Var {
        try overUnion(p, q, kink: true) { lp, lq in
            Fused.zip(lp, lq, value: { a, b in 0.5 * Swift.abs(Foundation.exp(a) - Foundation.exp(b)) },
                      partials: { a, b, _ in
                          let pa = Foundation.exp(a), pb = Foundation.exp(b)
                          let s: Double = pa > pb ? 0.5 : (pa < pb ? -0.5 : 0)
                          return (s * pa, -s * pb)
                      })
        }
    }

    /// W1(P, Q) = ∫ |F_P − F_Q| dx over both supports. Below the midpoint of the means the
    /// difference is taken of the cdfs, above it of the survival functions (F_P − F_Q = S_Q − S_P),
    /// so that far tails keep their relative accuracy.
    static func w1(_ p: any Distribution, _ q: any Distribution) throws -> Var {
        let (lower, upper) = union(p, q)
        let split = 0.5 * (Scalar(p.mean).value + Scalar(q.mean).value)
        // F_P − F_Q at the nodes x.
        func gap(_ x: Var, _ p: any Distribution, _ q: any Distribution) throws -> Var {
            let mask = x.value.data.map { $0 <= split }
            return Fused.select(mask, try p.cdf(x) - q.cdf(x), try q.survival(x) - p.survival(x))
        }
        return try ContinuousIntegral.integrate(lower: lower, upper: upper, landmarks: breakPoints(p) + breakPoints(q),
                                                scale: Swift.max(spread(p), spread(q)),
                                                kink: { x in try gap(x, p.detached, q.detached) }) { x, detached in
            let d = detached ? try gap(x, p.detached, q.detached) : try gap(x, p, q)
            return Fused.map([d], value: { Swift.abs($0) }, partials: { g, _ in SIMD3(g > 0 ? 1 : (g < 0 ? -1 : 0), 0, 0) })
        }
    }

    /// ∫ f(log p, log q) over the hull of both supports.
    /// With `kink`, the points where p = q are found and used as break points.
    private static func overUnion(_ p: any Distribution, _ q: any Distribution, kink: Bool = false,
                                  _ f: @escaping (Var, Var) -> Var) throws -> Var {
        let (lower, upper) = union(p, q)
        let difference: (Var) throws -> Var = { x in try p.detached.pdf(x) - q.detached.pdf(x) }
        return try ContinuousIntegral.integrate(lower: lower, upper: upper, landmarks: breakPoints(p) + breakPoints(q),
                                                scale: Swift.max(spread(p), spread(q)),
                                                kink: kink ? difference : nil) { x, detached in
            let (lp, lq) = try logDensities(p, q, x, detached)
            return f(lp, lq)
        }
    }

    private static func logDensities(_ p: any Distribution, _ q: any Distribution, _ x: Var,
                                     _ detached: Bool) throws -> (Var, Var) {
        detached ? (try p.detached.logpdf(x), try q.detached.logpdf(x)) : (try p.logpdf(x), try q.logpdf(x))
    }

    /// The hull of both supports.
    static func union(_ p: any Distribution, _ q: any Distribution) -> (Double, Double) {
        let a = p.support.hull, b = q.support.hull
        return (Swift.min(a.lower, b.lower), Swift.max(a.upper, b.upper))
    }

    /// Where integration over P's density splits its range: P's landmarks and, for P or each
    /// component of a mixture, mean ± std and mean ± 10·std. Every component then has segments
    /// of its own width, so a narrow or distant one (Normal(100, 0.01) beside Normal(0, 1))
    /// cannot fall between the nodes of a rule sized for the others; points outside the
    /// support are dropped by the integrator.
    static func breakPoints(_ p: any Distribution) -> [Var] {
        if let mixture = p as? Mixture { return mixture.components.flatMap(breakPoints) }
        let mean = Scalar(p.mean), std = Scalar(p.std)
        guard mean.value.isFinite, std.value.isFinite, std.value > 0 else { return p.landmarks }
        return p.landmarks + [1.0, 10.0].flatMap { k in [(mean - Scalar(k) * std).variable, (mean + Scalar(k) * std).variable] }
    }

    /// A length scale of P for mapping infinite ends: its standard deviation.
    static func spread(_ p: any Distribution) -> Double { Scalar(p.std).value }
}
