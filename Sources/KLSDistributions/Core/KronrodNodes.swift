import KLSSpecial

/// Adaptive selection of quadrature nodes and weights on [0, 1] for one integrand, so that
/// related integrands (the same expression as differentiable `Var` operations) can be
/// evaluated on exactly those nodes: the adaptive pass only decides where to look.
///
/// Each interval carries the 21-point Gauss–Kronrod rule (QUADPACK's qk21 constants) with
/// the embedded 10-point Gauss rule as its error estimate; the interval with the largest
/// error is bisected until the total error is at most max(absTol, relTol·|integral|).
struct KronrodNodes {
    /// The rule's constants (KLSSpecial's, the same as its adaptive integrator uses).
    static var abscissae: [Double] { GaussKronrod21.nodes }
    static var kronrodWeights: [Double] { GaussKronrod21.kronrodWeights }
    static var gaussWeights: [Double] { GaussKronrod21.gaussWeights }

    /// The 21 nodes of the rule on [a, b] and their Kronrod weights.
    static func rule(_ a: Double, _ b: Double) -> (nodes: [Double], weights: [Double]) {
        let c = 0.5 * (a + b), h = 0.5 * (b - a)
        var nodes: [Double] = [], weights: [Double] = []
        nodes.reserveCapacity(21)
        weights.reserveCapacity(21)
        for j in 0..<10 {
            nodes += [c - h * abscissae[j], c + h * abscissae[j]]
            weights += [h * kronrodWeights[j], h * kronrodWeights[j]]
        }
        nodes.append(c)
        weights.append(h * kronrodWeights[10])
        return (nodes, weights)
    }

    /// One interval of a segment with its Kronrod estimate and error.
    private struct Piece {
        let segment: Int, a: Double, b: Double, estimate: Double, error: Double
    }

    /// What the adaptive pass found: per segment, the intervals (on [0, 1]) to use.
    enum Outcome {
        case intervals([[(Double, Double)]])
        /// The integrand is +inf (or −inf) somewhere: the integral diverges.
        case infinite(Double)
    }

    /// Chooses intervals for Σ_segments ∫₀¹ f_s(v) dv. `integrand(s, vs)` returns f_s at the
    /// points `vs` of segment s (already including any change-of-variable factor).
    /// `resolvable(s, a, b)` says whether [a, b] of segment s still spans distinct points x
    /// (false once its image is a few ulps wide: splitting further only rounds x onto the same
    /// doubles, as near a Beta's singular end, and the error estimate there is rounding noise).
    static func select(segments: Int, relTol: Double, absTol: Double, maxIntervals: Int = 4000,
                       resolvable: (Int, Double, Double) -> Bool = { _, _, _ in true },
                       integrand: (Int, [Double]) throws -> [Double]) throws -> Outcome {
        var pieces: [Piece] = []
        // The piece for [a, b] of segment s, or the infinite value its rule produced.
        func evaluate(_ s: Int, _ a: Double, _ b: Double) throws -> (Piece?, Double) {
            let (nodes, weights) = rule(a, b)
            let f = try integrand(s, nodes)
            var kronrod = 0.0, gauss = 0.0
            for i in 0..<21 {
                kronrod += weights[i] * f[i]
                // Gauss nodes are abscissae 1, 3, 5, 7, 9: positions 2…3, 6…7, 10…11, 14…15, 18…19.
                let j = i / 2
                if i < 20, j % 2 == 1 { gauss += 0.5 * (b - a) * gaussWeights[j / 2] * f[i] }
            }
            if kronrod.isNaN { throw DistributionError.unsupported("numerical integration failed: the integrand is nan") }
            guard kronrod.isFinite else { return (nil, kronrod) }
            return (Piece(segment: s, a: a, b: b, estimate: kronrod, error: Swift.abs(kronrod - gauss)), kronrod)
        }
        for s in 0..<segments {
            let (piece, value) = try evaluate(s, 0, 1)
            guard let piece else { return .infinite(value) }
            pieces.append(piece)
        }
        while pieces.count < maxIntervals {
            let total = pieces.reduce(0) { $0 + $1.estimate }
            let error = pieces.reduce(0) { $0 + $1.error }
            guard error > Swift.max(absTol, relTol * Swift.abs(total)),
                  let worst = pieces.indices.max(by: { pieces[$0].error < pieces[$1].error }) else { break }
            let w = pieces.remove(at: worst)
            let mid = 0.5 * (w.a + w.b)
            guard mid > w.a, mid < w.b, resolvable(w.segment, w.a, w.b) else {
                // Too narrow to split further: keep it, with its error accepted.
                pieces.append(Piece(segment: w.segment, a: w.a, b: w.b, estimate: w.estimate, error: 0))
                continue
            }
            for (a, b) in [(w.a, mid), (mid, w.b)] {
                let (piece, value) = try evaluate(w.segment, a, b)
                guard let piece else { return .infinite(value) }
                pieces.append(piece)
            }
        }
        var result = [[(Double, Double)]](repeating: [], count: segments)
        for p in pieces { result[p.segment].append((p.a, p.b)) }
        return .intervals(result.map { $0.sorted { $0.0 < $1.0 } })
    }
}
