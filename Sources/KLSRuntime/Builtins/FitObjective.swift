import KLSNumerics

/// The function a fit optimises: f at the parameters and its exact gradient, one fresh tape
/// per evaluation. The parameters come as one flat vector and reach f as its arguments
/// (numbers, vectors or matrices, as `FitParameters` lays them out). A kls function taking
/// exactly those arguments is called straight into a (reused) frame; anything else goes
/// through the interpreter's general call.
struct FitObjective {
    let f: Value
    let interpreter: Interpreter
    /// The builtin's name, for messages.
    let name: String
    let layout: FitParameters
    private let direct: Closure?

    /// Checks that f can be called with the arguments of `layout`.
    init(_ f: Value, layout: FitParameters, interpreter: Interpreter, name: String) throws {
        try FitObjective.requireArity(f, layout: layout, role: "f", name: name)
        self.f = f
        self.interpreter = interpreter
        self.name = name
        self.layout = layout
        if case .closure(let c) = f, c.parameterCount == layout.shapes.count { direct = c } else { direct = nil }
    }

    /// Throws "NAME: ROLE takes … but init has …" when a kls function cannot take the
    /// arguments of `layout`.
    static func requireArity(_ f: Value, layout: FitParameters, role: String, name: String) throws {
        let count = layout.shapes.count
        guard case .closure(let c) = f, c.compiled.signature.mismatch(positional: count, labels: []) != nil else { return }
        let takes = c.compiled.signature.describeCount()
        throw BuiltinError("\(name): \(role) takes \(takes) but init has \(layout.described)")
    }

    /// f(argument(0), …, argument(count − 1)).
    private func call(count: Int, _ argument: (Int) -> Value) throws -> Value {
        guard let c = direct else { return try interpreter.call(f, (0..<count).map(argument)) }
        let frame = c.acquireFrame()
        for i in 0..<count { frame.slots[i] = argument(i) }
        return try interpreter.invokeAndRelease(c, frame: frame, span: nil, file: nil)
    }

    /// The loss as a single number; anything else is an error naming its shape.
    private func loss(of result: Value) throws -> (Double, Node?) {
        guard let out = result.asVar, out.value.count == 1 else {
            var note = ""
            if layout.shapes.count == 1, let shape = layout.shapes.first, !shape.isEmpty {
                note = "; its one parameter is the whole \(Tensor.describe(shape: shape))"
            }
            throw BuiltinError("\(name): the function must return a single number (got \(result.typeName))\(note)")
        }
        return (out.value.data[0], out.node)
    }

    /// The tape of every step and its leaves (the parameters), reset before each step: the
    /// node list and, unless a value of f keeps them, the leaf nodes are allocated once.
    private let recording = Recording()

    private final class Recording {
        let tape = Tape()
        var leaves: [Node] = []
    }

    /// Ends the fit's recording (releases the last step's nodes).
    func close() {
        recording.tape.close()
        recording.leaves = []
    }

    /// f(params), writing ∂f/∂θᵢ into `gradient` (zeros where f does not depend on θᵢ).
    func valueAndGradient(at params: [Double], gradient: inout [Double]) throws -> Double {
        let tape = recording.tape
        tape.reset(leaves: &recording.leaves, values: params, shapes: layout.allNumbers ? nil : layout.shapes)
        let leaves = recording.leaves
        let (value, node) = try loss(of: call(count: leaves.count) { .tracked(leaves[$0]) })
        guard let node else {
            for i in gradient.indices { gradient[i] = 0 }
            return value
        }
        tape.flatGradients(of: node, withRespectTo: leaves, into: &gradient)
        return value
    }

    /// f(params) without recording gradients.
    func value(at params: [Double]) throws -> Double {
        let arguments = layout.arguments(params)
        return try loss(of: call(count: arguments.count) { arguments[$0] }).0
    }
}
