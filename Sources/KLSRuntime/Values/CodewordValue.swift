import KLSCoding
import KLSNumerics

/// The result of `arith_encode`: a bit string that stands for its bits wherever a string is
/// used (`len`, `arith_decode`, `==`, `+`, indexing, loops, `print`, f-strings, lists of
/// codewords), and at the prompt shows what the bits are measured against:
///
///     "011100"  6 bits; −log2 P(s) = 6 bits; message interval [7/16, 29/64)
///
/// `.information` is −log₂ P(s) and `.interval` the message's interval [F(s), F(s) + P(s)) as
/// two numbers; both are computed when first asked for, never while encoding.
public final class CodewordValue: Object {
    /// The codeword, "0"/"1" characters.
    public let bits: String
    private let probabilities: [Double]
    private let message: [Int]
    private lazy var summary = ArithmeticSummary(probabilities: probabilities, message: message)

    /// The codeword `bits` of `message` (symbol indices) under `probabilities`.
    init(bits: String, probabilities: [Double], message: [Int]) {
        self.bits = bits
        self.probabilities = probabilities
        self.message = message
    }

    public override var typeName: String { "string" }
    public override var stringValue: String? { bits }
    public override func display() -> String {
        ValueFormatter.quoted(bits) + "  " + summary.note(length: bits.utf8.count)
    }
    public override var fieldNames: [String] { ["information", "interval"] }

    public override func field(_ name: String) -> Value? {
        switch name {
        case "information": return .number(summary.information)
        case "interval": return .tensor(Tensor(vector: [summary.low, summary.high]))
        default: return nil
        }
    }

    public override func equals(_ other: Object) -> Bool { other.stringValue == bits }
}
