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

    public init() {}

    /// Ends recording and releases the nodes (breaking the node → tape reference cycle).
    public func close() {
        isActive = false
        nodes.removeAll()
    }

    /// A new leaf (an input to differentiate with respect to).
    public func leaf(_ value: Tensor) -> Node {
        let node = Node(value: value, index: nodes.count, tape: self, parents: [], backward: nil)
        nodes.append(node)
        return node
    }

    /// Records an operation whose result is `value`, computed from `parents`. `backward` maps
    /// the gradient with respect to the result to gradients with respect to each parent
    /// (nil for a parent that receives none). Shapes of returned gradients equal the parents'.
    public func record(_ value: Tensor, parents: [Node],
                       backward: @escaping (Tensor) -> [Tensor?]) -> Node {
        let node = Node(value: value, index: nodes.count, tape: self, parents: parents, backward: backward)
        nodes.append(node)
        return node
    }

    /// ∂output/∂node for every node on the tape (nil where the output does not depend on it).
    /// `output` must hold a single element.
    public func gradients(of output: Node) -> [Tensor?] {
        var grads = [Tensor?](repeating: nil, count: nodes.count)
        grads[output.index] = Tensor(repeating: 1, shape: output.value.shape)
        for i in stride(from: output.index, through: 0, by: -1) {
            guard let g = grads[i], let backward = nodes[i].backward else { continue }
            let parentGrads = backward(g)
            for (parent, pg) in zip(nodes[i].parents, parentGrads) {
                guard let pg else { continue }
                if let existing = grads[parent.index] {
                    grads[parent.index] = Tape.accumulate(existing, pg)
                } else {
                    grads[parent.index] = pg
                }
            }
        }
        return grads
    }

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
    public let value: Tensor
    /// Position on the tape.
    public let index: Int
    /// The tape this node belongs to; the cycle with `Tape.nodes` is broken by `Tape.close()`.
    public let tape: Tape
    let parents: [Node]
    let backward: ((Tensor) -> [Tensor?])?

    init(value: Tensor, index: Int, tape: Tape, parents: [Node], backward: ((Tensor) -> [Tensor?])?) {
        self.value = value
        self.index = index
        self.tape = tape
        self.parents = parents
        self.backward = backward
    }
}
