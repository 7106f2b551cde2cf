import KLSNumerics
import KLSSyntax

/// A subscript with its expressions evaluated: an index, or the bounds of a slice (nil where
/// a part was left out), and where it was written, for errors about it.
struct SubscriptValue {
    enum Part {
        case index(Value)
        case slice(start: Value?, stop: Value?, step: Value?)
    }

    let part: Part
    let span: SourceSpan
    let file: SourceFile

    /// An error about this subscript, underlining it.
    func error(_ message: String) -> RuntimeError { RuntimeError(message, at: span, in: file) }

    /// What it selects along an axis of `length` (`what` names the axis in messages).
    func selection(length: Int, what: @autoclosure () -> String) throws -> AxisSelection {
        switch part {
        case .index(let i):
            do { return .at(try Interpreter.position(i, count: length, what: what())) } catch let e as BuiltinError {
                throw error(e.message)
            }
        case .slice(let start, let stop, let step):
            let s = try bound(step, "step", length: length) ?? 1
            if s == 0 { throw error("a slice step cannot be zero") }
            return .slice(start: try bound(start, "start", length: length), stop: try bound(stop, "end", length: length),
                          step: s, length: length)
        }
    }

    /// A slice bound as a whole number (nil when left out or `none`), clamped to ±(length + 1),
    /// which selects the same elements as any larger bound.
    private func bound(_ v: Value?, _ name: String, length: Int) throws -> Int? {
        guard let v else { return nil }
        let x: Double
        switch v {
        case .none: return nil
        case .number(let d): x = d
        case .tracked(let n) where n.value.isScalar: x = n.value.data[0]
        default: throw error("a slice \(name) must be a whole number (got \(v.typeName))")
        }
        guard x.isFinite, x.rounded() == x else {
            throw error("a slice \(name) must be a whole number (got \(ValueFormatter.number(x)))")
        }
        let limit = Double(length + 1)
        return Int(Swift.min(Swift.max(x, -limit), limit))
    }
}

extension Interpreter {
    /// `a[s₀, s₁, …]`: elements, rows, columns and blocks of tensors (differentiable), items
    /// and slices of lists, characters and substrings of strings.
    func subscripted(_ a: Value, _ subscripts: [SubscriptValue]) throws -> Value {
        switch a {
        case .tensor, .tracked:
            guard let x = a.asVar, x.value.rank >= 1 else { throw BuiltinError("cannot index a number") }
            let selected = Var.select(x, try Interpreter.selections(subscripts, shape: x.value.shape))
            try stopIfInterrupted()
            return try Interpreter.withinBudget(Value(selected))
        case .list(let items):
            let first = try subscripts[0].selection(length: items.count, what: "a list of \(items.count)")
            guard case .range = first else {
                guard case .at(let k) = first else { return .none }
                return subscripts.count == 1 ? items[k] : try subscripted(items[k], Array(subscripts.dropFirst()))
            }
            if subscripts.count > 1 { throw subscripts[1].error("a slice of a list takes one subscript") }
            return .list(Interpreter.positions(first).map { items[$0] })
        case .string(let s):
            let chars = Array(s)
            if subscripts.count > 1 { throw subscripts[1].error("a string takes one subscript") }
            let selection = try subscripts[0].selection(length: chars.count, what: "a string of length \(chars.count)")
            return .string(String(Interpreter.positions(selection).map { chars[$0] }))
        case .object(let o):
            if let items = o.field("items"), case .list = items { return try subscripted(items, subscripts) }
            if let s = o.stringValue { return try subscripted(.string(s), subscripts) }
            throw BuiltinError("cannot index \(o.typeName)")
        case .number, .bool:
            throw BuiltinError("cannot index a number")
        default:
            throw BuiltinError("cannot index \(a.typeName)")
        }
    }

    /// `a[g₀][g₁]… = v` for subscripts with slices: the innermost selection is written, and
    /// each enclosing one gets its changed copy back (values stay values).
    func assign(into a: inout Value, subscripts path: ArraySlice<[SubscriptValue]>, _ v: Value) throws {
        guard let first = path.first else { a = v; return }
        if path.count == 1 { return try assignSelection(into: &a, first, v) }
        var inner = try subscripted(a, first)
        try assign(into: &inner, subscripts: path.dropFirst(), v)
        try assignSelection(into: &a, first, inner)
    }

    /// `a[s₀, s₁, …] = v`: into a tensor in place (v broadcast to the selection; recorded when
    /// either side carries gradients), into a list's items.
    private func assignSelection(into a: inout Value, _ subscripts: [SubscriptValue], _ v: Value) throws {
        switch a {
        case .tensor where !(v.asVar?.isTracked ?? false):
            guard case .tensor(var t) = a else { return }
            a = .none  // the payload is moved out so it is uniquely held and written in place
            defer { a = .tensor(t) }
            guard t.rank >= 1 else { throw BuiltinError("cannot index a number") }
            guard let part = v.asVar?.value else {
                throw BuiltinError("cannot store \(v.typeName) into \(Tensor.describe(shape: t.shape))")
            }
            try t.assign(part, at: try Interpreter.selections(subscripts, shape: t.shape))
            try stopIfInterrupted()
        case .tensor, .tracked:
            guard let x = a.asVar, x.value.rank >= 1 else { throw BuiltinError("cannot index a number") }
            guard let y = v.asVar else {
                throw BuiltinError("cannot store \(v.typeName) into \(Tensor.describe(shape: x.value.shape))")
            }
            a = Value(try Var.replacing(x, try Interpreter.selections(subscripts, shape: x.value.shape), with: y))
            try stopIfInterrupted()
        case .list:
            guard case .list(var items) = a else { return }
            a = .none
            defer { a = .list(items) }
            let first = try subscripts[0].selection(length: items.count, what: "a list of \(items.count)")
            if case .at(let k) = first {
                if subscripts.count == 1 { items[k] = v } else { try assignSelection(into: &items[k], Array(subscripts.dropFirst()), v) }
                return
            }
            if subscripts.count > 1 { throw subscripts[1].error("a slice of a list takes one subscript") }
            let positions = Interpreter.positions(first)
            let values = try iterationItems(v)
            guard values.count == positions.count else {
                throw BuiltinError("cannot assign \(values.count) items to a slice of \(positions.count)")
            }
            for (p, x) in zip(positions, values) { items[p] = x }
        case .string:
            throw BuiltinError("cannot assign into a string (strings are values: build a new one with + or a slice)")
        default:
            throw BuiltinError("cannot assign into an element of \(a.typeName)")
        }
    }

    /// Reports Ctrl-C after a selection of a tensor was read or written: a long one stops early
    /// (see `Cancellation`), and what it made must not be used (a store stopped so has
    /// written nothing).
    private func stopIfInterrupted() throws {
        if interrupt.requested { throw RuntimeError.interrupted(at: nil, in: nil) }
    }

    /// The selection of each axis of a tensor of `shape`; fewer subscripts than axes take the
    /// remaining axes whole (`M[i]` is row i).
    static func selections(_ subscripts: [SubscriptValue], shape: [Int]) throws -> [AxisSelection] {
        guard subscripts.count <= shape.count else {
            throw subscripts[shape.count].error(
                "too many subscripts: \(Tensor.describe(shape: shape)) has \(shape.count) ax\(shape.count == 1 ? "is" : "es") (got \(subscripts.count))")
        }
        return try subscripts.enumerated().map { axis, s in
            try s.selection(length: shape[axis], what: shape.count == 1
                ? Tensor.describe(shape: shape) : "axis \(axis) (length \(shape[axis])) of \(Tensor.describe(shape: shape))")
        }
    }

    /// The positions a selection of one axis picks, in order.
    static func positions(_ selection: AxisSelection) -> [Int] {
        switch selection {
        case .at(let k): return [k]
        case .range(let start, let count, let step): return (0..<count).map { start + $0 * step }
        }
    }
}
