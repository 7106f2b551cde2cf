import Testing
@testable import KLSNumerics

/// Operations along an axis (`Var.along`): values and gradients against torch, and gradients
/// against central finite differences.
struct AxisTests {
    static let m: [Double] = [0.5, -1.0, 2.0, 1.5, 0.25, -0.75]
    /// The weights C the torch script multiplies the result by before `.sum().backward()`:
    /// C for a matrix result, its row 0 for a 3-vector, its row 1 (first two) for a 2-vector.
    static let c: [Double] = [1, 2, 3, -1, 0.5, 2]

    /// The result of `operation` along `axis` of the 2×3 matrix `m`, and ∂Σ(C·result)/∂m.
    func valueAndGradient(_ operation: SliceOperation, axis: Int) throws -> ([Double], [Double]) {
        let tape = Tape()
        defer { tape.close() }
        let leaf = tape.leaf(Tensor(shape: [2, 3], data: Self.m))
        let y = try Var.along(.tracked(leaf), operation, AxisLayout(shape: [2, 3], axis: axis))
        let weights: [Double] = y.value.count == 6 ? Self.c : (y.value.count == 3 ? Array(Self.c[0..<3]) : [-1, 0.5])
        let out = try Var.dot(y, .constant(Tensor(shape: y.value.shape, data: weights)))
        let g = tape.gradients(of: try #require(out.node))[leaf.index]?.data ?? []
        return (y.value.data, g)
    }

    /// Figures from torch 2.13 (float64), /tmp script:
    ///   M = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], requires_grad=True)
    ///   C = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]])
    ///   y = M.sum(0) (etc.); (y * weights).sum().backward(); print(y.tolist(), M.grad.tolist())
    /// with weights C for a matrix result, C[0] for a 3-vector, C[1][:2] for a 2-vector.
    static let torch: [(String, SliceOperation, Int, [Double], [Double])] = [
        ("sum0", .sum, 0, [2.0, -0.75, 1.25], [1, 2, 3, 1, 2, 3]),
        ("sum1", .sum, 1, [1.5, 1.0], [-1, -1, -1, 0.5, 0.5, 0.5]),
        ("mean0", .mean, 0, [1.0, -0.375, 0.625], [0.5, 1, 1.5, 0.5, 1, 1.5]),
        ("prod1", .prod, 1, [-1.0, -0.28125], [2.0, -1.0, 0.5, -0.09375, -0.5625, 0.1875]),
        ("max0", .max, 0, [1.5, 0.25, 2.0], [0, 0, 3, 1, 2, 0]),
        ("min1", .min, 1, [-1.0, -0.75], [0, -1, 0, 0, 0, 0.5]),
        ("lse1", .logsumexp, 1, [2.241311296657157, 1.830672609407224],
         [-0.17529039214003667, -0.03911257327068745, -0.7855970345892758,
          0.35922017057553246, 0.10291830199882578, 0.03786152742564176]),
        ("lse0", .logsumexp, -2, [1.8132616875182228, 0.501929081345373, 2.0619675890031988],
         [0.2689414213699951, 0.4454002776506177, 2.8197400494779767,
          0.7310585786300049, 1.5545997223493822, 0.18025995052202284]),
        ("cumsum0", .cumsum, 0, [0.5, -1.0, 2.0, 2.0, -0.75, 1.25], [0, 2.5, 5, -1, 0.5, 2]),
        ("cumsum1", .cumsum, -1, [0.5, -0.5, 1.5, 1.5, 1.75, 1.0], [6, 5, 3, 1.5, 2.5, 2]),
        ("softmax1", .softmax, 1,
         [0.1752903921400367, 0.039112573270687456, 0.7855970345892759,
          0.7184403411510649, 0.20583660399765152, 0.07572305485128351],
         [-0.28227128282063296, -0.02387066327038312, 0.30614194609101614,
          -0.3850294720772449, 0.1984421153138, 0.18658735676344493]),
        ("softmax0", .softmax, 0,
         [0.2689414213699951, 0.22270013882530884, 0.9399133498259924,
          0.7310585786300049, 0.7772998611746911, 0.06008665017400762],
         [0.3932238664829637, 0.25965718048874553, 0.05647624464487404,
          -0.3932238664829637, -0.2596571804887455, -0.05647624464487405]),
    ]

    @Test(arguments: 0..<torch.count)
    func agreesWithTorch(_ k: Int) throws {
        let (name, operation, axis, value, gradient) = Self.torch[k]
        let (v, g) = try valueAndGradient(operation, axis: axis)
        #expect(v.count == value.count && zip(v, value).allSatisfy { abs($0 - $1) <= 1e-14 * max(1, abs($1)) }, "\(name): \(v)")
        #expect(g.count == gradient.count && zip(g, gradient).allSatisfy { abs($0 - $1) <= 1e-14 * max(1, abs($1)) }, "\(name): \(g)")
    }

    @Test(arguments: [SliceOperation.sum, .mean, .prod, .logsumexp, .cumsum, .softmax, .max, .min].indices)
    func gradientsMatchFiniteDifferences(_ k: Int) throws {
        let operation = [SliceOperation.sum, .mean, .prod, .logsumexp, .cumsum, .softmax, .max, .min][k]
        for axis in [0, 1] {
            try AutodiffTests().check([0.3, -0.7, 1.9, 1.1, 0.45, -1.3], shape: [2, 3]) { x in
                let y = try Var.along(x, operation, AxisLayout(shape: [2, 3], axis: axis))
                return try Var.dot(y, .constant(Tensor(shape: y.value.shape, data: (0..<y.value.count).map { 0.5 + Double($0) })))
            }
        }
    }

    /// torch: v = torch.tensor([2.0, 0.0, 3.0, -1.5], requires_grad=True); v.prod().backward()
    /// gives v.grad = [-0.0, -9.0, -0.0, 0.0] (exact with a zero element).
    @Test func wholeProductWithAZero() throws {
        let tape = Tape()
        defer { tape.close() }
        let leaf = tape.leaf(Tensor(vector: [2, 0, 3, -1.5]))
        let y = try Var.along(.tracked(leaf), .prod, .flat([4]))
        #expect(y.value.shape == [] && y.value.data == [-0.0])
        #expect(tape.gradients(of: try #require(y.node))[leaf.index]?.data == [0, -9, 0, 0])
    }

    @Test func axesOfThreeAxesAndErrors() throws {
        let t = Tensor(shape: [2, 2, 2], data: [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(try Var.along(.constant(t), .sum, AxisLayout(shape: t.shape, axis: 1)).value
                == Tensor(shape: [2, 2], data: [4, 6, 12, 14]))
        #expect(throws: NumericError.invalidArgument("axis 2 does not exist: a matrix(2×3) has axes 0…1 (or -2…-1)")) {
            try AxisLayout(shape: [2, 3], axis: 2)
        }
        #expect(throws: NumericError.invalidArgument("axis 0 does not exist: a number has no axes")) {
            try AxisLayout(shape: [], axis: 0)
        }
        #expect(throws: NumericError.invalidArgument("empty vector")) {
            try Var.along(.constant(Tensor(shape: [0, 2], data: [])), .max, AxisLayout(shape: [0, 2], axis: 0))
        }
    }
}
