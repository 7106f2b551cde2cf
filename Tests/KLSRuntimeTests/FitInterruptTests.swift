import Foundation
import Testing
import KLSRuntime

/// A fit stopped by Ctrl-C: an interrupt error that says where it stopped and carries the
/// fit so far (the prompt keeps it in `ans`).
struct FitInterruptTests {
    @Test func anInterruptedFitKeepsWhatItFound() throws {
        let flag = InterruptFlag()
        let interpreter = Interpreter(interrupt: flag, write: { _ in })
        let session = Session(interpreter: interpreter)
        // Raise the flag once the fit is under way; the fit is far too long to end first.
        let raiser = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            flag.requested = true
        }
        raiser.start()
        let outcome = LargeStack.run {
            session.run("minimize(w -> sum((w - [1, 2])^2), [0, 0], SGD(lr=0.01), steps=50000000)", name: "t.kls")
        }
        guard case .failed(let error) = outcome else { Issue.record("the fit was not interrupted"); return }
        #expect(error.isInterrupt)
        #expect(error.message.hasPrefix("interrupted at step ") && error.message.hasSuffix(" of 50000000: the fit so far is in ans"))
        guard case .object(let fit)? = interpreter.interruptedResult else { Issue.record("no partial fit"); return }
        guard case .number(let steps)? = fit.field("steps"), case .tensor(let params)? = fit.field("params"),
              case .tensor(let trace)? = fit.field("trace"), case .number(let loss)? = fit.field("loss"),
              case .tensor(let losses)? = fit.field("losses") else { Issue.record("fields"); return }
        #expect(steps >= 1 && trace.shape == [Int(steps), 2] && losses.count == Int(steps))
        // The parameters are those of the last loss: the last row of the trace, with that loss.
        #expect(params.data == Array(trace.data.suffix(2)) && loss == losses.data.last)
        #expect(abs(loss - (pow(params.data[0] - 1, 2) + pow(params.data[1] - 2, 2))) < 1e-12)
        #expect(fit.display().contains("stopped early: interrupted at step \(Int(steps))"))
    }
}
