import KLSNumerics

extension Information {
    /// A teaching text for `measure`: the formula, the sum written out term by term with the
    /// numbers, each term evaluated, and the result with its unit (bits, nats or dits). For
    /// KL([0.5, 0.25, 0.25] ‖ [0.25, 0.5, 0.25]) in base 2:
    ///
    ///     KL(P ‖ Q) = Σ p·log2(p/q)
    ///               = 0.5·log2(0.5/0.25) + 0.25·log2(0.25/0.5) + 0.25·log2(0.25/0.25)
    ///               = 0.5·1 + 0.25·(-1) + 0.25·0
    ///               = 0.25 bits
    ///
    /// The arguments must be probability vectors (validated as for the measures themselves).
    public static func explain(_ measure: ExplainedMeasure, base: Double? = nil) throws -> String {
        switch measure {
        case .entropy(let p):
            let unit = try LogBase(base, measure: "H")
            try checkVector(p, name: "P", measure: "H")
            let value = entropyKernel(.constant(p), unit: unit)
            return Explanation.entropy(p.data, unit: unit, value: value.value.data[0])
        case .crossEntropy(let p, let q):
            let unit = try LogBase(base, measure: "H")
            try checkVectors(p, q, measure: "H")
            let value = crossEntropyKernel(.constant(p), .constant(q), unit: unit)
            return Explanation.crossEntropy(p.data, q.data, unit: unit, value: value.value.data[0])
        case .kl(let p, let q):
            let unit = try LogBase(base, measure: "KL")
            try checkVectors(p, q, measure: "KL")
            let value = klKernel(.constant(p), .constant(q), unit: unit)
            return Explanation.kl(p.data, q.data, unit: unit, value: value.value.data[0])
        case .js(let p, let q):
            let unit = try LogBase(base, measure: "JS")
            try checkVectors(p, q, measure: "JS")
            let value = jsKernel(.constant(p), .constant(q), unit: unit)
            return Explanation.js(p.data, q.data, unit: unit, value: value.value.data[0])
        }
    }

    private static func checkVector(_ p: Tensor, name: String, measure: String) throws {
        _ = try ProbabilityRows(p, name: name, measure: measure)
        guard p.rank == 1 else {
            throw InformationError.invalid(
                "explain: \(measure) is written out for probability vectors, but \(name) is a \(Tensor.describe(shape: p.shape))")
        }
    }

    private static func checkVectors(_ p: Tensor, _ q: Tensor, measure: String) throws {
        _ = try ProbabilityRows.pair(p, q, measure: measure)
        try checkVector(p, name: "P", measure: measure)
    }
}
