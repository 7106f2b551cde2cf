import Testing
import KLSNumerics
@testable import KLSInformation

/// |a − b| ≤ tol·max(1, |b|), the `near` of the acceptance programs.
func near(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool {
    Swift.abs(a - b) <= tol * Swift.max(1, Swift.abs(b))
}

/// Elementwise `near`, also requiring equal counts; nan matches nan and ±inf matches itself.
func near(_ a: [Double], _ b: [Double], _ tol: Double = 1e-12) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { x, y in
        (x.isNaN && y.isNaN) || (x.isInfinite && x == y) || near(x, y, tol)
    }
}

func vector(_ values: [Double]) -> Var { .constant(Tensor(vector: values)) }

func matrix(_ rows: [[Double]]) -> Var {
    .constant(Tensor(shape: [rows.count, rows.first?.count ?? 0], data: rows.flatMap { $0 }))
}

func scalar(_ x: Double) -> Var { .constant(Tensor(scalar: x)) }

func vectorTensor(_ values: [Double]) -> Tensor { Tensor(vector: values) }

func matrixTensor(_ rows: [[Double]]) -> Tensor {
    Tensor(shape: [rows.count, rows.first?.count ?? 0], data: rows.flatMap { $0 })
}

/// The message of the `InformationError` thrown by `body`, or nil when it succeeds.
func errorMessage(_ body: () throws -> Var) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as InformationError {
        return error.description
    } catch {
        return "unexpected error: \(error)"
    }
}

/// Reduces an output of any shape to one number: Σ wᵢ·outᵢ, with weights 1, 1.5, 2, … when
/// `weighted` (so every element of a vector result contributes differently), else all 1.
func weightedSum(_ out: Var, weighted: Bool = true) throws -> Var {
    guard out.value.count > 1 else { return out }
    let weights = (0..<out.value.count).map { weighted ? 1 + 0.5 * Double($0) : 1 }
    return try Var.dot(out, .constant(Tensor(shape: out.value.shape, data: weights)))
}

/// Reverse-mode gradients of `weightedSum(f(inputs), weighted:)` with respect to every input.
func reverseGradients(_ inputs: [Tensor], weighted: Bool = true, _ f: ([Var]) throws -> Var) throws -> [Tensor] {
    let tape = Tape()
    defer { tape.close() }
    let leaves = inputs.map { tape.leaf($0) }
    let out = try weightedSum(try f(leaves.map { .tracked($0) }), weighted: weighted)
    let node = try #require(out.node)
    let grads = tape.gradients(of: node)
    return leaves.map { grads[$0.index] ?? Tensor(repeating: 0, shape: $0.value.shape) }
}

/// Central differences (f(x + h) − f(x − h)) / 2h of `weightedSum(f(inputs))`, h = 1e-6·max(1, |x|).
func numericGradients(_ inputs: [Tensor], _ f: ([Var]) throws -> Var) throws -> [Tensor] {
    func evaluate(_ xs: [Tensor]) throws -> Double {
        try #require(try weightedSum(try f(xs.map { .constant($0) })).scalar)
    }
    var result: [Tensor] = []
    for (which, input) in inputs.enumerated() {
        var grad = input
        for k in 0..<input.count {
            let h = 1e-6 * Swift.max(1, Swift.abs(input.data[k]))
            var plus = inputs, minus = inputs
            plus[which].data[k] += h
            minus[which].data[k] -= h
            grad.data[k] = (try evaluate(plus) - (try evaluate(minus))) / (2 * h)
        }
        result.append(grad)
    }
    return result
}

/// Checks reverse-mode gradients against central differences, to 1e-6 relative (with an
/// absolute floor of 1e-9 for gradients that vanish).
func expectGradientsMatchFiniteDifferences(_ inputs: [Tensor], _ f: ([Var]) throws -> Var,
                                           sourceLocation: SourceLocation = #_sourceLocation) throws {
    let exact = try reverseGradients(inputs, f)
    let numeric = try numericGradients(inputs, f)
    for (which, (a, n)) in zip(exact, numeric).enumerated() {
        #expect(a.shape == inputs[which].shape, sourceLocation: sourceLocation)
        for (x, y) in zip(a.data, n.data) {
            let ok = Swift.abs(x - y) <= 1e-6 * Swift.max(Swift.abs(x), Swift.abs(y), 1e-3)
            #expect(ok, "input \(which): reverse \(x), finite difference \(y)", sourceLocation: sourceLocation)
        }
    }
}

/// Checks reverse-mode gradients of Σ f (plain sum, as torch's `.sum().backward()`) against
/// reference figures (nan where the reference is nan).
func expectGradients(_ inputs: [Tensor], _ f: ([Var]) throws -> Var, equal expected: [[Double]],
                     tol: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let grads = try reverseGradients(inputs, weighted: false, f)
    #expect(grads.count == expected.count, sourceLocation: sourceLocation)
    for (g, e) in zip(grads, expected) {
        #expect(near(g.data, e, tol), "got \(g.data), expected \(e)", sourceLocation: sourceLocation)
    }
}
