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

    /// Σ term(i) for i < n in the kernels' order: two 4-lane accumulators over blocks of 8
    /// (lane l of the first takes i ≡ l, of the second i ≡ 4 + l, mod 8), added lane-wise and
    /// combined as (l₀ + l₂) + (l₁ + l₃), then the tail added one by one.
    static func laneOrderSum(_ n: Int, _ term: (Int) -> Double) -> Double {
        var first = [0.0, 0, 0, 0], second = [0.0, 0, 0, 0]
        var i = 0
        while i + 8 <= n {
            for l in 0..<4 {
                first[l] += term(i + l)
                second[l] += term(i + 4 + l)
            }
            i += 8
        }
        var tail = 0.0
        while i < n {
            tail += term(i)
            i += 1
        }
        let s = (0..<4).map { first[$0] + second[$0] }
        return ((s[0] + s[2]) + (s[1] + s[3])) + tail
    }

    /// The dot product is the Swift loop of the same summation order, bit for bit.
    @Test(arguments: 0...35)
    func dotIsTheLaneOrderSum(_ n: Int) {
        let a = Self.values(n, seed: 1), b = Self.values(n, seed: 2)
        #expect(VectorKernels.dot(a, b) == Self.laneOrderSum(n) { a[$0] * b[$0] })
    }

    @Test func dotUsesTheCommonLengthAndPropagatesNaN() {
        #expect(VectorKernels.dot([1, 2, 3], [4, 5]) == 14)
        #expect(VectorKernels.dot([], [1]) == 0)
        var a = Self.values(20, seed: 3)
        a[17] = .nan
        #expect(VectorKernels.dot(a, Self.values(20, seed: 4)).isNaN)
    }

    /// The one sum (of `sum`, `mean` and every loss reduction) is the Swift loop of the same
    /// summation order, bit for bit, and `Tensor.sum` is it.
    @Test(arguments: Array(0...35) + [1000, 1001])
    func sumIsTheLaneOrderSum(_ n: Int) {
        let x = Self.values(n, seed: 6)
        let expected = Self.laneOrderSum(n) { x[$0] }
        #expect(VectorKernels.sum(x) == expected)
        #expect(Tensor(vector: x).sum() == expected)
    }

    /// An empty sum is 0; nan and ±inf propagate as IEEE 754 addition says, from a lane or
    /// from the tail.
    @Test func sumOfEmptyIsZeroAndSpecialValuesPropagate() {
        #expect(VectorKernels.sum([]) == 0)
        #expect(VectorKernels.sum([-0.0]) == 0)
        var x = Self.values(20, seed: 7)
        x[3] = .nan
        #expect(VectorKernels.sum(x).isNaN)
        x[3] = .infinity
        #expect(VectorKernels.sum(x) == .infinity)
        x[12] = -.infinity   // +inf + −inf is nan (IEEE 754), in a lane or in the tail
        #expect(VectorKernels.sum(x).isNaN)
        x[3] = 1
        x[12] = 1
        x[18] = .infinity    // the tail
        #expect(VectorKernels.sum(x) == .infinity)
    }

    /// kl_div's terms are exactly eᵢ − tᵢ·xᵢ, and an input > 0 is noticed wherever it is: in
    /// the 16-element turns, the 4-element ones or the tail (nan is not > 0).
    @Test(arguments: Array(0...40) + [1001])
    func klDivTermsAreExactlyTheDifferences(_ n: Int) {
        let x = Self.values(n, seed: 8).map { -abs($0) }, t = Self.values(n, seed: 9), e = Self.values(n, seed: 10)
        var terms = [Double](repeating: .nan, count: n)
        #expect(!VectorKernels.klDivTerms(into: &terms, input: x, target: t, entropy: e))
        #expect(terms == (0..<n).map { e[$0] - t[$0] * x[$0] })
        for i in 0..<n where n <= 40 || [0, 5, 998, n - 1].contains(i) {
            var y = x
            y[i] = .nan
            #expect(!VectorKernels.klDivTerms(into: &terms, input: y, target: t, entropy: e))
            y[i] = 1e-300
            #expect(VectorKernels.klDivTerms(into: &terms, input: y, target: t, entropy: e))
        }
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
