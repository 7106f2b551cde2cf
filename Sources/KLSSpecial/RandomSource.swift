/// A seeded pseudo-random generator that produces the same stream on every platform and run:
/// xoshiro256** (Blackman & Vigna, 2018) with its 256-bit state filled from the seed by
/// splitmix64. Every derived draw (uniforms, normals, gammas, …) is a function of that bit
/// stream computed with IEEE arithmetic and `PortableMath`, never with the platform libm.
///
/// A value type: copying it forks the stream. The interpreter owns one instance and passes
/// it `inout`; it is `Sendable`, so it may also be handed to another task (not shared).
/// Conforms to `RandomNumberGenerator`, so `shuffle(using:)` and `Int.random(in:using:)` work.
public struct RandomSource: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Seeds the four state words with consecutive splitmix64 outputs of `seed`.
    public init(seed: UInt64) {
        var mixer = seed
        s0 = Self.splitMix64(&mixer)
        s1 = Self.splitMix64(&mixer)
        s2 = Self.splitMix64(&mixer)
        s3 = Self.splitMix64(&mixer)
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }  // the one forbidden state
    }

    /// splitmix64 (Steele, Lea & Flood, 2014): advances `state` and returns a mixed word.
    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits (xoshiro256**).
    @inlinable @inline(__always)
    public mutating func nextUInt64() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// `RandomNumberGenerator` requirement; the same as `nextUInt64()`.
    @inlinable
    public mutating func next() -> UInt64 { nextUInt64() }

    /// A uniform double in [0, 1) with 53 random bits: (bits >> 11)·2⁻⁵³.
    @inlinable @inline(__always)
    public mutating func nextDouble() -> Double {
        Double(nextUInt64() >> 11) * 0x1p-53
    }

    /// A uniform double in [a, b): a + (b − a)·U.
    @inlinable
    public mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * nextDouble()
    }

    /// true with probability p (p ≤ 0 never, p ≥ 1 always).
    @inlinable
    public mutating func bernoulli(_ p: Double) -> Bool {
        nextDouble() < p
    }

    /// An index drawn with probabilities proportional to the increments of `cumulative`
    /// (non-decreasing partial sums of the weights; they need not end at 1), by binary search
    /// for the first entry exceeding U·total. Nil when the list is empty or its total is not
    /// a positive finite number.
    public mutating func categorical(cumulative: [Double]) -> Int? {
        guard let total = cumulative.last, total > 0, total.isFinite else { return nil }
        let target = nextDouble() * total
        var low = 0
        var high = cumulative.count
        while low < high {
            let middle = low + (high - low) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        if low < cumulative.count { return low }
        // U·total rounded up to total: take the first category that reaches the total.
        return cumulative.firstIndex { $0 >= total }
    }
}

@inlinable @inline(__always)
func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}
