import Foundation
import Testing
import KLSNumerics
@testable import KLSDistributions

/// The normal log-density's CKernels loops against the formula written out in Swift, at every
/// length up to past two turns of their 8-element blocks.
struct NormalKernelTests {
    static func points(_ n: Int) -> [Double] {
        (0..<n).map { i -> Double in
            let step = 13 * Double(i) / 37
            return -6 + step + 0.01 * Double(i % 3)
        }
    }

    /// The fill is the formula, operation for operation (no fused multiply-add): bit-identical.
    @Test(arguments: 0...35)
    func fillIsTheFormula(_ n: Int) throws {
        var x = Self.points(n)
        if n > 5 { x[5] = .nan }
        let kernel = NormalLogDensity(mu: 0.7, sigma: 1.9)
        var out = [Double](repeating: 0, count: n)
        let filled = out.withUnsafeMutableBufferPointer { o in x.withUnsafeBufferPointer { kernel.fill(o, from: $0) } }
        #expect(filled)
        for i in 0..<n {
            let z = (x[i] - kernel.mu) * kernel.inverseSigma
            let want = kernel.offset - 0.5 * z * z
            #expect(out[i] == want || (out[i].isNaN && want.isNaN), "element \(i)")
        }
    }

    /// Σ term(i) for i < n in the kernels' order (as VectorKernelTests.laneOrderSum): two
    /// 4-lane accumulators over blocks of 8, added lane-wise and combined as
    /// (l₀ + l₂) + (l₁ + l₃), then the tail one by one.
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

    /// Σ w·z and Σ w·z² − Σ w over σ, with w = g (log-density) or g·y (density): the Swift
    /// loop of the kernel's summation order, bit for bit.
    @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 35])
    func parameterSumsAreTheLaneOrderLoop(_ n: Int) throws {
        let x = Self.points(n), g = (0..<n).map { 0.1 + Double($0 % 5) / 7 }
        let mu = -0.4, sigma = 2.3, inverse = 1 / sigma
        let y = x.map { Foundation.exp(-0.5 * (($0 - mu) / sigma) * (($0 - mu) / sigma)) }
        for weighted in [false, true] {
            func w(_ i: Int) -> Double { weighted ? g[i] * y[i] : g[i] }
            func z(_ i: Int) -> Double { (x[i] - mu) * inverse }
            let sw = Self.laneOrderSum(n) { w($0) }
            let swz = Self.laneOrderSum(n) { w($0) * z($0) }
            let swzz = Self.laneOrderSum(n) { w($0) * z($0) * z($0) }
            let sums = try #require(x.withUnsafeBufferPointer { px in
                y.withUnsafeBufferPointer { py in
                    g.withUnsafeBufferPointer { pg in
                        NormalSums.accumulate(x: px, y: py, g: pg, mu: mu, inverseSigma: inverse, weightedByDensity: weighted)
                    }
                }
            })
            #expect(sums.x == swz * inverse)
            #expect(sums.y == (swzz - sw) * inverse)
        }
    }

    /// A sum that is not finite sends the caller to the general loop (nil).
    @Test func nonFiniteSumsGiveNil() {
        let x: [Double] = [0, 1, .infinity, 2], g: [Double] = [1, 1, 1, 1]
        let sums = x.withUnsafeBufferPointer { px in
            g.withUnsafeBufferPointer { pg in
                NormalSums.accumulate(x: px, y: px, g: pg, mu: 0, inverseSigma: 1, weightedByDensity: false)
            }
        }
        #expect(sums == nil)
    }
}
