import KLSNumerics

/// The engine of the elementwise losses: a term f(a, b) per element pair, then a reduction.
enum PointwiseLoss {
    /// f(aᵢ, bᵢ) reduced by `reduction` (not `batchmean`); `partials(a, b)` gives (∂f/∂a, ∂f/∂b),
    /// computed only for tracked inputs. Shapes must already be equal.
    static func evaluate(_ a: Var, _ b: Var, reduction: LossReduction,
                         term: (Double, Double) -> Double,
                         partials: @escaping (Double, Double) -> (Double, Double)) -> Var {
        let x = a.value, y = b.value
        let n = x.count
        var pointwise = [Double](repeating: 0, count: n)
        for i in 0..<n { pointwise[i] = term(x.data[i], y.data[i]) }
        let (value, factor) = reduction.reduce(pointwise, shape: x.shape, batch: n)
        let trackA = a.isTracked, trackB = b.isTracked
        guard trackA || trackB else { return .constant(value) }
        let unreduced = reduction == .none
        return Var.make(value, from: [a, b]) { g in
            var ga = [Double](repeating: 0, count: trackA ? n : 0)
            var gb = [Double](repeating: 0, count: trackB ? n : 0)
            for i in 0..<n {
                let gi = unreduced ? g.data[i] : g.data[0] * factor
                let (da, db) = partials(x.data[i], y.data[i])
                if trackA { ga[i] = gi * da }
                if trackB { gb[i] = gi * db }
            }
            return [trackA ? Tensor(shape: x.shape, data: ga) : nil,
                    trackB ? Tensor(shape: y.shape, data: gb) : nil]
        }
    }
}
