import Foundation
import Testing
import KLSRuntime

/// Ctrl-C at the prompt stops operations over a large matrix as it stops the long builtins:
/// along an axis, selections read and written, rounding, a large picture. Before they looked
/// at the flag they ran to the end (with a 4000×4000 matrix in a debug build: softmax 14 s, a
/// reversed slice 4.9 s, a strided store 6.9 s, round 4.8 s). The prompt has no watchdog, so
/// only the operation itself can answer. Serialized: each case holds a few 72 MB matrices.
@Suite(.serialized)
struct LongOperationInterruptTests {
    /// `code` on a 3000×3000 matrix ends as `interrupted` soon after Ctrl-C (0.1 s is the goal;
    /// 0.5 s allows for a loaded machine); `check` then prints what it must have left as it was.
    @Test(arguments: [
        ("S = softmax(M, axis=0)", "print(S)"),
        ("S = cumsum(M, axis=0)", "print(S)"),
        ("S = M[::-1, ::-1]", "print(S)"),
        ("M[:, ::2] = 3", "print(sum(M))"),
        ("S = round(M, 3)", "print(S)"),
    ])
    func ctrlCStopsAnOperationOnALargeMatrix(_ code: String, _ check: String) throws {
        var printed: [String] = []
        let session = try interrupted(code, after: "M = ones(3000, 3000)\nS = 1", printing: { printed.append($0) })
        // The interrupted statement assigned nothing (a store wrote nothing): S is still 1,
        // and M's 9,000,000 elements are still 1.
        _ = LargeStack.run { session.run(check, name: "check.kls") }
        #expect(printed.joined() == (code.hasPrefix("M[") ? "9000000\n" : "1\n"), "\(printed)")
    }

    /// Painting the 10⁶ cells of a filled contour on an 8000×6000 picture stops, and no file is
    /// written.
    @Test func ctrlCStopsALargePicture() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kls-interrupt-\(UUID().uuidString).png").path
        let setup = "c = contour((a, b) -> a * b, [-1, 1], [-1, 1], points=1000, filled=true, levels=50, show=false)"
        _ = try interrupted("savefig(\"\(path)\", c, width=8000, height=6000)", after: setup, printing: { _ in })
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// A session that ran `setup` whole, then `code` with the flag raised 0.1 s after it
    /// started, which must have ended it as `interrupted` within 0.5 s.
    func interrupted(_ code: String, after setup: String, printing: @escaping (String) -> Void) throws -> Session {
        let flag = InterruptFlag()
        let session = Session(interpreter: Interpreter(interrupt: flag, write: printing))
        let (outcome, late) = LargeStack.run { () -> (Session.Outcome, Double) in
            _ = session.run(setup, name: "setup.kls")
            let raised = LockedDate()
            let raiser = Thread {
                Thread.sleep(forTimeInterval: 0.1)
                raised.set(Date())
                flag.requested = true
            }
            raiser.start()
            let outcome = session.run(code, name: "t.kls")
            return (outcome, Date().timeIntervalSince(raised.get() ?? Date()))
        }
        guard case .failed(let error) = outcome else { Issue.record("\(code) was not interrupted"); return session }
        #expect(error.isInterrupt, "\(error.message)")
        #expect(late < 0.5, "\(code) stopped \(late) s after Ctrl-C")
        return session
    }
}

/// A date one thread sets and another reads.
private final class LockedDate: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date?
    func set(_ d: Date) { lock.withLock { date = d } }
    func get() -> Date? { lock.withLock { date } }
}
