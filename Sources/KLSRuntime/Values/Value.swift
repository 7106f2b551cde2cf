import KLSNumerics
import KLSSyntax

/// A kls value. Numbers are unboxed; everything larger lives behind a reference or a
/// copy-on-write buffer, so copying a value is cheap.
public enum Value {
    case none
    case number(Double)
    case bool(Bool)
    case string(String)
    /// A vector, matrix or higher-rank array of numbers.
    case tensor(Tensor)
    /// A number or tensor recorded on an autodiff tape (inside `grad`, `minimize`, …).
    case tracked(Node)
    /// A sequence of arbitrary values (strings, distributions, mixed kinds).
    case list([Value])
    /// A function written in kls.
    case closure(Closure)
    /// A builtin function (its registry entry).
    case builtin(Builtin)
    /// Any other structured value: distributions, fits, codes, optimisers, plots, records.
    case object(Object)
    /// The content of a variable not yet assigned (never visible to programs).
    case unset

    /// The kind name users see in messages and `:type`.
    public var typeName: String {
        switch self {
        case .none: return "none"
        case .number: return "number"
        case .bool: return "bool"
        case .string: return "string"
        case .tensor(let t): return Tensor.describe(shape: t.shape)
        case .tracked(let n): return n.value.isScalar ? "number" : Tensor.describe(shape: n.value.shape)
        case .list(let items): return "list(\(items.count))"
        case .closure, .builtin: return "function"
        case .object(let o): return o.typeName
        case .unset: return "unset"
        }
    }

    /// The display as Markdown for front ends that render it (a code's table), else nil.
    /// Here rather than in the Jupyter kernel: a module that takes a `Value` apart emits its
    /// own copy of `Value`'s outlined destroy, and the kernel's (built with atomic reference
    /// counting, for its threads) was the one the linker kept for every release build.
    public var markdown: String? {
        @inline(never) get {
            if case .object(let o) = self { return o.markdown() }
            return nil
        }
    }

    /// The value as a differentiable numeric value, if it is numeric.
    public var asVar: Var? {
        switch self {
        case .number(let x): return .constant(Tensor(scalar: x))
        case .tensor(let t): return .constant(t)
        case .tracked(let n): return n.isLive ? .tracked(n) : .constant(n.value)
        case .bool(let b): return .constant(Tensor(scalar: b ? 1 : 0))
        default: return nil
        }
    }

    /// A numeric result as a value: scalars become numbers, tracked results stay tracked.
    public init(_ v: Var) {
        switch v {
        case .constant(let t): self = Value(t)
        case .tracked(let n): self = n.isLive ? .tracked(n) : Value(n.value)
        }
    }

    /// The text of a string, or of an object that stands for one (`Object.stringValue`).
    @inline(__always)
    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .object(let o): return o.stringValue
        default: return nil
        }
    }

    /// A tensor as a value (a rank-0 tensor is a number).
    public init(_ t: Tensor) {
        self = t.isScalar ? .number(t.data[0]) : .tensor(t)
    }
}

/// Structured values other than numbers, strings and functions. Each kind (distribution,
/// fit, code, optimiser, plot, record) is a subclass; fields are looked up by name.
open class Object {
    public init() {}

    /// The kind name shown by `:type` and in messages.
    open var typeName: String { "object" }

    /// The value of `.name`, or nil when there is no such field.
    open func field(_ name: String) -> Value? { nil }

    /// Field names, for completion after `.` and for messages.
    open var fieldNames: [String] { [] }

    /// The display of the value at the prompt and by `print`.
    open func display() -> String { "<\(typeName)>" }

    /// The display as Markdown, for front ends that render it (a notebook shows a code as a
    /// table); nil when the plain display is all there is.
    open func markdown() -> String? { nil }

    /// Whole-value equality (identity unless a subclass knows better).
    open func equals(_ other: Object) -> Bool { self === other }

    /// The string this object stands for wherever a string is used (an arithmetic codeword's
    /// bits); nil for objects that are not strings.
    open var stringValue: String? { nil }
}

/// A record with named fields in a fixed order, e.g. the result of a Monte Carlo estimate.
public final class Record: Object {
    public let name: String
    public let fields: [(String, Value)]

    public init(name: String, fields: [(String, Value)]) {
        self.name = name
        self.fields = fields
    }

    public override var typeName: String { name }
    public override func field(_ n: String) -> Value? { fields.first(where: { $0.0 == n })?.1 }
    public override var fieldNames: [String] { fields.map(\.0) }
    public override func display() -> String {
        name + "(" + fields.map { "\($0.0)=\(ValueFormatter.inline($0.1))" }.joined(separator: ", ") + ")"
    }
}

/// A function written in kls, with the frame it closes over.
public final class Closure {
    public let decl: FunctionDecl
    let compiled: CompiledFunction
    /// The frame of the enclosing function call (nil at the top level).
    let environment: Frame?
    /// Default values of the parameters, evaluated when the function was defined.
    let defaults: [Value?]
    /// Copied out of `decl` and `compiled` for the call fast path.
    let slotCount: Int
    let parameterCount: Int
    let body: (Frame) throws -> Value
    /// The body's numbers-only form (see `NumericCode`).
    let numeric: NumericCode?
    /// Frames of finished calls, reused by the next call when the function creates no
    /// closures (so no frame can outlive its call): one allocation saved per call. A fixed
    /// buffer of retained references, so taking and returning a frame costs no reference
    /// counting and no array bookkeeping.
    private var framePool: UnsafeMutablePointer<Unmanaged<Frame>>?
    private var pooledFrames = 0
    private let poolable: Bool
    /// For a function that creates closures: the slots no nested function uses, cleared when
    /// a call returns (see `FunctionDecl.capturedSlots`).
    private let uncapturedSlots: [Int]
    private static let maxPooledFrames = 64

    /// A fresh frame for a call (from the pool when possible), every slot unset.
    @inline(__always)
    func acquireFrame() -> Frame {
        if pooledFrames > 0, let pool = framePool {
            pooledFrames -= 1
            return pool[pooledFrames].takeRetainedValue()
        }
        return Frame.make(slotCount: slotCount, parent: environment)
    }

    /// Returns a frame whose call has finished.
    @inline(__always)
    func releaseFrame(_ frame: Frame) {
        guard poolable else { return frame.clear(uncapturedSlots) }
        guard pooledFrames < Closure.maxPooledFrames else { return }
        frame.clear()
        let pool = framePool ?? .allocate(capacity: Closure.maxPooledFrames)
        framePool = pool
        pool[pooledFrames] = Unmanaged.passRetained(frame)
        pooledFrames += 1
    }

    deinit {
        guard let pool = framePool else { return }
        for i in 0..<pooledFrames { pool[i].release() }
        pool.deallocate()
    }

    init(decl: FunctionDecl, compiled: CompiledFunction, environment: Frame?, defaults: [Value?]) {
        self.decl = decl
        self.compiled = compiled
        self.environment = environment
        self.defaults = defaults
        self.slotCount = decl.slotCount
        self.parameterCount = decl.parameters.count
        self.body = compiled.body
        self.numeric = compiled.numeric
        self.poolable = !decl.createsClosures
        self.uncapturedSlots = decl.createsClosures ? (0..<decl.slotCount).filter { !decl.capturedSlots.contains($0) } : []
    }

    /// The name for messages and tracebacks.
    public var name: String { decl.name?.name ?? "<lambda>" }
}
