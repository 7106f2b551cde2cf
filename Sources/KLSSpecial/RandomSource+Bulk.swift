import KLSBase

/// Bulk fillers: the same draws as repeated scalar calls, produced in one tight loop over the
/// output buffer with the generator state held in a local copy (registers), written back once.
/// Ctrl-C (`Cancellation`) stops a fill early; the caller then reports the interrupt.
extension RandomSource {
    /// Overwrites every element of `out` with a uniform draw in [a, b) (as `uniform(a, b)`).
    public mutating func fillUniform(_ out: inout [Double], a: Double = 0, b: Double = 1) {
        out.withUnsafeMutableBufferPointer { fillUniform($0, a: a, b: b) }
    }

    /// Overwrites every element of `out` with mean + std·Z, Z standard normal (as
    /// `normal(mean:std:)`).
    public mutating func fillNormal(_ out: inout [Double], mean: Double = 0, std: Double = 1) {
        out.withUnsafeMutableBufferPointer { fillNormal($0, mean: mean, std: std) }
    }

    /// Overwrites every element of `out` with an Exp(rate) draw, E/rate with E ~ Exp(1)
    /// (as `exponential() / rate`).
    public mutating func fillExponential(_ out: inout [Double], rate: Double = 1) {
        out.withUnsafeMutableBufferPointer { fillExponential($0, rate: rate) }
    }

    /// `fillUniform` over raw storage (e.g. a tensor's buffer).
    public mutating func fillUniform(_ buffer: UnsafeMutableBufferPointer<Double>, a: Double = 0, b: Double = 1) {
        var generator = self
        let span = b - a
        if span.isFinite {
            for i in buffer.indices {
                if i & 0xFFFF == 0, Cancellation.isRequested { break }  // Ctrl-C: the caller discards the draws
                buffer[i] = a + span * generator.nextDouble()
            }
        } else {
            // b − a overflows (a = −1e308, b = 1e308): mix the ends, each weight ≤ 1.
            for i in buffer.indices {
                if i & 0xFFFF == 0, Cancellation.isRequested { break }
                let u = generator.nextDouble()
                buffer[i] = a * (1 - u) + b * u
            }
        }
        self = generator
    }

    /// `fillNormal` over raw storage (e.g. a tensor's buffer).
    public mutating func fillNormal(_ buffer: UnsafeMutableBufferPointer<Double>, mean: Double = 0, std: Double = 1) {
        var generator = self
        let table = Ziggurat.normal
        for i in buffer.indices {
            if i & 0xFFFF == 0, Cancellation.isRequested { break }
            buffer[i] = mean + std * generator.zigguratNormal(table)
        }
        self = generator
    }

    /// `fillExponential` over raw storage (e.g. a tensor's buffer).
    public mutating func fillExponential(_ buffer: UnsafeMutableBufferPointer<Double>, rate: Double = 1) {
        var generator = self
        let table = Ziggurat.exponential
        for i in buffer.indices {
            if i & 0xFFFF == 0, Cancellation.isRequested { break }
            buffer[i] = generator.zigguratExponential(table) / rate
        }
        self = generator
    }
}
