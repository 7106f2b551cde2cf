import KLSBase
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

    /// The error as a diagnostic for rendering, its traceback as notes: a run of the same
    /// entry (deep recursion) or of the same few entries (mutual recursion) is shown once,
    /// with how many times it repeats.
    public var diagnostic: Diagnostic {
        Diagnostic(.runtime, message, at: span, in: file, notes: RuntimeError.folded(traceback))
    }

    /// The most entries a cycle of mutual recursion may have to be folded.
    static let longestFoldedCycle = 6

    /// `entries` with each repeated cycle of up to `longestFoldedCycle` entries written once.
    static func folded(_ entries: [String]) -> [String] {
        var notes: [String] = []
        var i = 0
        while i < entries.count {
            var best = (period: 1, repeats: 1)
            for period in 1...longestFoldedCycle where i + 2 * period <= entries.count {
                var repeats = 1
                while i + (repeats + 1) * period <= entries.count,
                      entries[(i + repeats * period)..<(i + (repeats + 1) * period)] == entries[i..<(i + period)] {
                    repeats += 1
                }
                if repeats > 1, repeats * period > best.repeats * best.period { best = (period, repeats) }
            }
            if best.repeats == 1 {
                notes.append(entries[i])
            } else if best.period == 1 {
                notes.append(entries[i] + "  (×\(best.repeats))")
            } else {
                notes.append(contentsOf: entries[i..<(i + best.period)])
                notes.append("(these \(best.period) calls ×\(best.repeats))")
            }
            i += best.period * best.repeats
        }
        return notes
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

    /// Runs `body` with this flag as the thread's `Cancellation` flag, so the long loops of
    /// the numeric modules stop when it is raised.
    public func installed<T>(_ body: () throws -> T) rethrows -> T {
        try Cancellation.whileRunning(with: storage, body)
    }

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
