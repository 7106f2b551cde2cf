/// Tables for Marsaglia & Tsang's ziggurat method (J. Stat. Softw. 5(8), 2000) with 256
/// layers, for the standard normal and the standard exponential.
///
/// Layer i ≥ 1 is the box [0, xᵢ] × [f(xᵢ), f(xᵢ₊₁)] of area v; layer 0 is the box
/// [0, r] × [0, f(r)] plus the tail beyond r, also of area v, given the pseudo-width
/// x₀ = v/f(r). A draw picks a layer and a point z = U·xᵢ: z < xᵢ₊₁ lies under the curve
/// (≈99% of draws, one multiply); otherwise the wedge or the tail decides.
///
/// The records live in memory allocated once per table and never freed or mutated, so a
/// `Ziggurat` is a plain pointer (no reference counting on the hot path) and safe to share.
struct Ziggurat: @unchecked Sendable {
    /// One layer, packed so that a draw touches a single 32-byte record.
    struct Layer: Sendable {
        /// ⌊2⁵²·xᵢ₊₁/xᵢ⌋: 52-bit draws below it are accepted at once.
        let threshold: UInt64
        /// xᵢ·2⁻⁵², turning a 52-bit integer into a point of the layer.
        let width: Double
        /// f(xᵢ) and f(xᵢ₊₁), the bottom and top of the layer, for the wedge test.
        let bottom: Double
        let top: Double
    }

    /// Exactly 256 records, indexed by the low byte of a draw.
    let layers: UnsafePointer<Layer>
    /// The start of the tail, r = x₁.
    let tailStart: Double

    /// The normal table for f(x) = e^(−x²/2). r and v = r·f(r) + ∫ᵣ^∞ f solve the closing
    /// condition x₂₅₅·(1 − f(x₂₅₅)) = v (computed with mpmath.findroot at 50 digits).
    static let normal = Ziggurat(
        tailStart: 3.654152885361009, area: 0.004928673233974655,
        density: { PortableMath.exp(-0.5 * $0 * $0) },
        inverseDensity: { (-2 * PortableMath.log($0)).squareRoot() })

    /// The exponential table for f(x) = e⁻ˣ, with v = (r + 1)e⁻ʳ (same construction).
    static let exponential = Ziggurat(
        tailStart: 7.69711747013105, area: 0.003949659822581557,
        density: { PortableMath.exp(-$0) },
        inverseDensity: { -PortableMath.log($0) })

    /// Builds the layer edges x₀ … x₂₅₆ by xᵢ₊₁ = f⁻¹(f(xᵢ) + v/xᵢ), with x₂₅₆ = 0.
    private init(
        tailStart r: Double, area v: Double,
        density f: (Double) -> Double, inverseDensity inverse: (Double) -> Double
    ) {
        var edges = [Double](repeating: 0, count: 257)
        edges[0] = v / f(r)
        edges[1] = r
        for i in 1..<255 {
            let height = f(edges[i]) + v / edges[i]
            edges[i + 1] = height < 1 ? inverse(height) : 0
        }
        let storage = UnsafeMutablePointer<Layer>.allocate(capacity: 256)
        for i in 0..<256 {
            let ratio = edges[i] > 0 ? min(max(edges[i + 1] / edges[i], 0), 1) : 0
            storage[i] = Layer(
                threshold: UInt64(ratio * 0x1p52),
                width: edges[i] * 0x1p-52,
                bottom: i == 0 ? 0 : f(edges[i]),
                top: i == 255 ? 1 : f(edges[i + 1]))
        }
        layers = UnsafePointer(storage)
        tailStart = r
    }
}

extension RandomSource {
    /// One standard normal draw from the normal ziggurat `table`.
    /// Bits 0–7 pick the layer, bit 8 the sign, bits 12–63 the position.
    @inline(__always)
    mutating func zigguratNormal(_ table: Ziggurat) -> Double {
        let r = table.tailStart
        while true {
            let bits = nextUInt64()
            let index = Int(bits & 0xFF)
            let negative = bits & 0x100 != 0
            let position = bits >> 12
            let layer = table.layers[index]
            let x = Double(position) * layer.width
            if position < layer.threshold { return negative ? -x : x }
            if index == 0 {
                // Marsaglia's tail: r + X with X ~ Exp(r), accepted with prob e^(−X²/2).
                while true {
                    let tail = -PortableMath.log(1 - nextDouble()) / r
                    let exponent = -PortableMath.log(1 - nextDouble())
                    if exponent + exponent > tail * tail { return negative ? -(r + tail) : r + tail }
                }
            }
            let height = layer.bottom + nextDouble() * (layer.top - layer.bottom)
            if height < PortableMath.exp(-0.5 * x * x) { return negative ? -x : x }
        }
    }

    /// One standard exponential draw from the exponential ziggurat `table`;
    /// the tail beyond r is r plus a fresh draw (memorylessness).
    @inline(__always)
    mutating func zigguratExponential(_ table: Ziggurat) -> Double {
        let r = table.tailStart
        var offset = 0.0
        while true {
            let bits = nextUInt64()
            let index = Int(bits & 0xFF)
            let position = bits >> 12
            let layer = table.layers[index]
            let x = Double(position) * layer.width
            if position < layer.threshold { return offset + x }
            if index == 0 {
                offset += r
                continue
            }
            let height = layer.bottom + nextDouble() * (layer.top - layer.bottom)
            if height < PortableMath.exp(-x) { return offset + x }
        }
    }
}
