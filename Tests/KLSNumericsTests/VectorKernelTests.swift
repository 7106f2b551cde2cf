import Testing
@testable import KLSNumerics

/// CKernels' loops (through `VectorKernels`) against plain Swift loops, at every length up to
/// past two turns of their 8-element blocks (so the vector part and the tail both run).
struct VectorKernelTests {
    /// Deterministic values in [-4, 4) that are not integers (a linear congruential sequence).
    static func values(_ n: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<n).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 8 - 4
        }
    }

    @Test(arguments: 0...35)
    func dotMatchesThePlainSum(_ n: Int) {
        let a = Self.values(n, seed: 1), b = Self.values(n, seed: 2)
        var plain = 0.0, magnitude = 0.0
        for i in 0..<n {
            plain += a[i] * b[i]
            magnitude += abs(a[i] * b[i])
        }
        // Different summation orders differ by at most a few ulps of Σ|aᵢbᵢ|.
        #expect(abs(VectorKernels.dot(a, b) - plain) <= 4 * Double.ulpOfOne * Double(n) * magnitude)
    }

    @Test func dotUsesTheCommonLengthAndPropagatesNaN() {
        #expect(VectorKernels.dot([1, 2, 3], [4, 5]) == 14)
        #expect(VectorKernels.dot([], [1]) == 0)
        var a = Self.values(20, seed: 3)
        a[17] = .nan
        #expect(VectorKernels.dot(a, Self.values(20, seed: 4)).isNaN)
    }

    @Test(arguments: [0, 1, 7, 8, 9, 16, 17, 1001])
    func scaledIsExactlyTheProducts(_ n: Int) {
        let x = Self.values(n, seed: 5)
        #expect(VectorKernels.scaled(x, by: -0.37) == x.map { $0 * -0.37 })
    }

    /// A gradient in scaled form materialises as scale · tensor, and as the tensor itself for 1.
    @Test func scaledGradientsMaterialise() {
        let t = Tensor(shape: [2, 2], data: [1, -2, 3.5, 0])
        #expect(Gradient(t, scale: -2).materialized == Tensor(shape: [2, 2], data: [-2, 4, -7, -0.0]))
        #expect(Gradient(t).materialized == t)
        #expect(Gradient.scalar(2.5).materialized == Tensor(scalar: 2.5))
    }
}
