import KLSSyntax

/// A failure while running, with where it happened and the kls calls that led there.
public struct RuntimeError: Error {
    public var message: String
    public var span: SourceSpan?
    public var file: SourceFile?
    /// Innermost call first: "in f at FILE:LINE:COL".
    public var traceback: [String] = []
    /// True when the run was stopped by Ctrl-C.
    public var isInterrupt = false

    public init(_ message: String, at span: SourceSpan?, in file: SourceFile?) {
        self.message = message
        self.span = span
        self.file = file
    }

    /// The error as a diagnostic for rendering, its traceback as notes (runs of the same
    /// entry, as in deep recursion, shown once with a count).
    public var diagnostic: Diagnostic {
        var notes: [String] = []
        var i = 0
        while i < traceback.count {
            var j = i
            while j + 1 < traceback.count, traceback[j + 1] == traceback[i] { j += 1 }
            notes.append(traceback[i] + (j > i ? "  (×\(j - i + 1))" : ""))
            i = j + 1
        }
        return Diagnostic(.runtime, message, at: span, in: file, notes: notes)
    }

    static func interrupted(at span: SourceSpan?, in file: SourceFile?) -> RuntimeError {
        var e = RuntimeError("interrupted", at: span, in: file)
        e.isInterrupt = true
        return e
    }
}

/// A request to stop the running program (Ctrl-C), polled by loops and calls. Each
/// interpreter polls its own flag: by default the process-wide one the SIGINT handler sets;
/// a test (or any embedder) can give an interpreter a private flag to stop it alone.
public final class InterruptFlag: @unchecked Sendable {
    /// The flag's byte. A signal handler writes it through `Interrupts.requested`, touching
    /// no object (release builds count references non-atomically: see Package.swift).
    private let storage: UnsafeMutablePointer<Bool>

    /// Raised to stop; lowered by the session when the stop has been reported.
    public var requested: Bool {
        get { storage.pointee }
        set { storage.pointee = newValue }
    }

    public init() {
        storage = .allocate(capacity: 1)
        storage.initialize(to: false)
    }

    private init(storage: UnsafeMutablePointer<Bool>) { self.storage = storage }

    deinit { if storage != Interrupts.processStorage { storage.deallocate() } }

    /// The flag the command line's SIGINT handler raises.
    public static let process = InterruptFlag(storage: Interrupts.processStorage)
}

/// Ctrl-C handling for the command line and the prompt: the process-wide flag.
public enum Interrupts {
    /// The process-wide flag's byte, allocated once and never freed.
    nonisolated(unsafe) static let processStorage: UnsafeMutablePointer<Bool> = {
        let p = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        p.initialize(to: false)
        return p
    }()

    public static var requested: Bool {
        get { processStorage.pointee }
        set { processStorage.pointee = newValue }
    }
}

/// Control flow out of a statement.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned(Value)
}

typealias CompiledExpr = (Frame) throws -> Value
typealias CompiledStmt = (Frame) throws -> Flow

/// A function body compiled to closures, with what the call machinery needs to bind arguments.
final class CompiledFunction {
    let body: (Frame) throws -> Value
    /// The body's numbers-only form, when it has one (see `NumericCode`).
    let numeric: NumericCode?
    let signature: Signature
    let file: SourceFile

    init(body: @escaping (Frame) throws -> Value, numeric: NumericCode?, signature: Signature, file: SourceFile) {
        self.body = body
        self.numeric = numeric
        self.signature = signature
        self.file = file
    }
}
