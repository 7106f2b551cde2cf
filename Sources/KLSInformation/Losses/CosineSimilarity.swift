import KLSNumerics

extension Loss {
    /// `torch.nn.functional.cosine_similarity(a, b, eps=1e-8)` along the last axis: for two
    /// vectors a number (torch with dim=0), for matrices one value per row; a vector is paired
    /// with every row of a matrix. As current torch: Σ (a/max(‖a‖, eps))·(b/max(‖b‖, eps)),
    /// the clamp outside the gradient (it flows through ‖a‖ even when clamped). The value is
    /// kept within [−1, 1], where torch's rounding can step past 1.
    public static func cosineSimilarity(_ a: Var, _ b: Var, eps: Double = 1e-8) throws -> Var {
        let x = a.value, y = b.value
        guard x.rank >= 1, x.rank <= 2, y.rank >= 1, y.rank <= 2, x.shape.last == y.shape.last,
              x.rank == 1 || y.rank == 1 || x.shape == y.shape else {
            throw InformationError.invalid(
                "cosine_similarity: cannot pair a \(Tensor.describe(shape: x.shape)) with a \(Tensor.describe(shape: y.shape)); use two vectors of equal length, matrices of equal shape, or a matrix and a vector of its row length")
        }
        return CosineRows(x, y, eps: eps).evaluate(a, b)
    }
}

/// The row-by-row computation of `Loss.cosineSimilarity`.
private struct CosineRows {
    let x: Tensor, y: Tensor, eps: Double
    let rows: Int, width: Int
    let strideX: Int, strideY: Int

    init(_ x: Tensor, _ y: Tensor, eps: Double) {
        self.x = x
        self.y = y
        self.eps = eps
        width = x.shape.last ?? 0
        rows = x.rank == 2 ? x.shape[0] : (y.rank == 2 ? y.shape[0] : 1)
        strideX = x.rank == 2 ? width : 0
        strideY = y.rank == 2 ? width : 0
    }

    /// max(n, eps), nan kept (torch's clamp_min).
    private func clamped(_ n: Double) -> Double { n < eps ? eps : n }

    private func norm(_ t: Tensor, from start: Int) -> Double {
        var s = 0.0
        for k in start ..< start + width { s += t.data[k] * t.data[k] }
        return s.squareRoot()
    }

    func evaluate(_ a: Var, _ b: Var) -> Var {
        var normsX = [Double](repeating: 0, count: rows), normsY = normsX, cosines = normsX
        for r in 0..<rows {
            let (ox, oy) = (r * strideX, r * strideY)
            normsX[r] = norm(x, from: ox)
            normsY[r] = norm(y, from: oy)
            let (cx, cy) = (clamped(normsX[r]), clamped(normsY[r]))
            var s = 0.0
            for k in 0..<width { s += (x.data[ox + k] / cx) * (y.data[oy + k] / cy) }
            // Rounding can carry the sum past ±1 (1.0000000000000027 for a long vector with itself).
            cosines[r] = s > 1 ? 1 : s < -1 ? -1 : s
        }
        let shape = x.rank == 2 || y.rank == 2 ? [rows] : []
        let value = Tensor(shape: shape, data: cosines)
        let trackA = a.isTracked, trackB = b.isTracked
        guard trackA || trackB else { return .constant(value) }
        return Var.make(value, from: [a, b]) { g in
            var gx = [Double](repeating: 0, count: trackA ? x.count : 0)
            var gy = [Double](repeating: 0, count: trackB ? y.count : 0)
            for r in 0..<rows {
                let (ox, oy) = (r * strideX, r * strideY)
                let (nx, ny) = (normsX[r], normsY[r])
                let (cx, cy) = (clamped(nx), clamped(ny))
                let gr = g.data[r], c = cosines[r]
                for k in 0..<width {
                    let (xk, yk) = (x.data[ox + k], y.data[oy + k])
                    if trackA { gx[ox + k] += gr * ((yk / cy) / cx - (c / cx) * (nx == 0 ? 0 : xk / nx)) }
                    if trackB { gy[oy + k] += gr * ((xk / cx) / cy - (c / cy) * (ny == 0 ? 0 : yk / ny)) }
                }
            }
            return [trackA ? Tensor(shape: x.shape, data: gx) : nil,
                    trackB ? Tensor(shape: y.shape, data: gy) : nil]
        }
    }
}
