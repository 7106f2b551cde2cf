import Foundation
import Testing
import KLSNumerics
@testable import KLSDistributions

/// Best time per call of `body`, in milliseconds (min over `repeats` rounds of `number` calls).
func bestMilliseconds(repeats: Int = 7, number: Int = 5, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<number { try body() }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(number)
        best = Swift.min(best, elapsed)
    }
    return best
}

/// Timings of the hot path on 1,000,000 points, printed for the bench table. Compare with
///     python3 -c "import numpy as np, scipy.stats as st, timeit; x = np.linspace(-5, 5, 1_000_000);
///                 print(min(timeit.repeat(lambda: st.norm.logpdf(x, 0.3, 1.7), number=5, repeat=7))/5)"
/// Runs only with KLS_BENCH=1 (meaningful in a release build:
/// `KLS_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter hotPathSpeed`).
@Test("logpdf/pdf/cdf of Normal on 1e6 points", .enabled(if: ProcessInfo.processInfo.environment["KLS_BENCH"] == "1"))
func hotPathSpeed() throws {
    let x = Var.constant(try Tensor.linspace(-5, 5, 1_000_000))
    let n = try Normal(mu: Var(0.3), sigma: Var(1.7))
    var sink = 0.0
    let logpdf = try bestMilliseconds { sink += try n.logpdf(x).value.data[0] }
    let pdf = try bestMilliseconds { sink += try n.pdf(x).value.data[0] }
    let cdf = try bestMilliseconds { sink += try n.cdf(x).value.data[0] }
    let gradient = try bestMilliseconds {
        sink += try tapeGradient([0.3, 1.7]) { v in Var.sum(try Normal(mu: v[0], sigma: v[1]).logpdf(x)) }[0]
    }
    let mixture = try Mixture(components: [try Normal(mu: Var(-2), sigma: Var(1)), try Normal(mu: Var(2), sigma: Var(1))])
    let target = try Normal(mu: Var(0), sigma: Var(2.5))
    let numericalKL = try bestMilliseconds { sink += number(try DistributionMeasures.kl(mixture, target)) }
    let numericalGradient = try bestMilliseconds {
        sink += try tapeGradient([0, 2.5]) { v in try DistributionMeasures.kl(mixture, try Normal(mu: v[0], sigma: v[1])) }[1]
    }
    print(String(format: "KLS_BENCH KL(Mixture‖Normal) by quadrature: %.2f ms, with gradient %.2f ms", numericalKL, numericalGradient))
    print(String(format: "KLS_BENCH normal 1e6: logpdf %.2f ms, pdf %.2f ms, cdf %.2f ms, logpdf+gradient %.2f ms (%g)",
                 logpdf, pdf, cdf, gradient, sink))
    #expect(sink.isFinite)
}
