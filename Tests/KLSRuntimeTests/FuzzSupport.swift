import Foundation
import KLSRuntime
import KLSSyntax

/// SplitMix64: a small, fast, seedable generator, so every fuzz run sees the same cases.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly chosen element (the arrays used here are never empty).
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}

/// Stops runaway programs: while a case runs past its budget, the watchdog keeps raising
/// its own interrupt flag (which the cases' interpreters poll, not the process-wide one, so
/// other tests run undisturbed); `end()` clears it under the same lock, so the flag is only
/// ever up while one of our cases is running.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var deadline: DispatchTime?
    private var stopped = false
    /// The flag to give the interpreters this watchdog guards.
    let flag = InterruptFlag()

    init() {
        let thread = Thread { [self] in
            while true {
                usleep(5_000)
                lock.lock()
                if stopped { lock.unlock(); return }
                if let deadline, DispatchTime.now() > deadline { flag.requested = true }
                lock.unlock()
            }
        }
        thread.start()
    }

    func begin(budget: DispatchTimeInterval) {
        lock.lock()
        deadline = DispatchTime.now() + budget
        lock.unlock()
    }

    func end() {
        lock.lock()
        deadline = nil
        flag.requested = false
        lock.unlock()
    }

    func stop() {
        lock.lock()
        stopped = true
        deadline = nil
        flag.requested = false
        lock.unlock()
    }
}

/// How one fuzz case ended (a trap would end the whole test process instead).
enum FuzzOutcome: Equatable {
    case value, incomplete, rejected, failed, interrupted
}

/// A diagnostic without a source position: every syntax, name and runtime error should
/// point somewhere.
struct UnlocatedDiagnostic: CustomStringConvertible {
    let source: String
    let message: String
    var description: String { "\(message)  ←  \(source.prefix(120).debugDescription)" }
}

/// Runs sources through every stage — lexer, parser (with recovery), resolver, compiler,
/// evaluator, the diagnostic renderer and the value display — on a large-stack thread with
/// a watchdog, counting outcomes.
final class FuzzRunner: @unchecked Sendable {
    let budget: DispatchTimeInterval
    private(set) var counts: [FuzzOutcome: Int] = [:]
    private(set) var unlocated: [UnlocatedDiagnostic] = []
    /// The runtime error of each case that failed while running (nil for the others).
    private(set) var errors: [RuntimeError?] = []
    /// The case being run, written before each run so a crash can be reproduced:
    /// `kls "$TMPDIR/kls-fuzz-current.kls"`.
    static let currentCasePath = FileManager.default.temporaryDirectory.appendingPathComponent("kls-fuzz-current.kls")

    /// One registry for every case (building it is most of the cost of a tiny case).
    nonisolated(unsafe) static let registry = BuiltinRegistry.standard()

    init(budget: DispatchTimeInterval = .milliseconds(50)) { self.budget = budget }

    var total: Int { counts.values.reduce(0, +) }

    /// Runs every source; returns the outcome of each.
    @discardableResult
    func run(_ sources: [String], name: String = "fuzz.kls") -> [FuzzOutcome] {
        let watchdog = Watchdog()
        defer { watchdog.stop() }
        return LargeStack.run { [self] in
            sources.map { source in
                FuzzRunner.record(source)
                watchdog.begin(budget: budget)
                defer { watchdog.end() }
                return runOne(source, name: name, interrupt: watchdog.flag)
            }
        }
    }

    private func runOne(_ source: String, name: String, interrupt: InterruptFlag) -> FuzzOutcome {
        let session = Session(interpreter: Interpreter(registry: FuzzRunner.registry, interrupt: interrupt, write: { _ in }))
        let outcome: FuzzOutcome
        var error: RuntimeError?
        switch session.run(source, name: name) {
        case .value(let v):
            if let v { _ = ValueFormatter.display(v) }
            outcome = .value
        case .incomplete:
            outcome = .incomplete
        case .rejected(let ds):
            render(ds, source)
            outcome = .rejected
        case .failed(let e):
            error = e
            _ = DiagnosticRenderer.render(e.diagnostic, color: true)
            if e.isInterrupt {
                outcome = .interrupted
            } else {
                if e.span == nil { unlocated.append(UnlocatedDiagnostic(source: source, message: e.message)) }
                outcome = .failed
            }
        }
        counts[outcome, default: 0] += 1
        errors.append(error)
        return outcome
    }

    /// Writes the case about to run to `currentCasePath` (plain write(2): no fsync per case).
    static func record(_ source: String) {
        let fd = open(currentCasePath.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var bytes = Array(source.utf8)
        _ = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress, $0.count) }
    }

    private func render(_ diagnostics: [Diagnostic], _ source: String) {
        for d in diagnostics {
            _ = DiagnosticRenderer.render(d, color: true)
            if d.span == nil { unlocated.append(UnlocatedDiagnostic(source: source, message: d.message)) }
        }
    }
}

/// The programs mutated by the fuzzer: the examples, the language test files and the shared
/// acceptance scripts, found relative to this file (empty when they are absent). Programs
/// that write files (`savefig`, `file=`) are left out, so no mutant writes somewhere odd.
enum FuzzCorpus {
    static let testDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repositoryRoot = testDirectory.deletingLastPathComponent().deletingLastPathComponent()

    static func programs() -> [String] {
        var directories = [repositoryRoot.appendingPathComponent("examples"), testDirectory.appendingPathComponent("Language")]
        // ../shared/acceptance of the repository or of any folder above it (worktrees).
        var ancestor = repositoryRoot
        while ancestor.pathComponents.count > 1 {
            let candidate = ancestor.appendingPathComponent("shared/acceptance")
            if FileManager.default.fileExists(atPath: candidate.path) {
                directories.append(candidate)
                directories.append(candidate.appendingPathComponent("must_fail"))
                break
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        return directories.flatMap { dir -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { $0.hasSuffix(".kls") }.sorted().compactMap {
                try? String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)
            }.filter { !$0.contains("savefig") && !$0.contains("file=") }
        }
    }
}
