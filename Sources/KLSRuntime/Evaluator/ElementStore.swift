import KLSSyntax

/// `v[i] = x` for a local or global `v`, as one object its closure captures: a number stored
/// into an element of a vector is written in place — the index read with no closure call when
/// it is a literal or variable, the vector moved out of its slot while it changes (so it is
/// uniquely held and never copied). Anything else (a list, a matrix, a negative or invalid
/// index, a value that is not a number) goes through `Interpreter.assignElement`.
final class ElementStore<S: SlotAccess> {
    let slot: S
    /// The index when it is a literal or variable (`.general` otherwise).
    let index: Compiler.Operand
    let indexExpression: CompiledExpr
    let value: CompiledExpr
    /// Reads `v` (its error when `v` is unassigned).
    let load: CompiledExpr
    let interp: Interpreter
    let span: SourceSpan
    let file: SourceFile

    init(slot: S, index: Compiler.Operand, indexExpression: @escaping CompiledExpr, value: @escaping CompiledExpr,
         load: @escaping CompiledExpr, interp: Interpreter, span: SourceSpan, file: SourceFile) {
        self.slot = slot
        self.index = index
        self.indexExpression = indexExpression
        self.value = value
        self.load = load
        self.interp = interp
        self.span = span
        self.file = file
    }

    @inline(__always) func run(_ frame: Frame) throws -> Flow {
        let p = slot.pointer(in: frame)
        if case .unset = p.pointee { _ = try load(frame) }   // reports the unassigned name
        let i: Value
        if let d = index.number(frame) { i = .number(d) } else { i = try indexExpression(frame) }
        let v = try value(frame)
        if case .number(let d) = i, case .number(let x) = v, d >= 0, d.rounded(.towardZero) == d,
           let length = p.pointee.vectorLength, d < Double(length), case .tensor(var t) = p.pointee {
            p.pointee = .none   // the slot lets go: `t` is the only reference
            t.data[Int(d)] = x
            p.pointee = .tensor(t)
            return .normal
        }
        try Compiler.located(span, file) { try interp.assignElement(into: &p.pointee, index: i, v) }
        return .normal
    }
}

private extension Value {
    /// The number of elements when this is a vector (a rank-1 tensor), read in place.
    var vectorLength: Int? {
        if case .tensor(let t) = self, t.rank == 1 { return t.count }
        return nil
    }
}
