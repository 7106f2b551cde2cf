import Foundation
import KLSSpecial

/// Derivatives of the regularized incomplete gamma and beta functions with respect to their
/// shape parameters (no closed form), by adaptive quadrature of the differentiated integrals.
/// Used for the gradients of the Gamma and Beta cdfs with respect to α, a and b.
enum IncompleteDerivatives {
    private static let relTol = 1e-12
    private static let absTol = 1e-300

    /// ∂P(a, z)/∂a, P the regularized lower incomplete gamma function:
    /// ∫₀ᶻ (log t − ψ(a)) tᵃ⁻¹e⁻ᵗ/Γ(a) dt for z ≤ a (with t = z·s^(1/a), which removes the
    /// tᵃ⁻¹ singularity), else −∫_z^∞ of the same integrand (= −∂Q/∂a).
    static func gammaP(_ a: Double, _ z: Double) -> Double {
        guard z > 0, a > 0, z.isFinite else { return 0 }
        let psi = Special.digamma(a)
        if z <= a {
            let logZ = Foundation.log(z)
            let prefactor = Foundation.exp(a * logZ - Special.lgamma(a + 1))
            let integral = Quadrature.integrate({ s in
                guard s > 0 else { return 0 }
                let t = z * Foundation.pow(s, 1 / a)
                return (logZ + Foundation.log(s) / a - psi) * Foundation.exp(-t)
            }, from: 0, to: 1, relTol: relTol, absTol: absTol).value
            return prefactor * integral
        }
        let logNorm = Special.lgamma(a)
        return -Quadrature.integrate({ t in
            let logT = Foundation.log(t)
            return (logT - psi) * Foundation.exp((a - 1) * logT - t - logNorm)
        }, from: z, to: .infinity, relTol: relTol, absTol: absTol).value
    }

    /// (∂I_x(a, b)/∂a, ∂I_x(a, b)/∂b), I the regularized incomplete beta function. Below the
    /// mean a/(a+b): ∫₀ˣ (log t + ψ(a+b) − ψ(a), log(1−t) + ψ(a+b) − ψ(b))·tᵃ⁻¹(1−t)ᵇ⁻¹/B dt
    /// with t = x·s^(1/a); above it, the same on I_x(a, b) = 1 − I_(1−x)(b, a).
    static func betaInc(_ a: Double, _ b: Double, _ x: Double) -> (Double, Double) {
        guard x > 0, x < 1, a > 0, b > 0 else { return (0, 0) }
        if x > a / (a + b) {
            let (db, da) = lowerBeta(b, a, 1 - x)
            return (-da, -db)
        }
        return lowerBeta(a, b, x)
    }

    /// (∂/∂a, ∂/∂b) of I_x(a, b) from the integral over [0, x].
    private static func lowerBeta(_ a: Double, _ b: Double, _ x: Double) -> (Double, Double) {
        let psiSum = Special.digamma(a + b)
        let ca = psiSum - Special.digamma(a), cb = psiSum - Special.digamma(b)
        let logX = Foundation.log(x)
        let prefactor = Foundation.exp(a * logX - Foundation.log(a) - Special.lbeta(a, b))
        // Integrand in s ∈ (0, 1]: t = x·s^(1/a), weight (1 − t)^(b−1).
        func integral(_ factor: @escaping (Double, Double) -> Double) -> Double {
            Quadrature.integrate({ s in
                guard s > 0 else { return 0 }
                let t = x * Foundation.pow(s, 1 / a)
                return factor(s, t) * Foundation.exp((b - 1) * Special.log1p(-t))
            }, from: 0, to: 1, relTol: relTol, absTol: absTol).value
        }
        let da = integral { s, _ in logX + Foundation.log(s) / a + ca }
        let db = integral { _, t in Special.log1p(-t) + cb }
        return (prefactor * da, prefactor * db)
    }
}
