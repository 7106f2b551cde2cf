import KLSSyntax

/// A second compiled form of a function whose body computes with numbers only — parameters,
/// number literals, arithmetic, comparisons in `if` conditions, `return`, and calls of global
/// functions that have such a form too (a recursive `fib`, `ack`). It runs on a stack of plain
/// `Double`s: no `Value` boxing, no frames, no reference counting per call.
///
/// The form is pure: it reads its parameters and calls other pure forms, and changes nothing.
/// So when it cannot go on — a callee without a numeric form, a call too deep, the numeric
/// stack full — it throws `Deoptimization`, and the call where numeric running began simply
/// runs again through the general code, which then does whatever the general rules say
/// (including the error message of a too-deep recursion). Results are bit for bit those of
/// the general code: the same `NumberOperator` and `NumberComparison` operations.
final class NumericCode {
    let arity: Int
    let body: NumericExpr
    /// Set when running numerically failed for a reason that would recur (a callee without
    /// a numeric form): calls then go straight to the general code. A body that calls no
    /// function starts disabled: entering the numeric form from general code costs more
    /// than the general body of such a function does; it still serves numeric callers.
    var disabled: Bool

    init(arity: Int, body: @escaping NumericExpr, makesCalls: Bool) {
        self.arity = arity
        self.body = body
        disabled = !makesCalls
    }
}

/// A numeric expression over the parameters of the running call (`slots[i]`).
typealias NumericExpr = (UnsafeMutablePointer<Double>) throws -> Double
/// A numeric `if` condition.
typealias NumericTest = (UnsafeMutablePointer<Double>) throws -> Bool

/// Why numeric running stopped; the call where it began runs again through the general code.
struct Deoptimization: Error {
    /// The failure would happen again on the next call (so the function's numeric form is
    /// switched off); false for a too-deep call, which depends on the argument.
    let recurs: Bool
    /// The call depth where running stopped.
    var depth = 0

    /// A run that went this many calls deeper than where it began before the depth limit (or
    /// the stack) stopped it switches the form off: the general rerun goes down the same
    /// recursion and would enter the form again at every level (time quadratic in the depth).
    static let deepRun = 256
}

/// A call of a global function from numeric code. Numeric code changes no variable, so during
/// one numeric run the callee stays what it was at the run's first call through this site:
/// its numeric form is looked up once per run and then used with no reference counting.
final class NumericCallSite {
    private let chunk: Frame
    private let offset: Int
    private let arity: Int
    /// Unowned and unchecked (no reference count traffic per numeric call). Sound: the site
    /// lives in code compiled for this interpreter, and such code only runs inside a call
    /// the interpreter makes (NumericTierTests and Language/numeric_tier.kls run it).
    private unowned(unsafe) let interp: Interpreter
    /// The run `cached` was looked up in (runs are numbered from 1).
    private var run = 0
    private var cached: Unmanaged<NumericCode>?

    init(chunk: Frame, offset: Int, arity: Int, interp: Interpreter) {
        self.chunk = chunk
        self.offset = offset
        self.arity = arity
        self.interp = interp
    }

    /// The callee's numeric form, or `Deoptimization` when it has none for this arity.
    @inline(__always)
    func callee() throws -> Unmanaged<NumericCode> {
        if run == interp.numericRun, let cached { return cached }
        return try lookUp()
    }

    private func lookUp() throws -> Unmanaged<NumericCode> {
        guard case .closure(let c) = chunk.slots[offset], c.parameterCount == arity, let code = c.numeric else {
            throw Deoptimization(recurs: true)
        }
        let found = Unmanaged.passUnretained(code)
        cached = found
        run = interp.numericRun
        return found
    }
}

/// The parameters of numeric calls, one block per active call (LIFO).
struct NumericStack {
    /// 1,048,576 doubles (8 MB, touched only as deep as calls go): far more than the
    /// 10,000-call depth limit times any real parameter count.
    static let capacity = 1 << 20
    /// Allocated by the first numeric run (most sessions never make one).
    private(set) var storage: UnsafeMutablePointer<Double>?
    /// The first free element.
    var top = 0

    /// The elements, allocating them the first time.
    mutating func base() -> UnsafeMutablePointer<Double> {
        if let storage { return storage }
        let fresh = UnsafeMutablePointer<Double>.allocate(capacity: NumericStack.capacity)
        storage = fresh
        return fresh
    }

    /// Frees the elements (the interpreter's deinit).
    func deallocate() { storage?.deallocate() }
}

extension Interpreter {
    /// Runs `c`'s numeric form when every argument in `frame` is a number; nil when it has
    /// none, an argument is not a number, or running numerically stopped (the caller then
    /// runs the general body).
    @inline(__always)
    func runNumerically(_ c: Closure, frame: Frame, span: SourceSpan?, file: SourceFile?) throws -> Value? {
        guard let code = c.numeric, !code.disabled, !plain else { return nil }
        return try enterNumeric(code, frame: frame, span: span, file: file)
    }

    private func enterNumeric(_ code: NumericCode, frame: Frame, span: SourceSpan?, file: SourceFile?) throws -> Value? {
        let start = numeric.top
        guard start + code.arity <= NumericStack.capacity else { return nil }
        let slots = numeric.base() + start
        for i in 0..<code.arity {
            guard case .number(let x) = frame.slots[i] else { return nil }
            slots[i] = x
        }
        numeric.top = start + code.arity
        numericRun &+= 1
        defer { numeric.top = start }
        do {
            return .number(try code.body(slots))
        } catch let stop as Deoptimization {
            if stop.recurs || stop.depth - depth >= Deoptimization.deepRun { code.disabled = true }
            return nil
        }
    }

    /// A numeric call of `code` whose arguments are already in place at the stack's top
    /// (`arity` of them, pushed by the caller): depth and interrupt checks, then the body.
    @inline(__always)
    func numericCall(_ callee: Unmanaged<NumericCode>, span: SourceSpan, file: SourceFile) throws -> Double {
        try callee._withUnsafeGuaranteedRef { code in
            let start = numeric.top &- code.arity
            defer { numeric.top = start }
            depth &+= 1
            defer { depth &-= 1 }
            if depth > maxDepth || NativeStack.current() < stackFloor { throw Deoptimization(recurs: false, depth: depth) }
            if interrupt.requested { throw RuntimeError.interrupted(at: span, in: file) }
            return try code.body(numeric.base() + start)
        }
    }

    /// Pushes one argument of a numeric call (`Deoptimization` when the stack is full).
    @inline(__always)
    func pushNumeric(_ x: Double) throws {
        guard numeric.top < NumericStack.capacity else { throw Deoptimization(recurs: false, depth: depth) }
        numeric.base()[numeric.top] = x
        numeric.top &+= 1
    }
}
