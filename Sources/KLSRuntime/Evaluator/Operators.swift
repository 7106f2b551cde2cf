import KLSBase
import KLSNumerics
import KLSSyntax

/// Operators on values beyond the number–number fast paths the compiler inlines.
extension Interpreter {
    /// `a op b` for arithmetic operators: elementwise with broadcasting on tensors, recorded
    /// on the tape when an operand is tracked, `+` concatenating strings.
    func arithmetic(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value {
        if case .number(let x) = a, case .number(let y) = b { return .number(op.apply(x, y)) }
        if op == .add, let s = a.stringValue {
            if let t = b.stringValue {
                try Interpreter.checkConcatenation(s, t)
                return .string(s + t)
            }
            throw BuiltinError("cannot add \(b.typeName) to a string (write f\"…{x}…\" or string(x) to put a value in text)")
        }
        if op == .add, b.stringValue != nil {
            throw BuiltinError("cannot add a string to \(a.typeName) (write f\"…{x}…\" or string(x) to put a value in text)")
        }
        guard let x = a.asVar, let y = b.asVar else {
            throw BuiltinError("'\(op.rawValue)' needs numbers, vectors or matrices (got \(a.typeName) and \(b.typeName))")
        }
        return try Interpreter.withinBudget(Value(try Var.binary(op, x, y)))
    }

    /// The longest string kls makes: 256 MiB of UTF-8 (the largest file `read_text` reads),
    /// so `s = s + s` forty times is an error, not the process aborting out of memory.
    public static let maxStringBytes = 1 << 28

    /// Throws when `s + t` would be longer than `maxStringBytes` or would not fit in the
    /// memory budget (`MemoryBudget`).
    static func checkConcatenation(_ s: String, _ t: String) throws {
        let bytes = s.utf8.count + t.utf8.count
        if bytes > maxStringBytes {
            throw BuiltinError("the string would be \(bytes) bytes long, more than the limit of \(maxStringBytes) (256 MiB)")
        }
        if let problem = MemoryBudget.problem(making: bytes, "a string of \(bytes) bytes") { throw BuiltinError(problem) }
    }

    /// Unary minus.
    func negate(_ a: Value) throws -> Value {
        if case .number(let x) = a { return .number(-x) }
        guard let v = a.asVar else { throw BuiltinError("cannot negate \(a.typeName)") }
        return try Interpreter.withinBudget(Value(Var.unary(.neg, v)))
    }

    /// `<`, `<=`, `>`, `>=`: a boolean for two numbers (or two strings); elementwise 0/1
    /// values for tensors, usable as masks (`p * (x > 0)`).
    func compare<C: NumberComparison>(_: C.Type, _ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if let s = a.stringValue, let t = b.stringValue { return .bool(C.test(s, t)) }
        guard let x = a.asVar?.value, let y = b.asVar?.value else {
            throw BuiltinError("'\(op.rawValue)' cannot compare \(a.typeName) with \(b.typeName)")
        }
        if x.isScalar && y.isScalar { return .bool(C.test(x.data[0], y.data[0])) }
        return try Interpreter.withinBudget(Value(try Broadcast.map(x, y, operation: op.rawValue) { C.test($0, $1) ? 1 : 0 }))
    }

    /// Whole-value equality: same kind, same shape, all elements equal.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.none, .none): return true
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.builtin(let x), .builtin(let y)): return x === y
        case (.closure(let x), .closure(let y)): return x === y
        case (.object(let x), .object(let y)): return x.equals(y)
        case (.list(let items), .tensor), (.tensor, .list(let items)):
            guard let x = try? Interpreter.numericList(items).value else { return false }
            let t = (a.asVar ?? b.asVar)?.value
            return t != nil && x.shape == t!.shape && x.data == t!.data
        default:
            if let x = a.stringValue, let y = b.stringValue { return x == y }
            guard let x = a.asVar?.value, let y = b.asVar?.value else { return false }
            if case .bool = a { return false }
            if case .bool = b { return false }
            return x.shape == y.shape && x.data == y.data
        }
    }

    /// The truth of a condition: a boolean, or a number (non-zero is true).
    static func truth(_ v: Value) -> Bool? {
        switch v {
        case .bool(let b): return b
        case .number(let x): return x != 0
        case .tracked(let n) where n.value.isScalar: return n.value.data[0] != 0
        default: return nil
        }
    }

    /// Normalises an index into 0..<count (negative indices count from the end).
    static func position(_ index: Value, count: Int, what: @autoclosure () -> String) throws -> Int {
        let x: Double
        switch index {
        case .number(let v): x = v
        case .tracked(let n) where n.value.isScalar: x = n.value.data[0]
        default: throw BuiltinError("an index must be a whole number (got \(index.typeName))")
        }
        guard x.isFinite, x.rounded() == x else { throw BuiltinError("an index must be a whole number (got \(ValueFormatter.number(x)))") }
        guard x >= Double(-count), x < Double(count) else {
            throw BuiltinError("index \(ValueFormatter.number(x)) is out of range for \(what()) (valid: 0…\(count - 1)\(count > 0 ? ", or -\(count)…-1 from the end" : ""))")
        }
        let i = Int(x)
        return i < 0 ? i + count : i
    }

    /// `a[i]`: an element of a vector, a row of a matrix, an item of a list, a character.
    func index(_ a: Value, _ i: Value) throws -> Value {
        switch a {
        case .tensor(let t):
            guard t.rank >= 1 else { throw BuiltinError("cannot index a number") }
            let k = try Interpreter.position(i, count: t.shape[0], what: Tensor.describe(shape: t.shape))
            if t.rank == 1 { return .number(t.data[k]) }
            return Value(t.slice(at: k)!)
        case .tracked(let n):
            guard n.value.rank >= 1 else { throw BuiltinError("cannot index a number") }
            let k = try Interpreter.position(i, count: n.value.shape[0], what: Tensor.describe(shape: n.value.shape))
            return Value(Var.slice(.tracked(n), k)!)
        case .list(let items):
            return items[try Interpreter.position(i, count: items.count, what: "a list of \(items.count)")]
        case .string(let s):
            let chars = Array(s)
            return .string(String(chars[try Interpreter.position(i, count: chars.count, what: "a string of length \(chars.count)")]))
        case .object(let o):
            if let items = o.field("items"), case .list = items { return try index(items, i) }
            if let s = o.stringValue { return try index(.string(s), i) }
            throw BuiltinError("cannot index \(o.typeName)")
        case .number:
            throw BuiltinError("cannot index a number")
        default:
            throw BuiltinError("cannot index \(a.typeName)")
        }
    }

    /// `a[i] = v` with one index: a number stored into a vector element in place, with no
    /// index array and no copy of the vector; other shapes go through `assign(into:path:)`.
    func assignElement(into a: inout Value, index: Value, _ v: Value) throws {
        if case .tensor = a, case .number(let d) = index, case .number(let x) = v {
            guard case .tensor(var t) = a else { return }
            a = .none
            defer { a = .tensor(t) }
            if t.rank == 1 {
                t.data[try Interpreter.position(.number(d), count: t.count, what: Tensor.describe(shape: t.shape))] = x
                return
            }
        }
        try assign(into: &a, path: [index][...], v)
    }

    /// `a[i₀][i₁]… = v` on a copy of `a` (values are never shared: vectors are values).
    func assign(into a: inout Value, path: ArraySlice<Value>, _ v: Value) throws {
        guard let first = path.first else { a = v; return }
        if let x = a.asVar, x.value.rank >= 1, let y = v.asVar, x.isTracked || y.isTracked {
            // Gradients flow through the store: recorded as one replacing operation.
            guard path.count <= x.value.rank else { throw BuiltinError("too many indices for \(Tensor.describe(shape: x.value.shape))") }
            let shape = x.value.shape
            let selections = try path.enumerated().map { axis, i in
                AxisSelection.at(try Interpreter.position(i, count: shape[axis], what: Tensor.describe(shape: Array(shape[axis...]))))
            }
            a = Value(try Var.replacing(x, selections, with: y))
            return
        }
        // The payload is moved out of `a` before it is changed (a switch on `a` would keep a
        // second reference alive and copy the whole vector on every element store).
        if case .tensor = a {
            guard case .tensor(var t) = a else { return }
            a = .none
            defer { a = .tensor(t) }
            guard t.rank >= 1 else { throw BuiltinError("cannot index a number") }
            var offset = 0
            var shape = t.shape[...]
            var remaining = path
            while let idx = remaining.first, let extent = shape.first {
                // Named as a read names it: the axis of a matrix, or the vector.
                let axis = t.rank - shape.count, whole = Tensor.describe(shape: t.shape)
                let what = t.rank == 1 ? whole : "axis \(axis) (length \(extent)) of \(whole)"
                let k = try Interpreter.position(idx, count: extent, what: what)
                shape = shape.dropFirst()
                offset = offset * extent + k
                remaining = remaining.dropFirst()
            }
            if !remaining.isEmpty { throw BuiltinError("too many indices for \(Tensor.describe(shape: t.shape))") }
            let size = Tensor.elementCount(Array(shape))
            if case .number(let x) = v, size == 1 { t.data[offset] = x; return }
            guard let part = v.asVar?.value, part.count == size || part.count == 1 else {
                let target = size == 1 ? "an element" : "a part of shape \(Tensor.describe(shape: Array(shape)))"
                throw BuiltinError("cannot store \(v.typeName) into \(target) of \(Tensor.describe(shape: t.shape))")
            }
            let base = offset * size
            for k in 0..<size { t.data[base + k] = part.count == 1 ? part.data[0] : part.data[k] }
            return
        }
        if case .list = a {
            guard case .list(var items) = a else { return }
            a = .none
            defer { a = .list(items) }
            let k = try Interpreter.position(first, count: items.count, what: "a list of \(items.count)")
            try assign(into: &items[k], path: path.dropFirst(), v)
            return
        }
        if case .tracked(let n) = a {  // of a finished recording: a plain tensor now
            var plain = Value(n.value)
            try assign(into: &plain, path: path, v)
            a = plain
            return
        }
        throw BuiltinError("cannot assign into an element of \(a.typeName)")
    }

    /// `a.name`.
    func field(_ a: Value, _ name: String) throws -> Value {
        if case .object(let o) = a {
            if let v = o.field(name) { return v }
            let names = o.fieldNames
            var message = "\(o.typeName) has no field '\(name)'"
            if !names.isEmpty { message += " (fields: \(names.joined(separator: ", ")))" }
            if let answer = Habits.field(name) { message += "; did you mean \(answer)?" }
            throw BuiltinError(message)
        }
        if let v = a.asVar?.value {
            switch name {
            case "shape": return .tensor(Tensor(vector: v.shape.map(Double.init)))
            case "T": return Value(v.transposed())
            default: break
            }
        }
        throw BuiltinError("\(a.typeName) has no field '\(name)'" + (Habits.field(name).map { "; did you mean \($0)?" } ?? ""))
    }

    /// An array literal: numbers make a vector, equal-shape vectors a matrix (up to
    /// `Tensor.maxRank` axes), anything else a list.
    func array(_ items: [Value]) throws -> Value {
        if items.isEmpty { return .tensor(Tensor(vector: [])) }
        if let v = try? Interpreter.numericList(items) { return Value(v) }
        return .list(items)
    }

    /// Numeric items stacked into one tensor (tracked when any item is), or an error.
    static func numericList(_ items: [Value]) throws -> Var {
        var allNumbers = true
        var anyTracked = false
        for item in items {
            switch item {
            case .number: continue
            case .tracked: anyTracked = true; allNumbers = false
            case .tensor: allNumbers = false
            default: throw BuiltinError("not numeric")
            }
        }
        if allNumbers {
            return .constant(Tensor(vector: items.map { if case .number(let x) = $0 { return x }; return 0 }))
        }
        let parts = items.compactMap(\.asVar)
        if anyTracked { return try Var.stack(parts) }
        let inner = parts[0].value.shape
        guard inner.count < Tensor.maxRank else { throw BuiltinError("more than \(Tensor.maxRank) axes") }
        var data: [Double] = []
        for p in parts {
            guard p.value.shape == inner else { throw BuiltinError("rows have different lengths") }
            data += p.value.data
        }
        return .constant(Tensor(shape: [parts.count] + inner, data: data))
    }

    /// The items `for x in v` walks: elements of a vector, rows of a matrix, list items,
    /// characters of a string.
    func iterationItems(_ v: Value) throws -> [Value] {
        switch v {
        case .tensor(let t):
            if t.rank == 0 { throw BuiltinError("cannot loop over a number (use range(n))") }
            if t.rank == 1 { return t.data.map { .number($0) } }
            return (0..<t.shape[0]).map { Value(t.slice(at: $0)!) }
        case .tracked(let n):
            guard n.value.rank >= 1 else { throw BuiltinError("cannot loop over a number (use range(n))") }
            return (0..<n.value.shape[0]).map { Value(Var.slice(.tracked(n), $0)!) }
        case .list(let items): return items
        case .string(let s): return s.map { .string(String($0)) }
        case .object(let o):
            if let items = o.field("items") { return try iterationItems(items) }
            if let s = o.stringValue { return try iterationItems(.string(s)) }
            throw BuiltinError("cannot loop over \(o.typeName)")
        default:
            throw BuiltinError("cannot loop over \(v.typeName)")
        }
    }
}
