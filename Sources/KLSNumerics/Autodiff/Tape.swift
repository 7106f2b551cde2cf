/// A record of differentiable operations for reverse-mode automatic differentiation.
///
/// Each operation on tracked values appends one tensor-level `Node` (one per operation on a
/// whole vector, never one per element). Nodes are appended in evaluation order, so walking
/// them backwards visits every node after all of its consumers: `gradients(of:)` is one pass.
public final class Tape {
    /// The nodes in creation order; a node's `index` is its position here.
    public private(set) var nodes: [Node] = []
    /// False once `close()` ran: values from a closed tape act as constants.
    public private(set) var isActive = true
    /// Bumped by `reset()`: nodes of an earlier generation act as constants.
    public private(set) var generation = 0
    /// Whether an operation combined values of this tape with values of another live tape
    /// (a derivative of a derivative): the gradients of either are then not the full ones.
    public internal(set) var mixed = false

    /// An empty tape with room for `capacity` nodes before its node list grows.
    public init(capacity: Int = 16) {
        nodes.reserveCapacity(Swift.max(0, capacity))
    }

    /// Ends recording and releases the nodes (breaking the node → tape reference cycle).
    public func close() {
        isActive = false
        nodes.removeAll()
    }

    /// Starts a new recording on this tape (a fit's next step): the nodes recorded so far are
    /// released and act as constants from now on, the node list keeps its room.
    public func reset() {
        generation &+= 1
        mixed = false
        nodes.removeAll(keepingCapacity: true)
    }

    /// Starts a new recording (as `reset()`) whose first nodes are leaves holding `values`,
    /// kept in `leaves`: one scalar leaf per value, or with `shapes` one leaf per shape taking
    /// the next elements of `values` in order (a fit's array parameters). A leaf node of the
    /// previous recording of the same shape that nothing else refers to any more is reused in
    /// place (a fit's next step allocates none).
    public func reset(leaves: inout [Node], values: [Double], shapes: [[Int]]? = nil) {
        reset()
        let count = shapes?.count ?? values.count
        if leaves.count > count { leaves.removeLast(leaves.count - count) }
        var offset = 0
        for i in 0..<count {
            let shape = shapes?[i] ?? []
            let n = shape.isEmpty ? 1 : Tensor.elementCount(shape)
            defer { offset += n }
            if i < leaves.count, leaves[i].tape === self, leaves[i].value.shape == shape,
               isKnownUniquelyReferenced(&leaves[i]) {
                leaves[i].restart(index: nodes.count, generation: generation, values: values, from: offset)
                nodes.append(leaves[i])
                continue
            }
            let value = shape.isEmpty ? Tensor(scalar: values[offset])
                : Tensor(shape: shape, data: Array(values[offset ..< offset + n]))
            if i < leaves.count { leaves[i] = leaf(value) } else { leaves.append(leaf(value)) }
        }
    }

    /// A new leaf (an input to differentiate with respect to).
    public func leaf(_ value: Tensor) -> Node {
        let node = Node(value: value, index: nodes.count, tape: self, inputs: [], backward: nil, generation: generation)
        nodes.append(node)
        return node
    }

    /// Records an operation whose result is `value`, computed from `parents`. `backward` maps
    /// the gradient with respect to the result to gradients with respect to each parent
    /// (nil for a parent that receives none). Shapes of returned gradients equal the parents'.
    public func record(_ value: Tensor, parents: [Node],
                       backward: @escaping (Tensor) -> [Tensor?]) -> Node {
        record(value, inputs: parents.map { .tracked($0) }, backward: .dense(backward))
    }

    /// Records an operation on `inputs`, which may include constants: `backward` returns one
    /// gradient per input, in order, and those of inputs not on this tape are dropped.
    func record(_ value: Tensor, inputs: [Var], backward: BackwardRule) -> Node {
        let node = Node(value: value, index: nodes.count, tape: self, inputs: inputs, backward: backward,
                        generation: generation)
        nodes.append(node)
        return node
    }

    /// ∂output/∂node for every node on the tape (nil where the output does not depend on it).
    /// `output` must hold a single element.
    public func gradients(of output: Node) -> [Tensor?] {
        backpropagate(from: output, keepingAll: true)
        return nodes.map { node in
            defer { node.gradient = nil }
            return node.gradient?.materialized
        }
    }

    /// ∂output/∂leaf for each of `leaves`, their elements one after another, written into
    /// `gradient` (0 where the output does not depend on a leaf, or the leaf is of another
    /// tape). `output` must hold a single element.
    public func flatGradients(of output: Node, withRespectTo leaves: [Node], into gradient: inout [Double]) {
        backpropagate(from: output, keepingAll: false)
        for i in gradient.indices { gradient[i] = 0 }
        var offset = 0
        for leaf in leaves {
            let n = leaf.value.count
            defer { offset += n }
            guard leaf.tape === self, let g = leaf.gradient, offset + n <= gradient.count else { continue }
            if n == 1 {
                gradient[offset] = (g.tensor.data.first ?? 0) * g.scale
            } else {
                for k in 0..<Swift.min(n, g.tensor.count) { gradient[offset + k] = g.tensor.data[k] * g.scale }
            }
        }
        for node in nodes { node.gradient = nil }
    }

    /// ∂output/∂leaf for each of `leaves` (nil where the output does not depend on it);
    /// leaves from another tape get nil. `output` must hold a single element.
    public func gradients(of output: Node, withRespectTo leaves: [Node]) -> [Tensor?] {
        backpropagate(from: output, keepingAll: false)
        let result = leaves.map { $0.tape === self ? $0.gradient?.materialized : nil }
        for node in nodes { node.gradient = nil }
        return result
    }

    /// Leaves ∂output/∂node in the `gradient` of each leaf (nil where there is none), and of
    /// every node when `keepingAll` (else a node's gradient is released once passed on).
    /// Outside a backward pass every `gradient` is nil: the callers clear them when done.
    private func backpropagate(from output: Node, keepingAll: Bool) {
        guard output.tape === self, output.index < nodes.count, nodes[output.index] === output else { return }
        output.gradient = Gradient(output.value.isScalar ? Tape.one : Tensor(repeating: 1, shape: output.value.shape))
        for i in stride(from: output.index, through: 0, by: -1) {
            let node = nodes[i]
            guard let backward = node.backward,
                  let g = keepingAll ? node.gradient : node.gradient.take() else { continue }
            switch backward {
            case .dense(let rule):
                for (input, pg) in zip(node.inputs, rule(g.materialized)) {
                    if let pg { deliver(Gradient(pg), to: input) }
                }
            case .scaled(let rule):
                rule(g, GradientSink(tape: self, inputs: node.inputs))
            }
        }
    }

    /// Adds `gradient` to the gradient of `input` when it is a node of this tape.
    @inline(__always)
    fileprivate func deliver(_ gradient: Gradient, to input: Var) {
        guard case .tracked(let parent) = input, parent.tape === self else { return }
        if let existing = parent.gradient {
            parent.gradient = Gradient(Tape.accumulate(existing.materialized, gradient.materialized))
        } else {
            parent.gradient = gradient
        }
    }

    /// The seed gradient of a scalar output.
    static let one = Tensor(scalar: 1)

    /// `a + b` for gradients of one node (equal shapes).
    static func accumulate(_ a: Tensor, _ b: Tensor) -> Tensor {
        var out = a
        out.data.withUnsafeMutableBufferPointer { po in
            b.data.withUnsafeBufferPointer { pb in
                for i in 0..<Swift.min(po.count, pb.count) { po[i] += pb[i] }
            }
        }
        return out
    }
}

/// One recorded value on a `Tape`: the result of an operation, or a leaf.
public final class Node {
    /// The value computed in the forward pass.
    public private(set) var value: Tensor
    /// Position on the tape.
    public private(set) var index: Int
    /// The tape this node belongs to; the cycle with `Tape.nodes` is broken by `Tape.close()`.
    public let tape: Tape
    /// The inputs of the operation, in order (constants among them receive no gradient).
    let inputs: [Var]
    let backward: BackwardRule?
    /// The gradient accumulated during a backward pass.
    var gradient: Gradient?
    /// The tape's generation when this node was recorded.
    private(set) var generation: Int

    init(value: Tensor, index: Int, tape: Tape, inputs: [Var], backward: BackwardRule?, generation: Int) {
        self.value = value
        self.index = index
        self.tape = tape
        self.inputs = inputs
        self.backward = backward
        self.generation = generation
    }

    /// This leaf, reused as a leaf of a new recording holding `values[offset...]` (as many as
    /// it has elements; only when nothing else refers to it: the node of the earlier
    /// recording is gone).
    fileprivate func restart(index: Int, generation: Int, values: [Double], from offset: Int) {
        self.index = index
        self.generation = generation
        if value.count == 1 { value.data[0] = values[offset]; return }
        value.data.withUnsafeMutableBufferPointer { p in
            for k in p.indices { p[k] = values[offset + k] }
        }
    }

    /// True while this node's recording goes on: its tape is open and has not been reset.
    public var isLive: Bool { tape.isActive && generation == tape.generation }
}

/// A gradient as `scale · tensor`. A rule whose gradient with respect to an input is a tensor
/// it already holds times a number (kl_div's −g·t/n, dot's g·b) hands over that tensor and
/// the number instead of a scaled copy; a consumer that can use the form (a fused density's
/// parameter sums) never materialises it.
public struct Gradient {
    /// The tensor, shaped as the input that receives the gradient.
    public let tensor: Tensor
    /// The factor the tensor is taken with.
    public let scale: Double

    /// `scale · tensor`.
    public init(_ tensor: Tensor, scale: Double = 1) {
        self.tensor = tensor
        self.scale = scale
    }

    /// The scalar `value` with no tensor of its own (the scale of a shared 1).
    public static func scalar(_ value: Double) -> Gradient { Gradient(Tape.one, scale: value) }

    /// scale · tensor as one tensor (the tensor itself when the scale is 1).
    public var materialized: Tensor {
        scale == 1 ? tensor : Tensor(shape: tensor.shape, data: VectorKernels.scaled(tensor.data, by: scale))
    }
}

/// How a node maps the gradient of its result to gradients of its inputs: from a plain tensor
/// to one gradient per input (in order; nil for an input that receives none), or from the
/// scaled form, sending each input's gradient to a sink (no array per backward step).
enum BackwardRule {
    case dense((Tensor) -> [Tensor?])
    case scaled((Gradient, GradientSink) -> Void)
}

/// Where a scaled backward rule sends the gradients of its node's inputs.
public struct GradientSink {
    fileprivate let tape: Tape
    fileprivate let inputs: [Var]

    /// Adds `gradient` to the gradient of input number `input` (ignored for constants).
    @inline(__always)
    public func send(_ gradient: Gradient, toInput input: Int) {
        tape.deliver(gradient, to: inputs[input])
    }
}
