import Foundation
import Testing
@testable import KLSPlot

/// Normal density exp(−(x−μ)²/2σ²) / (σ√(2π)), the seed's `Normal(mu, sigma).log_prob(x).exp()`.
func normalDensity(_ x: Double, mean: Double, sigma: Double) -> Double {
    let z = (x - mean) / sigma
    return exp(-0.5 * z * z) / (sigma * (2 * Double.pi).squareRoot())
}

/// The pictures of the seed note kl-divergence-fitting.md.
enum SeedFigures {
    /// x = linspace(-15, 15, 1000).
    static let x = (0..<1000).map { -15 + 30 * Double($0) / 999 }
    /// P = N(-5, 1) + N(10, 1) densities on x.
    static let p = x.map { normalDensity($0, mean: -5, sigma: 1) + normalDensity($0, mean: 10, sigma: 1) }

    /// Q = N(mean, sigma) densities on x.
    static func q(mean: Double, sigma: Double) -> [Double] {
        x.map { normalDensity($0, mean: mean, sigma: sigma) }
    }

    /// P and the fitted Q = N(2.49, 5.2) in one panel.
    static var densities: Figure {
        Figure(Panel(
            series: [Series(x: x, y: p, label: "P"), Series(x: x, y: q(mean: 2.49, sigma: 5.2), label: "Q")],
            title: "P and Q", xlabel: "x", ylabel: "density"))
    }

    /// Smooth stand-ins for the Adam run's history (10,000 epochs): loss 2.08 → 0.14, μ 0 → 2.49,
    /// σ 1 → 5.2; shapes only, the numbers come from the seed's printout.
    static func history(epochs: Int) -> (loss: [Double], mu: [Double], sigma: [Double]) {
        let e = (0..<epochs).map(Double.init)
        return (
            e.map { 0.14 + 1.94 * exp(-$0 / 1500) },
            e.map { 2.49 * (1 - exp(-$0 / 2000)) },
            e.map { 1 + 4.2 * (1 - exp(-$0 / 2500)) }
        )
    }

    /// The 2×2 figure: loss and μ against the epoch, σ against the epoch, and P with the fitted Q.
    static var training: Figure {
        let history = history(epochs: 10_000)
        return Figure(rows: 2, cols: 2, panels: [
            Panel(series: [Series(y: history.loss)], title: "kl_div vs epoch", xlabel: "epoch", ylabel: "kl_div (Loss)"),
            Panel(series: [Series(y: history.mu)], title: "μ vs epoch", xlabel: "epoch", ylabel: "μ"),
            Panel(series: [Series(y: history.sigma)], title: "σ vs epoch", xlabel: "epoch", ylabel: "σ"),
            Panel(series: [
                Series(x: x, y: p, label: "P", fill: true), Series(x: x, y: q(mean: 2.49, sigma: 5.2), label: "Q"),
            ], title: "fit", xlabel: "x"),
        ])
    }

    /// Animation frames of Q = N(μ, σ) moving from N(0, 1) to N(2.49, 5.2) over P.
    static func animation(frames: Int) -> [Figure] {
        (0..<frames).map { frame in
            let t = frames > 1 ? Double(frame) / Double(frames - 1) : 1
            let q = q(mean: 2.49 * t, sigma: 1 + 4.2 * t)
            return Figure(Panel(
                series: [Series(x: x, y: p, label: "P"), Series(x: x, y: q, label: "Q")],
                title: "frame \(frame)", xlabel: "x"))
        }
    }
}

/// Golden files under Tests/KLSPlotTests/.golden (a hidden directory, so SwiftPM does not report
/// them as unhandled target files), found relative to this source file.
/// Set KLS_UPDATE_GOLDEN=1 to rewrite them from the current output.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(".golden")

    static func check(_ actual: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KLS_UPDATE_GOLDEN"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name)", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let dump = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("actual-" + name)
            try? actual.write(to: dump, atomically: true, encoding: .utf8)
            Issue.record("\(name) differs from golden; actual output in \(dump.path)", sourceLocation: sourceLocation)
        }
    }
}

/// A fresh path in a private temporary directory.
func temporaryPath(_ name: String) -> String {
    let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("klsplot-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent(name).path
}

/// Permission bits of the file at `path`.
func permissions(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
}

/// The process umask, read from /proc/self/status (022 when unavailable).
func currentUmask() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
          let value = Int(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
    else { return 0o022 }
    return value
}

/// `text` without ANSI escape sequences (ESC [ … letter).
func strippingEscapes(_ text: String) -> String {
    var out = ""
    var inEscape = false
    for character in text {
        if inEscape {
            if character.isLetter { inEscape = false }
        } else if character == "\u{1B}" {
            inEscape = true
        } else {
            out.append(character)
        }
    }
    return out
}
