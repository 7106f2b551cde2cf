/// The outcome of a numerical integration.
public struct QuadratureResult: Sendable, Equatable {
    /// The estimate of the integral.
    public let value: Double
    /// An estimate of |value − integral| (QUADPACK's conservative Gauss–Kronrod estimate).
    public let errorEstimate: Double
    /// How many times the integrand was evaluated (points, also for batch integrands).
    public let evaluations: Int
    /// Whether errorEstimate ≤ max(absTol, relTol·|value|) was reached within the budget.
    public let converged: Bool
}

/// Adaptive Gauss–Kronrod integration (21-point rule, global bisection as QUADPACK's qag).
///
/// Infinite limits use QUADPACK's qagi substitution x = a ± (1 − t)/t on t ∈ (0, 1]; an
/// integral over (−∞, ∞) is split at 0 (or at the given breakpoints) into two such pieces.
/// Nodes never touch an interval's end, so integrable end-point singularities are allowed.
/// Non-finite integrand values make the result non-finite and unconverged.
public enum Quadrature {
    /// ∫ₐᵇ f(x) dx. Reversed limits give the negated integral; a == b gives 0.
    public static func integrate(
        _ f: (Double) -> Double, from a: Double, to b: Double,
        relTol: Double = 1e-10, absTol: Double = 1e-14, maxIntervals: Int = 2000
    ) -> QuadratureResult {
        integrate(scalar: f, breakpoints: [a, b], relTol: relTol, absTol: absTol, maxIntervals: maxIntervals)
    }

    /// ∫ₐᵇ f(x) dx for an integrand evaluated on many points per call: `f` receives the
    /// nodes of one or more intervals (21 points each) and must return one value per point,
    /// in order. A result of the wrong length counts as NaN.
    public static func integrate(
        batch f: ([Double]) -> [Double], from a: Double, to b: Double,
        relTol: Double = 1e-10, absTol: Double = 1e-14, maxIntervals: Int = 2000
    ) -> QuadratureResult {
        integrate(batch: f, breakpoints: [a, b], relTol: relTol, absTol: absTol, maxIntervals: maxIntervals)
    }

    /// ∫ f(x) dx from the first to the last of `breakpoints` (the limits, possibly ±∞, and
    /// interior points where f has a kink, a jump or a narrow peak, in ascending order, e.g.
    /// [−∞, −5, 10, ∞]). Each sub-interval starts as its own piece, so the error budget is
    /// shared globally. Fewer than two points or a NaN point give a NaN, unconverged result.
    public static func integrate(
        _ f: (Double) -> Double, breakpoints: [Double],
        relTol: Double = 1e-10, absTol: Double = 1e-14, maxIntervals: Int = 2000
    ) -> QuadratureResult {
        integrate(scalar: f, breakpoints: breakpoints, relTol: relTol, absTol: absTol, maxIntervals: maxIntervals)
    }

    /// The batch form of `integrate(_:breakpoints:relTol:absTol:maxIntervals:)`.
    public static func integrate(
        batch f: ([Double]) -> [Double], breakpoints: [Double],
        relTol: Double = 1e-10, absTol: Double = 1e-14, maxIntervals: Int = 2000
    ) -> QuadratureResult {
        run(breakpoints: breakpoints, relTol: relTol, absTol: absTol, maxIntervals: maxIntervals) { points in
            let values = f(points)
            points = values.count == points.count ? values : []
        }
    }

    private static func integrate(
        scalar f: (Double) -> Double, breakpoints: [Double],
        relTol: Double, absTol: Double, maxIntervals: Int
    ) -> QuadratureResult {
        run(breakpoints: breakpoints, relTol: relTol, absTol: absTol, maxIntervals: maxIntervals) { points in
            for i in points.indices { points[i] = f(points[i]) }
        }
    }

    /// Orients the limits, cuts the range into pieces and runs the adaptive integrator.
    private static func run(
        breakpoints: [Double], relTol: Double, absTol: Double, maxIntervals: Int,
        evaluate: (inout [Double]) -> Void
    ) -> QuadratureResult {
        guard breakpoints.count >= 2, !breakpoints.contains(where: \.isNaN) else {
            return QuadratureResult(value: .nan, errorEstimate: .nan, evaluations: 0, converged: false)
        }
        let reversed = breakpoints.count == 2 && breakpoints[0] > breakpoints[1]
        var points = Array(Set(breakpoints)).sorted()
        if points.count < 2 || points[0] == points[points.count - 1] {
            return QuadratureResult(value: 0, errorEstimate: 0, evaluations: 0, converged: true)
        }
        if points == [-.infinity, .infinity] { points = [-.infinity, 0, .infinity] }
        let integrator = AdaptiveIntegrator(
            relativeTolerance: max(relTol, 0), absoluteTolerance: max(absTol, 0),
            maximumIntervals: max(maxIntervals, points.count))
        let result = integrator.integrate(pieces(between: points), evaluate: evaluate)
        guard reversed else { return result }
        return QuadratureResult(value: -result.value, errorEstimate: result.errorEstimate,
                                evaluations: result.evaluations, converged: result.converged)
    }

    /// One piece per consecutive pair of ascending points; infinite ends become qagi maps.
    private static func pieces(between points: [Double]) -> [AdaptiveIntegrator.Piece] {
        zip(points, points.dropFirst()).map { low, high in
            if low == -.infinity {
                return AdaptiveIntegrator.Piece(mapping: .toMinusInfinity(base: high), low: 0, high: 1)
            }
            if high == .infinity {
                return AdaptiveIntegrator.Piece(mapping: .toPlusInfinity(base: low), low: 0, high: 1)
            }
            return AdaptiveIntegrator.Piece(mapping: .identity, low: low, high: high)
        }
    }
}
