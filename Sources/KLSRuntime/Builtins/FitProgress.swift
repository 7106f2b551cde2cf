import Foundation

/// The progress line of a long fit: step, loss, speed and the time left; shown after half a
/// second on a terminal, and erased when the fit ends however it ends (the fit calls `finish`
/// from one `defer`), or on the display when one is installed (a notebook): one line updated
/// in place that ends with the steps done and the time.
final class FitProgress {
    let total: Int
    let start = Date()
    var lastDraw = Date.distantPast
    var shown = false
    let display: ((DisplayItem) -> Void)?
    let enabled: Bool
    /// The steps done so far.
    var reached = 0

    init(total: Int, display: ((DisplayItem) -> Void)?) {
        self.total = total
        self.display = display
        enabled = display != nil || Console.err.isTerminal
    }

    func update(step: Int, loss: Double) {
        reached = step
        guard enabled, step % 64 == 0 else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > 0.5, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        shown = true
        let rate = Double(step) / elapsed
        let left = Durations.format(seconds: Double(total - step) / rate)
        let line = "step \(step)/\(total)  loss \(ValueFormatter.number(loss))  \(Int(rate)) steps/s  \(left) left"
        if let display { display(.progress(line, done: false)) } else { Console.err.write("\r\u{1B}[K  " + line) }
    }

    func finish() {
        if shown, let display {
            let seconds = Durations.format(seconds: Date().timeIntervalSince(start))
            display(.progress("\(reached) of \(total) steps in \(seconds)", done: true))
        } else if shown {
            Console.err.write("\r\u{1B}[K")
        }
        shown = false
    }
}
