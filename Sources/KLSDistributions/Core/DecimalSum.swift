/// Sums of probabilities computed on the decimals they print as, so that complements and
/// cumulative sums of typed probabilities come out as the user reads them:
/// 1 − 0.85 gives 0.15 (binary arithmetic gives 0.15000000000000002) and
/// 0.1 + 0.2 gives 0.3. Each term is read as its shortest round-trip decimal m·10⁻ᵏ; the sum
/// is exact in 64-bit integers and rounded once to the nearest double. When a term has no
/// short decimal form or the sum would overflow, the plain floating-point sum is returned,
/// so the result never differs from the binary sum by more than its own rounding error.
enum DecimalSum {
    /// Running sums t₀, t₀+t₁, …, each rounded once from the exact decimal sum.
    static func prefixSums(_ terms: [Double]) -> [Double] {
        guard let exact = exactPrefixSums(terms) else {
            var s = 0.0
            return terms.map { s += $0; return s }
        }
        return exact
    }

    /// Σ terms (see the type's comment).
    static func sum(_ terms: [Double]) -> Double { prefixSums(terms).last ?? 0 }

    /// 1 − p.
    static func complement(_ p: Double) -> Double { sum([1, -p]) }

    private static func exactPrefixSums(_ terms: [Double]) -> [Double]? {
        var parts: [(digits: Int64, scale: Int)] = []
        for t in terms {
            guard let d = decimal(t) else { return nil }
            parts.append(d)
        }
        let scale = parts.map(\.scale).max() ?? 0
        var running: Int64 = 0
        var out: [Double] = []
        out.reserveCapacity(parts.count)
        for (digits, k) in parts {
            guard let factor = power(of: 10, scale - k) else { return nil }
            let (scaled, o1) = digits.multipliedReportingOverflow(by: factor)
            let (next, o2) = running.addingReportingOverflow(scaled)
            guard !o1, !o2 else { return nil }
            running = next
            guard let value = Double("\(running)e-\(scale)") else { return nil }
            out.append(value)
        }
        return out
    }

    /// x = digits·10^(−scale) exactly as x's shortest description reads, when that fits.
    private static func decimal(_ x: Double) -> (digits: Int64, scale: Int)? {
        guard x.isFinite else { return nil }
        let text = "\(x)"
        let pieces = text.split(separator: "e", maxSplits: 1)
        guard let mantissa = pieces.first else { return nil }
        let exponent = pieces.count == 2 ? Int(pieces[1]) ?? 0 : 0
        let negative = mantissa.hasPrefix("-")
        let unsigned = negative ? mantissa.dropFirst() : mantissa[...]
        let halves = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = halves.count == 2 ? halves[1] : ""
        guard let whole = halves.first, whole.count + fraction.count <= 18,
              var digits = Int64(whole + fraction) else { return nil }
        var scale = fraction.count - exponent
        if scale < 0 {
            guard let factor = power(of: 10, -scale) else { return nil }
            let (scaled, overflow) = digits.multipliedReportingOverflow(by: factor)
            guard !overflow else { return nil }
            digits = scaled
            scale = 0
        }
        guard scale <= 36 else { return nil }
        return (negative ? -digits : digits, scale)
    }

    /// 10ⁿ for 0 ≤ n ≤ 18, else nil.
    private static func power(of base: Int64, _ n: Int) -> Int64? {
        guard n >= 0, n <= 18 else { return nil }
        var r: Int64 = 1
        for _ in 0..<n { r *= base }
        return r
    }
}
