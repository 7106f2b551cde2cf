import KLSNumerics

/// How classification losses read logits: one sample (a vector of C scores) or a batch (an
/// N×C matrix of rows), and class-index targets to match.
struct ClassLayout {
    /// Number of samples (1 for a vector).
    let batch: Int
    /// Number of classes C.
    let classes: Int
    /// True for a matrix input: results per sample form a vector.
    let isBatched: Bool

    init(_ logits: Tensor, loss: String) throws {
        switch logits.rank {
        case 1: (batch, classes, isBatched) = (1, logits.shape[0], false)
        case 2: (batch, classes, isBatched) = (logits.shape[0], logits.shape[1], true)
        default:
            throw InformationError.invalid(
                "\(loss): the input must be a vector (one sample of C classes) or a matrix (a batch of rows), got a \(Tensor.describe(shape: logits.shape))")
        }
        guard classes > 0 else { throw InformationError.invalid("\(loss): the input has no classes") }
    }

    /// Shape of per-sample results: a scalar for one sample, a vector for a batch.
    var sampleShape: [Int] { isBatched ? [batch] : [] }

    /// The class indices in `target`: one number for a vector input, N numbers for a batch;
    /// each a whole number from 0 to C − 1.
    func indices(_ target: Tensor, loss: String, allowsProbabilities: Bool) throws -> [Int] {
        guard target.shape == sampleShape else {
            let expected = isBatched
                ? "\(batch) class indices (a vector)" + (allowsProbabilities ? " or a \(batch)×\(classes) matrix of probabilities" : "")
                : "a class index (a number)" + (allowsProbabilities ? " or \(classes) probabilities" : "")
            throw InformationError.invalid(
                "\(loss): for a \(isBatched ? "batch of \(batch) rows of \(classes)" : "vector of \(classes)") scores the target must be \(expected), got a \(Tensor.describe(shape: target.shape))")
        }
        return try target.data.map { v in
            guard v.isFinite, v == v.rounded() else {
                throw InformationError.invalid("\(loss): class index \(NumberText.format(v)) is not a whole number")
            }
            guard v >= 0, v < Double(classes) else {
                throw InformationError.invalid(
                    "\(loss): class index \(NumberText.format(v)) is out of range for \(classes) classes (0 to \(classes - 1))")
            }
            return Int(v)
        }
    }
}
