/// An optimal (minimum mean length) prefix code for the given probabilities, by Huffman's
/// algorithm, binary or D-ary.
///
/// Method: the two-queue algorithm after one sort, O(n log n). Leaves are sorted by
/// (probability, symbol index); for D > 2, (D − 1 − (n − 1) mod (D − 1)) mod (D − 1) dummy leaves
/// of probability 0 are put in front so that every merge takes exactly D nodes. Each merge takes
/// the D lightest nodes from the fronts of the leaf queue and the queue of merged nodes (which are
/// created in non-decreasing weight order); its weight is the sum in the order taken.
///
/// Tie-breaking, so results never depend on hashing or sort stability:
/// - among leaves of equal probability the lower symbol index comes first (dummies before all);
/// - between a leaf and a merged node of equal weight, the leaf is taken first (this gives the
///   minimum-variance Huffman code: merged nodes stay high, e.g. [0.4, 0.2, 0.2, 0.1, 0.1] gets
///   lengths [2, 2, 2, 3, 3] rather than [1, 2, 3, 4, 4]);
/// - merged nodes are taken in the order they were created.
///
/// Codewords are then assigned canonically from the lengths by `kraftCode`'s greedy rule (shorter
/// first, ties by symbol index), so [0.5, 0.25, 0.25] gets 0, 10, 11 as in the seed's table. A
/// single symbol gets the codeword "0".
/// - Parameters:
///   - probabilities: symbol probabilities, each finite and ≥ 0, summing to 1 within 1e-9.
///   - symbols: symbol names; nil names them "0", "1", …
///   - D: the code alphabet size, 2…36 (digits 0–9, then a–z).
/// - Throws: `CodingError` for an empty or invalid probability vector, a sum other than 1 (the
///   message shows the sum), D outside 2…36, or symbol names that are duplicated or not one per
///   probability.
public func huffman(probabilities: [Double], symbols: [String]? = nil, D: Int = 2) throws(CodingError) -> PrefixCode {
    try CodeAlphabet.validate(size: D)
    try validateProbabilities(probabilities)
    let names = try SymbolNames(symbols, count: probabilities.count)
    let lengths = huffmanLengths(probabilities, d: D)
    guard let digits = greedyCodewords(lengths: lengths, d: D) else {
        // Huffman lengths always satisfy Kraft's inequality; this is unreachable.
        throw .kraftSumExceedsOne(sum: try kraftSum(lengths: lengths, D: D))
    }
    return PrefixCode(names: names, probabilities: probabilities, digits: digits, D: D)
}

/// Huffman codeword lengths by the two-queue method with the tie rules documented on `huffman`.
func huffmanLengths(_ p: [Double], d: Int) -> [Int] {
    let n = p.count
    if n == 1 { return [1] }
    let dummies = (d - 1 - (n - 1) % (d - 1)) % (d - 1)
    let sorted = p.indices.sorted { p[$0] < p[$1] || (p[$0] == p[$1] && $0 < $1) }
    // Leaves in queue order: dummies (symbol −1), then symbols by (probability, index).
    let leafCount = dummies + n
    var leafWeight = [Double](repeating: 0, count: leafCount)
    var leafSymbol = [Int](repeating: -1, count: leafCount)
    for (rank, symbol) in sorted.enumerated() {
        leafWeight[dummies + rank] = p[symbol]
        leafSymbol[dummies + rank] = symbol
    }
    let mergeCount = (leafCount - 1) / (d - 1)
    var nodeWeight = [Double](repeating: 0, count: mergeCount)
    var leafParent = [Int](repeating: 0, count: leafCount)
    var nodeParent = [Int](repeating: 0, count: mergeCount)
    var nextLeaf = 0
    var nextNode = 0
    for created in 0..<mergeCount {
        var weight = 0.0
        for _ in 0..<d {
            if nextLeaf < leafCount, nextNode >= created || leafWeight[nextLeaf] <= nodeWeight[nextNode] {
                weight += leafWeight[nextLeaf]
                leafParent[nextLeaf] = created
                nextLeaf += 1
            } else {
                weight += nodeWeight[nextNode]
                nodeParent[nextNode] = created
                nextNode += 1
            }
        }
        nodeWeight[created] = weight
    }
    // Parents are created after their children, so depths fill in from the root (the last node).
    var nodeDepth = [Int](repeating: 0, count: mergeCount)
    for node in stride(from: mergeCount - 2, through: 0, by: -1) {
        nodeDepth[node] = nodeDepth[nodeParent[node]] + 1
    }
    var lengths = [Int](repeating: 0, count: n)
    for leaf in 0..<leafCount where leafSymbol[leaf] >= 0 {
        lengths[leafSymbol[leaf]] = nodeDepth[leafParent[leaf]] + 1
    }
    return lengths
}
