import Foundation
import Testing
@testable import KLSNumerics

/// Every gradient rule against central finite differences, and tape mechanics.
struct AutodiffTests {
    /// ∂f/∂x at x by reverse mode and by central differences.
    func check(_ x: [Double], shape: [Int]? = nil, tolerance: Double = 1e-6, _ f: (Var) throws -> Var) throws {
        let tape = Tape()
        defer { tape.close() }
        let leaf = tape.leaf(Tensor(shape: shape ?? [x.count], data: x))
        let out = try f(.tracked(leaf))
        let g = tape.gradients(of: try #require(out.node))[leaf.index]?.data ?? [Double](repeating: 0, count: x.count)
        for i in 0..<x.count {
            let h = 1e-6 * max(1, abs(x[i]))
            var xp = x, xm = x
            xp[i] += h
            xm[i] -= h
            let fp = try f(.constant(Tensor(shape: shape ?? [x.count], data: xp))).value.data[0]
            let fm = try f(.constant(Tensor(shape: shape ?? [x.count], data: xm))).value.data[0]
            let numeric = (fp - fm) / (2 * h)
            #expect(abs(g[i] - numeric) <= tolerance * max(1, abs(numeric)), "component \(i): \(g[i]) vs \(numeric)")
        }
    }

    @Test(arguments: UnaryOp.allCases.filter { ![.floor, .ceil, .round, .sign].contains($0) })
    func unaryRules(_ op: UnaryOp) throws {
        let x: [Double] = [0.3, 0.7, 1.9]
        try check(x) { Var.sum(Var.unary(op, $0)) }
    }

    @Test(arguments: BinaryOp.allCases)
    func binaryRules(_ op: BinaryOp) throws {
        let y = Var.constant(Tensor(vector: [0.4, 1.3, 2.2]))
        try check([0.3, 0.7, 1.9]) { Var.sum(try Var.binary(op, $0, y)) }
        try check([0.5, 0.9, 1.7]) { Var.sum(try Var.binary(op, Var.constant(Tensor(vector: [0.4, 1.3, 2.2])), $0)) }
    }

    @Test func broadcastGradientsSumBack() throws {
        let m = Var.constant(Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6]))
        try check([0.5, -1, 2]) { Var.sum(try Var.binary(.mul, m, $0)) }
        try check([0.25]) { x in Var.sum(try Var.binary(.pow, m, Var.reshape(x, [])!)) }
    }

    @Test func reductions() throws {
        let x: [Double] = [0.1, -0.4, 1.2, 0.8]
        try check(x) { Var.mean($0) }
        try check(x) { Var.logsumexp($0) }
        try check(x) { try Var.dot($0, Var.softmax($0)) }
        try check(x) { Var.sum(try Var.binary(.mul, Var.cumsum($0), $0)) }
        try check(x) { Var.extremum($0, largest: true)! }
        try check(x) { Var.element($0, 2) }
        try check(x, shape: [2, 2]) { Var.sum(Var.slice($0, 1)!) }
    }

    @Test func stackAndConcat() throws {
        try check([1.5, -2]) { x in
            let a = Var.element(x, 0), b = Var.element(x, 1)
            let v = try Var.stack([a, b, try a * b])
            return Var.sum(try v * v)
        }
        try check([1.5, -2]) { x in Var.sum(try Var.concat([x, x]) * Var.concat([x, x])) }
    }

    @Test func reusedNodeAccumulates() throws {
        // f(x) = x·x + x, f'(3) = 2·3 + 1 = 7
        let tape = Tape()
        let x = Var.tracked(tape.leaf(Tensor(scalar: 3)))
        let y = try x * x + x
        #expect(tape.gradients(of: y.node!)[x.node!.index]?.data == [7])
        tape.close()
        #expect(!x.isTracked)
    }
}
