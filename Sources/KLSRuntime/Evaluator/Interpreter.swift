import Foundation
import KLSInformation
import KLSNumerics
import KLSSpecial
import KLSSyntax

/// The state of one kls session — globals, the random source, the output — and the call
/// machinery every compiled call goes through.
public final class Interpreter {
    // What every call reads and writes comes first, within one cache line of the object
    // (declaration order is layout order).
    /// Current depth of kls calls, limited by `maxDepth`.
    var depth = 0
    /// Deepest allowed nesting of kls calls (the native stack is sized for it).
    public var maxDepth = 10_000
    /// Lowest safe native stack address of the thread running the session (0: unchecked).
    var stackFloor: UInt = 0
    /// The Ctrl-C flag this interpreter polls.
    public let interrupt: InterruptFlag
    /// The parameters of running numeric forms of functions (see `NumericCode`).
    var numeric = NumericStack()
    /// Numbers the numeric runs (see `NumericCallSite`).
    var numericRun = 0
    /// Plain mode: every specialisation of the evaluator is off — the numeric tier, fused
    /// `x = x op e` updates, element stores, in-place append, the counting `range` loop,
    /// read-in-place operands and arguments, conditional function bodies, fixed-arity
    /// calls — so a program runs through the general code only. The test suite runs
    /// programs both ways and requires the same output and errors (README, "Plain mode").
    /// Read when code is compiled: set it before running a program. Default: `KLS_PLAIN=1`
    /// in the environment.
    public var plain = Interpreter.plainFromEnvironment

    public let registry: BuiltinRegistry
    let globals = GlobalTable()
    /// The seeded random source behind `sample` and every random draw.
    public var random = RandomSource(seed: 0x6b6c73)
    /// Where `print` writes.
    public var write: (String) -> Void
    /// Where warnings go (standard error unless a host captures them).
    public var warn: (String) -> Void = { Console.err.write($0) }
    /// The call sites that have warned (each warns once).
    var warnings = WarningLog()
    /// The most recent figure drawn, for `savefig`.
    public var lastFigure: Object?
    /// Whether output goes to a terminal (plots use colour only then).
    public var outputIsTerminal = false
    /// Where plots, animations and fit progress go when the front end shows pictures (a
    /// notebook); nil: they are printed as text.
    public var display: ((DisplayItem) -> Void)?

    /// What the last computation stopped by Ctrl-C had found (a fit's steps so far), which
    /// the prompt shows and keeps in `ans`. Kept here, not in the `RuntimeError`: an error
    /// carrying a `Value` was destroyed as garbage in test builds (an outcome read back as
    /// the wrong case).
    public var interruptedResult: Value?

    /// Why output written through `write` was lost (a full disk, a closed descriptor), or nil;
    /// `print` and the plots stop the program with that error.
    public var outputFailure: () -> String? = { nil }

    /// `kl_div`'s xlogy(t, t) terms of the last target (see `TargetTermCache`).
    let targetTerms = TargetTermCache()

    /// Whether the environment asks for plain mode (`KLS_PLAIN=1`).
    public static let plainFromEnvironment: Bool = {
        guard let value = getenv("KLS_PLAIN") else { return false }
        return String(cString: value) == "1"
    }()

    public init(registry: BuiltinRegistry = BuiltinRegistry.standard(), interrupt: InterruptFlag = .process,
                write: @escaping (String) -> Void) {
        self.registry = registry
        self.interrupt = interrupt
        self.write = write
    }

    deinit { numeric.deallocate() }

    /// Names of the session's variables that hold values.
    public var variableNames: [String] { globals.definedNames }

    /// The value of a global variable.
    public func global(_ name: String) -> Value? { globals.value(of: name) }

    /// Sets a global variable (used for `ans` and by tests).
    public func setGlobal(_ name: String, _ value: Value) { globals.set(name, value) }

    /// Forgets every variable.
    public func resetGlobals() { globals.reset() }

    // MARK: Calls

    /// Calls any callable value with positional arguments (used by builtins such as `grad`).
    public func call(_ callee: Value, _ args: [Value]) throws -> Value {
        try call(callee, positional: args, labeled: [], span: nil, file: nil)
    }

    /// Calls a value with bound arguments; `span` (the callee's name) locates errors.
    func call(_ callee: Value, positional: [Value], labeled: [(String, Value)],
              span: SourceSpan?, file: SourceFile?) throws -> Value {
        switch callee {
        case .closure(let c):
            let frame = Frame.make(slotCount: c.slotCount, parent: c.environment)
            try bind(c, frame: frame, positional: positional, labeled: labeled, span: span, file: file)
            return try invokeAndRelease(c, frame: frame, span: span, file: file)
        case .builtin(let b):
            return try callBuiltin(b, positional: positional, labeled: labeled, span: span, file: file)
        default:
            throw RuntimeError("\(callee.typeName) is not a function", at: span, in: file)
        }
    }

    /// Fills a new frame's parameter slots from the arguments and defaults.
    func bind(_ c: Closure, frame: Frame, positional: [Value], labeled: [(String, Value)],
              span: SourceSpan?, file: SourceFile?) throws {
        let sig = c.compiled.signature
        if let problem = sig.mismatch(positional: positional.count, labels: labeled.map(\.0)) {
            throw RuntimeError(problem, at: span, in: file)
        }
        for (i, v) in positional.enumerated() { frame.slots[i] = v }
        for (label, v) in labeled {
            if let i = sig.parameters.firstIndex(of: label) { frame.slots[i] = v }
        }
        for i in positional.count..<sig.parameters.count {
            if case .unset = frame.slots[i], let d = c.defaults[i] { frame.slots[i] = d }
        }
    }

    /// Runs a closure's body in a prepared frame, enforcing the depth limit and adding a
    /// traceback entry when an error passes through.
    @inline(__always)
    func invoke(_ c: Closure, frame: Frame, span: SourceSpan?, file: SourceFile?) throws -> Value {
        depth &+= 1   // bounded by maxDepth: no overflow check needed
        defer { depth &-= 1 }
        if depth > maxDepth || NativeStack.current() < stackFloor { throw tooDeep(c, span: span, file: file) }
        if interrupt.requested { throw RuntimeError.interrupted(at: span, in: file) }
        do {
            if let value = try runNumerically(c, frame: frame, span: span, file: file) { return value }
            return try c.body(frame)
        } catch let e as RuntimeError {
            throw Interpreter.traced(e, through: c, span: span, file: file)
        }
    }

    // The error paths of `invoke`, kept out of line so every compiled call site stays small.

    @inline(never)
    private func tooDeep(_ c: Closure, span: SourceSpan?, file: SourceFile?) -> RuntimeError {
        RuntimeError("recursion too deep (more than \(depth > maxDepth ? maxDepth : depth - 1) nested calls) in \(c.name)", at: span, in: file)
    }

    /// `e` with a traceback entry for the call of `c` at `span` (every call: the depth is
    /// bounded by `maxDepth`, and `RuntimeError.diagnostic` folds the repetitions).
    @inline(never)
    private static func traced(_ e: RuntimeError, through c: Closure, span: SourceSpan?, file: SourceFile?) -> RuntimeError {
        var e = e
        if let span, let file {
            let (line, col) = file.location(of: span.start)
            e.traceback.append("in \(c.name) called at \(file.name):\(line):\(col)")
        }
        return e
    }

    /// `invoke`, then returns the frame to the closure's pool.
    @inline(__always)
    func invokeAndRelease(_ c: Closure, frame: Frame, span: SourceSpan?, file: SourceFile?) throws -> Value {
        let result = try invoke(c, frame: frame, span: span, file: file)
        c.releaseFrame(frame)
        return result
    }

    func callBuiltin(_ b: Builtin, positional: [Value], labeled: [(String, Value)],
                     span: SourceSpan?, file: SourceFile?) throws -> Value {
        guard case .function(let body) = b.body else {
            throw RuntimeError("\(b.name) is a constant, not a function", at: span, in: file)
        }
        let sig = b.signature
        if let problem = sig.mismatch(positional: positional.count, labels: labeled.map(\.0)) {
            throw RuntimeError(problem, at: span, in: file)
        }
        var values = [Value](repeating: .unset, count: b.parameters.count)
        let fixed = sig.positionalCount
        for (i, v) in positional.prefix(fixed).enumerated() { values[i] = v }
        if b.variadic { values[fixed] = .list(Array(positional.dropFirst(fixed))) }
        var others: [Value] = []
        for (label, v) in labeled {
            if let i = sig.parameters.firstIndex(of: label) { values[i] = v } else { others.append(.list([.string(label), v])) }
        }
        if b.otherKeywords { values[values.count - 1] = .list(others) }
        for i in 0..<values.count {
            if case .unset = values[i] { values[i] = b.parameters[i].defaultValue ?? .none }
        }
        return try runBuiltin(body, Arguments(builtin: b, values: values, interpreter: self), span: span, file: file)
    }

    /// Runs a builtin's body on bound arguments; its errors are placed at `span`.
    func runBuiltin(_ body: (inout Arguments) throws -> Value, _ arguments: Arguments,
                     span: SourceSpan?, file: SourceFile?) throws -> Value {
        var args = arguments
        do {
            let result = try body(&args)
            if !warnings.pending.isEmpty { warnings.flush(at: span, in: file, to: warn) }
            // A long builtin stops early on Ctrl-C (see `Cancellation`) with a partial result,
            // which must not be used: the request is reported here, never dropped.
            if interrupt.requested { throw RuntimeError.interrupted(at: span, in: file) }
            return try Interpreter.withinBudget(result)
        } catch let e as RuntimeError {
            if e.span == nil { var e = e; e.span = span; e.file = file; throw e }
            throw e
        } catch {
            if interrupt.requested { throw RuntimeError.interrupted(at: span, in: file) }
            throw RuntimeError(String(describing: error), at: span, in: file)
        }
    }

    /// Throws when the output `write` goes to has refused a write (see `outputFailure`).
    func checkOutput() throws {
        if let failure = outputFailure() { throw BuiltinError("cannot write the output: \(failure)") }
    }
}
