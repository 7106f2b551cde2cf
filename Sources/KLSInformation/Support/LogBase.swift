import Foundation

/// The logarithm base of an information measure: its unit (e → nats, 2 → bits, 10 → dits).
struct LogBase {
    /// The base as given; nil means e.
    let base: Double?
    /// log(base): results in nats are divided by it.
    let divisor: Double

    /// Natural logarithms: results in nats.
    static let nats = LogBase(checked: nil)
    /// Base 2: results in bits.
    static let bits = LogBase(checked: 2)

    /// A base already known to be valid.
    private init(checked base: Double?) {
        self.base = base
        divisor = base.map { Foundation.log($0) } ?? 1
    }

    /// Validates `base` (nil, or positive, finite and not 1) for the measure called `measure`.
    init(_ base: Double?, measure: String) throws {
        self.base = base
        guard let base else { divisor = 1; return }
        guard base.isFinite, base > 0, base != 1 else {
            throw InformationError.invalid(
                "\(measure): base must be a positive number other than 1 (got \(NumberText.format(base)))")
        }
        divisor = Foundation.log(base)
    }

    /// The unit of a result: `nats`, `bits`, `dits`, or `units of log base b`.
    var unit: String {
        switch base {
        case nil, Foundation.exp(1.0): return "nats"
        case 2: return "bits"
        case 10: return "dits"
        case let b?: return "units of log base \(NumberText.format(b))"
        }
    }

    /// How the logarithm is written in an explanation: `log`, `log2`, `log10`, `log_b`.
    var logName: String {
        switch base {
        case nil, Foundation.exp(1.0): return "log"
        case 2: return "log2"
        case 10: return "log10"
        case let b?: return "log_\(NumberText.format(b))"
        }
    }

    /// log(x) in this base, with log2 for base 2 and log10 for base 10 (as NumPy), so exact
    /// powers stay exact: log2(0.25) = -2, log10(0.001) = -3.
    @inline(__always)
    func log(_ x: Double) -> Double {
        switch base {
        case nil: return Foundation.log(x)
        case 2: return Foundation.log2(x)
        case 10: return Foundation.log10(x)
        default: return Foundation.log(x) / divisor
        }
    }
}
