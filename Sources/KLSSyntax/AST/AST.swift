/// Where a name lives at run time; filled in by the resolver before anything runs.
public enum Resolution: Sendable, Equatable {
    /// Slot of the current function's frame.
    case local(Int)
    /// Slot of an enclosing function's frame, `depth` frames up the closure chain.
    case enclosing(depth: Int, slot: Int)
    /// Index in the session's global table.
    case global(Int)
    /// Index in the builtin registry.
    case builtin(Int)
}

/// One occurrence of a name in the source; the resolver records where it lives.
public final class NameRef {
    public let name: String
    public let span: SourceSpan
    public var resolution: Resolution?

    public init(_ name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }
}

/// Unary operators.
public enum UnaryOperator: String, Sendable { case negate = "-", plus = "+", not = "not" }

/// Binary operators (arithmetic and comparison; `and`/`or` are `Expr.logical`).
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^", modulo = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}

/// A call argument, positional or `name=value`.
public struct Argument {
    public var label: String?
    public var labelSpan: SourceSpan?
    public var value: Expr

    public init(label: String?, labelSpan: SourceSpan?, value: Expr) {
        self.label = label
        self.labelSpan = labelSpan
        self.value = value
    }
}

/// One position inside `[…]`: an index (`v[i]`, `M[i, j]`) or a slice `start:stop:step` with
/// each part optional (`v[1:3]`, `v[::2]`, `M[:, 0]`).
public enum Subscript {
    case index(Expr)
    /// The parts that were written, and the span from the first part (or colon) to the last.
    case slice(start: Expr?, stop: Expr?, step: Expr?, SourceSpan)

    /// What messages about this subscript underline.
    public var span: SourceSpan {
        switch self {
        case .index(let e): return e.span
        case .slice(_, _, _, let s): return s
        }
    }

    /// The expressions written in it, in order.
    public var expressions: [Expr] {
        switch self {
        case .index(let e): return [e]
        case .slice(let a, let b, let c, _): return [a, b, c].compactMap { $0 }
        }
    }

    /// The index expression when this is a plain index.
    public var index: Expr? {
        if case .index(let e) = self { return e }
        return nil
    }
}

/// A piece of an f-string: literal text, or a value with an optional format spec.
public enum FormatPart {
    case text(String)
    /// `{value}` or `{value:spec}`: the spec's text and where it is; `conversion` r or s for
    /// `{value!r}` / `{value!s}`; `echo` the text `{value=}` writes before the value (`value=`).
    case value(Expr, spec: String?, specSpan: SourceSpan?, conversion: Character?, echo: String?)
}

/// Expressions. Spans point at what a message about the node should underline.
public indirect enum Expr {
    case number(Double, SourceSpan)
    case string(String, SourceSpan)
    /// `f"…{expr}…{expr:spec}…"`.
    case formatString([FormatPart], SourceSpan)
    case bool(Bool, SourceSpan)
    case none(SourceSpan)
    case name(NameRef)
    case unary(UnaryOperator, Expr, SourceSpan)
    /// Operator, operands, and the operator's span.
    case binary(BinaryOperator, Expr, Expr, SourceSpan)
    /// `and` (isAnd) or `or`, short-circuiting.
    case logical(isAnd: Bool, Expr, Expr, SourceSpan)
    /// Callee, arguments, span of the whole call.
    case call(Expr, [Argument], SourceSpan)
    /// `a[s₀, s₁, …]`: the indexed value, its subscripts (at least one), the span of the whole.
    case index(Expr, [Subscript], SourceSpan)
    case field(Expr, String, SourceSpan)
    case array([Expr], SourceSpan)
    case lambda(FunctionDecl)

    /// The span of the whole expression.
    public var span: SourceSpan {
        switch self {
        case .number(_, let s), .string(_, let s), .bool(_, let s), .none(let s), .formatString(_, let s): return s
        case .name(let n): return n.span
        case .unary(_, let e, let s): return s.to(e.span)
        case .binary(_, let a, let b, _), .logical(_, let a, let b, _): return a.span.to(b.span)
        case .call(_, _, let s), .index(_, _, let s), .field(_, _, let s), .array(_, let s): return s
        case .lambda(let f): return f.span
        }
    }

    /// The span messages about this expression point at: a call's callee, an operator.
    public var anchor: SourceSpan {
        switch self {
        case .call(.call(_, _, let inner), _, _): return inner  // f(1)(2): the call f(1), no walk down the chain
        case .call(let callee, _, _): return callee.anchor
        case .binary(_, _, _, let s), .logical(_, _, _, let s): return s
        default: return span
        }
    }
}

/// A function parameter, with an optional default value.
public struct Parameter {
    public var name: NameRef
    public var defaultValue: Expr?
}

/// A function: `fn f(a) { … }`, `f(a) = …` or `a -> …`.
public final class FunctionDecl {
    /// The name, nil for a lambda.
    public let name: NameRef?
    public let parameters: [Parameter]
    public let body: [Stmt]
    public let span: SourceSpan
    /// Number of frame slots (parameters first, then other locals); set by the resolver.
    public var slotCount = 0
    /// Names of the slots, for debugging and `:vars`.
    public var slotNames: [String] = []
    /// True when the body defines a function or lambda (which may capture its frame); set by
    /// the resolver. Frames of functions that create no closures never outlive their call.
    public var createsClosures = false
    /// The slots that nested functions read or write (set by the resolver). When a call of a
    /// function that creates closures returns, its other slots are cleared: a closure kept
    /// in one of them (`h = () -> 1`) would otherwise hold the frame that holds it, a cycle
    /// that reference counting never frees.
    public var capturedSlots: Set<Int> = []

    public init(name: NameRef?, parameters: [Parameter], body: [Stmt], span: SourceSpan) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.span = span
    }
}

/// Statements.
public indirect enum Stmt {
    /// An expression; `echo` is false when a trailing `;` silences it at the prompt.
    case expression(Expr, echo: Bool)
    /// `name = value`.
    case assign(NameRef, Expr, SourceSpan)
    /// `target[…][…]… = value`: the base name, the subscripts of each `[…]` in order, the value.
    case assignIndex(NameRef, [[Subscript]], Expr, SourceSpan)
    case function(FunctionDecl)
    case ifElse(Expr, [Stmt], [Stmt]?, SourceSpan)
    case forIn(NameRef, Expr, [Stmt], SourceSpan)
    case whileLoop(Expr, [Stmt], SourceSpan)
    case returnValue(Expr?, SourceSpan)
    case breakLoop(SourceSpan)
    case continueLoop(SourceSpan)
}

/// A parsed program.
public struct Program {
    public var statements: [Stmt]
    public let file: SourceFile

    public init(statements: [Stmt], file: SourceFile) {
        self.statements = statements
        self.file = file
    }
}
