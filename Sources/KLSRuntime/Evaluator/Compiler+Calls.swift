import KLSSyntax

/// What a call site calls: a global function is matched in its slot (no closure call to
/// load it, one retain); any other callee is evaluated.
struct CallTarget {
    var global: (chunk: Frame, index: Int)?
    let load: CompiledExpr
    let interp: Interpreter
    let span: SourceSpan
    let file: SourceFile

    /// The kls function to call when the callee is one taking `arity` arguments, else the
    /// callee's value for the general path.
    @inline(__always)
    func resolve(_ frame: Frame, _ arity: Int) throws -> (Closure?, Value) {
        if let (chunk, index) = global {
            if case .closure(let c) = chunk.slots[index], c.parameterCount == arity { return (c, .none) }
            return (nil, try load(frame))
        }
        let fv = try load(frame)
        if case .closure(let c) = fv, c.parameterCount == arity { return (c, .none) }
        return (nil, fv)
    }

    /// The kls function of `arity` parameters held in the global slot, or nil (any other
    /// callee, or a callee that is not a global): one load and one retain.
    @inline(__always)
    func globalClosure(_ arity: Int) -> Closure? {
        guard let (chunk, index) = global, case .closure(let c) = chunk.slots[index], c.parameterCount == arity else {
            return nil
        }
        return c
    }

    /// The general path: builtins, functions with defaults or other arities, non-functions.
    func slowCall(_ fv: Value, _ values: [Value]) throws -> Value {
        try interp.call(fv, positional: values, labeled: [], span: span, file: file)
    }

    /// The general path for one or two arguments: a builtin that takes them by position gets
    /// its argument values (defaults included) built at once, with no array of the arguments.
    @inline(__always)
    func slowCall(_ fv: Value, _ a0: Value, _ a1: Value? = nil) throws -> Value {
        let count = a1 == nil ? 1 : 2
        if case .builtin(let b) = fv, case .function(let body) = b.body,
           let values = b.positionalValues(count, { $0 == 0 ? a0 : a1 ?? .none }) {
            return try interp.runBuiltin(body, Arguments(builtin: b, values: values, interpreter: interp), span: span, file: file)
        }
        return try slowCall(fv, a1.map { [a0, $0] } ?? [a0])
    }
}

/// How a call's fast path reads one argument; a type per kind, so each call site is specialised.
protocol ArgumentReader {
    func callAsFunction(_ frame: Frame) throws -> Value
    /// True when reading the argument cannot run kls code or change a variable, so it may be
    /// read before the callee is looked up (the callee's value is the same either way).
    static var onlyReads: Bool { get }
}

/// A literal or variable argument, read in place with no closure call.
struct DirectArgument: ArgumentReader {
    let operand: Compiler.Operand
    let compiler: Compiler
    init(_ operand: Compiler.Operand, _ compiler: Compiler) {
        self.operand = operand
        self.compiler = compiler
    }
    @inline(__always) func callAsFunction(_ frame: Frame) throws -> Value { try compiler.value(of: operand, frame) }
    static var onlyReads: Bool { true }
}

/// An argument `a op b` of two literals or variables (the `n - 1` of recursive code), computed
/// in place when both are numbers; otherwise through its compiled closure.
struct ArithmeticArgument<O: NumberOperator>: ArgumentReader {
    let left: Compiler.Operand
    let right: Compiler.Operand
    let general: CompiledExpr
    @inline(__always) func callAsFunction(_ frame: Frame) throws -> Value {
        if let x = left.number(frame), let y = right.number(frame) { return .number(O.apply(x, y)) }
        return try general(frame)
    }
    static var onlyReads: Bool { true }
}

/// An argument `local op constant` (the `n - 1` of recursive code): one slot read, no
/// operand dispatch.
struct SlotConstantArgument<O: NumberOperator>: ArgumentReader {
    let slot: Int
    let constant: Double
    let general: CompiledExpr
    @inline(__always) func callAsFunction(_ frame: Frame) throws -> Value {
        if case .number(let x) = frame.slots[slot] { return .number(O.apply(x, constant)) }
        return try general(frame)
    }
    static var onlyReads: Bool { true }
}

/// Any other argument, through its compiled closure.
struct CompiledArgument: ArgumentReader {
    let expression: CompiledExpr
    init(_ expression: @escaping CompiledExpr) { self.expression = expression }
    @inline(__always) func callAsFunction(_ frame: Frame) throws -> Value { try expression(frame) }
    static var onlyReads: Bool { false }
}

/// The fixed-arity call paths: the arguments go straight into the callee's frame (from its
/// pool), with no argument array and no binding. `initialize(to:)` over a parameter slot is
/// sound: a frame from `acquireFrame` has every slot unset, which owns nothing.
extension Compiler {
    func call1<A: ArgumentReader>(_ target: CallTarget, _ a0: A) -> CompiledExpr {
        if A.onlyReads && target.global != nil {
            // The argument first, then the callee straight from its slot: the closure is
            // retained once, for the call only.
            return { frame in
                let argument = try a0(frame)
                guard let c = target.globalClosure(1) else { return try target.slowCall(try target.load(frame), argument) }
                let callFrame = c.acquireFrame()
                callFrame.slots.initialize(to: consume argument)
                return try target.interp.invokeAndRelease(c, frame: callFrame, span: target.span, file: target.file)
            }
        }
        return { frame in
            let (callee, fv) = try target.resolve(frame, 1)
            guard let c = callee else { return try target.slowCall(fv, try a0(frame)) }
            let callFrame = c.acquireFrame()
            callFrame.slots.initialize(to: try a0(frame))
            return try target.interp.invokeAndRelease(c, frame: callFrame, span: target.span, file: target.file)
        }
    }

    /// A one-argument call, with its argument read by the cheapest reader that fits it.
    func call1(_ target: CallTarget, _ argument: Expr) -> CompiledExpr {
        withReader(argument, OneArgumentCall(target: target, compiler: self))
    }

    /// What `consumer` makes of `argument` read by the cheapest reader that fits it: a literal
    /// or variable in place, `a op b` of two such (and `local ± constant`) computed in place,
    /// anything else through its compiled closure.
    func withReader<C: ReaderConsumer>(_ argument: Expr, _ consumer: C) -> CompiledExpr {
        if Compiler.isDirectOperand(argument) { return consumer.make(DirectArgument(operand(argument), self)) }
        if case .binary(let op, let a, let b, _) = argument, op.arithmetic != nil,
           Compiler.isDirectOperand(a), Compiler.isDirectOperand(b),
           let code = op.built(ArithmeticReaderSite(consumer: consumer, left: operand(a), right: operand(b),
                                                    general: expression(argument))).code {
            return code
        }
        return consumer.make(CompiledArgument(expression(argument)))
    }

    func call2<A: ArgumentReader, B: ArgumentReader>(_ target: CallTarget, _ a0: A, _ a1: B) -> CompiledExpr {
        let site = CallSite2(target: target, a0: a0, a1: a1)
        return { frame in try site.run(frame) }
    }

    /// Three or more arguments (compiled closures kept in an array).
    func callN(_ target: CallTarget, _ arguments: [CompiledExpr]) -> CompiledExpr {
        let n = arguments.count
        return { frame in
            let (callee, fv) = try target.resolve(frame, n)
            guard let c = callee else { return try target.slowCall(fv, try arguments.map { try $0(frame) }) }
            let callFrame = c.acquireFrame()
            for i in 0..<n { (callFrame.slots + i).initialize(to: try arguments[i](frame)) }
            return try target.interp.invokeAndRelease(c, frame: callFrame, span: target.span, file: target.file)
        }
    }
}

/// A call site of two arguments as one object its closure captures (a closure context of
/// several captured values is unpacked into arguments on every call).
final class CallSite2<A: ArgumentReader, B: ArgumentReader> {
    let target: CallTarget
    let a0: A
    let a1: B

    init(target: CallTarget, a0: A, a1: B) {
        self.target = target
        self.a0 = a0
        self.a1 = a1
    }

    @inline(__always) func run(_ frame: Frame) throws -> Value {
        let (callee, fv) = try target.resolve(frame, 2)
        guard let c = callee else { return try target.slowCall(fv, try a0(frame), try a1(frame)) }
        let callFrame = c.acquireFrame()
        let slots = callFrame.slots
        slots.initialize(to: try a0(frame))
        (slots + 1).initialize(to: try a1(frame))
        return try target.interp.invokeAndRelease(c, frame: callFrame, span: target.span, file: target.file)
    }
}

/// An argument `a op b` of two literals or variables for `consumer`, read in place for the
/// operator of `op` (`Compiler.withReader`).
private struct ArithmeticReaderSite<C: ReaderConsumer>: ArithmeticSite {
    let consumer: C
    let left: Compiler.Operand, right: Compiler.Operand
    let general: CompiledExpr
    var code: CompiledExpr?

    init(consumer: C, left: Compiler.Operand, right: Compiler.Operand, general: @escaping CompiledExpr) {
        (self.consumer, self.left, self.right, self.general) = (consumer, left, right, general)
    }

    mutating func arithmetic<O: NumberOperator>(_: O.Type) {
        if case .local(let slot, _) = left, case .constant(let c) = right {
            code = consumer.make(SlotConstantArgument<O>(slot: slot, constant: c, general: general))
        } else {
            code = consumer.make(ArithmeticArgument<O>(left: left, right: right, general: general))
        }
    }
}

/// What a one-argument call site makes of its argument's reader (`Compiler.withReader`).
protocol ReaderConsumer {
    func make<A: ArgumentReader>(_ reader: A) -> CompiledExpr
}

/// A call of any callee with one argument (`Compiler.call1`).
struct OneArgumentCall: ReaderConsumer {
    let target: CallTarget
    let compiler: Compiler
    func make<A: ArgumentReader>(_ reader: A) -> CompiledExpr { compiler.call1(target, reader) }
}
