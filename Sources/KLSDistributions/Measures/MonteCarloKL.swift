import KLSBase

import Foundation
import KLSNumerics
import KLSSpecial

/// A Monte Carlo estimate with its standard error.
public struct MonteCarloEstimate: Sendable, Equatable {
    /// The sample mean of the estimator.
    public let estimate: Double
    /// Its standard error s/√n (s the sample standard deviation).
    public let standardError: Double
    /// The number of draws n.
    public let samples: Int
}

/// Draws per block of a Monte Carlo estimate (see `klMonteCarlo`).
let monteCarloBlock = 1 << 20

extension DistributionMeasures {
    /// KL(P‖Q) ≈ (1/n) Σ [log p(xᵢ) − log q(xᵢ)] over n draws xᵢ ~ P, with its standard error,
    /// divided by log(base). +inf (with standard error +inf) when a draw has q = 0.
    public static func klMonteCarlo(_ p: any Distribution, _ q: any Distribution, samples: Int,
                                    rng: inout RandomSource, base: Double? = nil) throws -> MonteCarloEstimate {
        _ = try bothDiscrete(p, q, "KL")
        guard samples >= 2 else {
            throw DistributionError.unsupported("KL: samples must be at least 2 (got \(samples))")
        }
        let divisor = Scalar(try inBase(Var(1), base, "KL")).value
        // Drawn and evaluated a block at a time, so only the differences take `samples`
        // doubles (the draws and both log-densities of all of them took four times that);
        // Ctrl-C (`Cancellation`) stops between blocks and the caller reports it.
        var differences: [Double] = []
        differences.reserveCapacity(samples)
        while differences.count < samples, !Cancellation.isRequested {
            let x = Var.constant(p.sample(count: Swift.min(monteCarloBlock, samples - differences.count), rng: &rng))
            let lp = try p.detached.logpdf(x).value.data, lq = try q.detached.logpdf(x).value.data
            differences.append(contentsOf: zip(lp, lq).lazy.map { $0 - $1 })
        }
        if let bad = differences.first(where: { !$0.isFinite }) {
            return MonteCarloEstimate(estimate: bad.isNaN ? .nan : .infinity, standardError: .infinity, samples: samples)
        }
        let n = Double(samples)
        let mean = VectorKernels.sum(differences) / n
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return MonteCarloEstimate(estimate: mean * divisor, standardError: (variance / n).squareRoot() * divisor,
                                  samples: samples)
    }
}
