/// A numeric value that may carry gradients: a constant tensor or a node on a live tape.
///
/// Every differentiable computation in kls (arithmetic, math functions, reductions,
/// distributions, losses, divergences) is written once against `Var`. On constants it is
/// plain tensor arithmetic with no recording; when any operand is tracked, the result is
/// recorded on that operand's tape with its gradient rule.
public enum Var {
    case constant(Tensor)
    case tracked(Node)

    /// A constant scalar.
    public init(_ x: Double) { self = .constant(Tensor(scalar: x)) }

    /// The forward value.
    @inlinable public var value: Tensor {
        switch self {
        case .constant(let t): return t
        case .tracked(let n): return n.value
        }
    }

    /// The node when this value is recorded on an active tape.
    public var node: Node? {
        if case .tracked(let n) = self, n.isLive { return n }
        return nil
    }

    /// True when gradients flow through this value.
    public var isTracked: Bool { node != nil }

    /// The value as a single number when it has exactly one element.
    public var scalar: Double? { value.scalar }

    /// Records `value` as a function of `inputs` when any input is tracked, else a constant.
    /// `backward` receives the upstream gradient and returns one gradient per input, in order.
    public static func make(_ value: Tensor, from inputs: [Var],
                            backward: @escaping (Tensor) -> [Tensor?]) -> Var {
        make(value, from: inputs, rule: .dense(backward))
    }

    /// `make` with a rule that takes the upstream gradient in the scaled form (`Gradient`) and
    /// sends the gradient of input k to the sink with `send(_:toInput: k)`.
    public static func make(_ value: Tensor, from inputs: [Var],
                            scaledBackward: @escaping (Gradient, GradientSink) -> Void) -> Var {
        make(value, from: inputs, rule: .scaled(scaledBackward))
    }

    private static func make(_ value: Tensor, from inputs: [Var], rule: BackwardRule) -> Var {
        var tape: Tape?
        for input in inputs {
            guard let n = input.node else { continue }
            if let t = tape, t !== n.tape {
                // Values of two live tapes meet (a `grad` inside a function being
                // differentiated): neither tape can give a true derivative; both say so.
                t.mixed = true
                n.tape.mixed = true
            } else {
                tape = n.tape
            }
        }
        guard let tape else { return .constant(value) }
        return .tracked(tape.record(value, inputs: inputs, backward: rule))
    }
}
