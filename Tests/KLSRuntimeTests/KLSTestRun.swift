import KLSRuntime
import KLSSyntax

/// Runs kls source in a fresh session, capturing what it prints and the rendered error;
/// `plain` runs it with every evaluator specialisation off (`Interpreter.plain`).
struct KLSTestRun {
    var output = ""
    var errorText = ""
    /// The warnings written (to stderr in a real run).
    var warnings = ""
    var outcome: Session.Outcome

    init(_ source: String, name: String = "test.kls", plain: Bool = false) {
        final class Sink { var text = "" }
        let sink = Sink()
        let interpreter = Interpreter(write: { sink.text += $0 })
        let warningSink = Sink()
        interpreter.warn = { warningSink.text += $0 }
        interpreter.plain = plain
        let session = Session(interpreter: interpreter)
        outcome = LargeStack.run { session.run(source, name: name) }
        switch outcome {
        case .rejected(let ds): errorText = ds.map { DiagnosticRenderer.render($0) }.joined()
        case .failed(let e): errorText = DiagnosticRenderer.render(e.diagnostic)
        case .incomplete: errorText = "incomplete"
        case .value: break
        }
        output = sink.text
        warnings = warningSink.text
    }

    var outputLines: [String] {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// How the run ended, with the echoed value shown as the prompt shows it: runs that
    /// behave alike have equal summaries.
    var summary: String {
        switch outcome {
        case .value(let v?): return "value " + ValueFormatter.display(v)
        case .value(nil): return "value"
        case .incomplete: return "incomplete"
        case .rejected: return "rejected"
        case .failed(let e): return e.isInterrupt ? "interrupted" : "failed"
        }
    }

    /// The value of the final expression, when the run succeeded.
    var value: Value? {
        if case .value(let v) = outcome { return v }
        return nil
    }
}
