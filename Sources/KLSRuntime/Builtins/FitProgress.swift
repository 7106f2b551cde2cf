import Foundation

/// The progress line of a long fit: step, loss, speed and the time left; shown on a terminal
/// only, after half a second, and erased when the fit ends however it ends (the fit calls
/// `finish` from one `defer`).
final class FitProgress {
    let total: Int
    let start = Date()
    var lastDraw = Date.distantPast
    var shown = false
    let enabled = Console.err.isTerminal

    init(total: Int) { self.total = total }

    func update(step: Int, loss: Double) {
        guard enabled, step % 64 == 0 else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > 0.5, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        shown = true
        let rate = Double(step) / elapsed
        let left = Durations.format(seconds: Double(total - step) / rate)
        Console.err.write("\r\u{1B}[K  step \(step)/\(total)  loss \(ValueFormatter.number(loss))  \(Int(rate)) steps/s  \(left) left")
    }

    func finish() {
        if shown { Console.err.write("\r\u{1B}[K") }
        shown = false
    }
}
