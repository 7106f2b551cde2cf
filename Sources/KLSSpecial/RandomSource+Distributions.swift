/// Draws from the continuous distributions the samplers are built on.
extension RandomSource {
    /// A standard normal draw N(0, 1) (256-layer ziggurat).
    public mutating func normal() -> Double {
        zigguratNormal(Ziggurat.normal)
    }

    /// A normal draw with the given mean and standard deviation: mean + std·Z.
    public mutating func normal(mean: Double, std: Double) -> Double {
        mean + std * normal()
    }

    /// A standard exponential draw Exp(1) (256-layer ziggurat); divide by a rate for Exp(rate).
    public mutating func exponential() -> Double {
        zigguratExponential(Ziggurat.exponential)
    }

    /// A Gamma(shape, 1) draw (Marsaglia & Tsang, ACM TOMS 26:363, 2000); shapes below 1 use
    /// Gamma(shape + 1)·U^(1/shape). NaN unless shape > 0; +∞ for shape = +∞.
    public mutating func gamma(shape: Double) -> Double {
        guard shape > 0 else { return .nan }
        if shape == .infinity { return shape }
        if shape >= 1 { return gammaAtLeastOne(shape) }
        let boosted = gammaAtLeastOne(shape + 1)
        return boosted * PortableMath.exp(PortableMath.log(1 - nextDouble()) / shape)
    }

    /// A Beta(a, b) draw as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b). When a shape is below
    /// 1 the ratio is formed from log-gamma draws, so tiny shapes (whose gamma draws
    /// underflow to 0) still give a value in [0, 1] rather than 0/0. NaN unless a, b > 0 and
    /// finite.
    public mutating func beta(a: Double, b: Double) -> Double {
        guard a > 0, b > 0, a.isFinite, b.isFinite else { return .nan }
        if a >= 1 && b >= 1 {
            let x = gammaAtLeastOne(a)
            let y = gammaAtLeastOne(b)
            return x / (x + y)
        }
        let difference = logGammaDraw(b) - logGammaDraw(a)
        // Both gamma draws underflow (a, b ~ 1e-320): Beta(a, b) is then Bernoulli(a/(a + b)) on {0, 1}.
        if difference.isNaN { return nextDouble() * (a + b) < a ? 1 : 0 }
        // 1/(1 + e^difference), written so that neither branch overflows.
        if difference > 0 {
            let e = PortableMath.exp(-difference)
            return e / (1 + e)
        }
        return 1 / (1 + PortableMath.exp(difference))
    }

    /// log of a Gamma(shape, 1) draw, finite even when the draw itself would underflow:
    /// log Gamma(shape + 1) + log(U)/shape for shape < 1.
    private mutating func logGammaDraw(_ shape: Double) -> Double {
        if shape >= 1 { return PortableMath.log(gammaAtLeastOne(shape)) }
        let boosted = gammaAtLeastOne(shape + 1)
        return PortableMath.log(boosted) + PortableMath.log(1 - nextDouble()) / shape
    }

    /// Marsaglia–Tsang for shape ≥ 1: d = shape − ⅓, c = 1/√(9d), V = (1 + cZ)³, accept d·V
    /// when log U < Z²/2 + d(1 − V + log V) (with the cheap squeeze U < 1 − 0.0331 Z⁴ first).
    private mutating func gammaAtLeastOne(_ shape: Double) -> Double {
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let z = normal()
            var v = 1 + c * z
            if v <= 0 { continue }
            v = v * v * v
            let u = nextDouble()
            let z2 = z * z
            if u < 1 - 0.0331 * z2 * z2 { return d * v }
            if PortableMath.log(u) < 0.5 * z2 + d * (1 - v + PortableMath.log(v)) { return d * v }
        }
    }
}
