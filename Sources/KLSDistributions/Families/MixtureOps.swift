import Foundation
import KLSNumerics

/// The fused mixing operations of `Mixture`, each one tape node.
enum MixtureOps {
    /// Σₖ wₖ·partₖ elementwise; parts shorter than `shape` (discrete mass vectors) are padded
    /// with zeros. ∂/∂wₖ = Σᵢ gᵢ partₖ[i], ∂/∂partₖ = wₖ g.
    static func weightedSum(_ weights: Var, _ parts: [Var], padTo shape: [Int]) -> Var {
        let w = weights.value.data
        let n = Tensor.elementCount(shape)
        var out = [Double](repeating: 0, count: n)
        for (k, part) in parts.enumerated() {
            let d = part.value.data
            for i in 0..<Swift.min(n, d.count) { out[i] += w[k] * d[i] }
        }
        let wShape = weights.value.shape
        guard weights.isTracked || parts.contains(where: \.isTracked) else { return .constant(Tensor(shape: shape, data: out)) }
        return Var.make(Tensor(shape: shape, data: out), from: [weights] + parts) { g in
            var gw = [Double](repeating: 0, count: w.count)
            var grads: [Tensor?] = []
            for (k, part) in parts.enumerated() {
                let d = part.value.data
                var gp = [Double](repeating: 0, count: d.count)
                for i in 0..<Swift.min(n, d.count) {
                    gw[k] += g.data[i] * d[i]
                    gp[i] = w[k] * g.data[i]
                }
                grads.append(Tensor(shape: part.value.shape, data: gp))
            }
            return [Tensor(shape: wShape, data: gw)] + grads
        }
    }

    /// log Σₖ wₖ exp(lpₖ) elementwise (parts of equal shape), shifted by the largest term.
    /// With rₖ = wₖ exp(lpₖ − y): ∂y/∂lpₖ = rₖ, ∂y/∂wₖ = exp(lpₖ − y).
    static func logSumExp(_ weights: Var, _ parts: [Var]) -> Var {
        let w = weights.value.data
        let logW = w.map { Foundation.log($0) }
        let shape = parts.first?.value.shape ?? []
        let n = parts.first?.value.count ?? 0
        let lps = parts.map(\.value.data)
        var y = [Double](repeating: -.infinity, count: n)
        for i in 0..<n {
            var m = -Double.infinity
            for k in lps.indices where logW[k] + lps[k][i] > m { m = logW[k] + lps[k][i] }
            guard m.isFinite else { y[i] = m; continue }
            var s = 0.0
            for k in lps.indices { s += Foundation.exp(logW[k] + lps[k][i] - m) }
            y[i] = m + Foundation.log(s)
        }
        let wShape = weights.value.shape
        guard weights.isTracked || parts.contains(where: \.isTracked) else { return .constant(Tensor(shape: shape, data: y)) }
        return Var.make(Tensor(shape: shape, data: y), from: [weights] + parts) { g in
            var gw = [Double](repeating: 0, count: w.count)
            var grads: [Tensor?] = []
            for k in lps.indices {
                var gp = [Double](repeating: 0, count: n)
                for i in 0..<n where y[i].isFinite && g.data[i] != 0 {
                    let e = Foundation.exp(lps[k][i] - y[i])
                    gw[k] += g.data[i] * e
                    gp[i] = g.data[i] * w[k] * e
                }
                grads.append(Tensor(shape: shape, data: gp))
            }
            return [Tensor(shape: wShape, data: gw)] + grads
        }
    }
}
