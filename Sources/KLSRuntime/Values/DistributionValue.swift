import KLSDistributions
import KLSNumerics

/// A probability distribution as a kls value: `Normal(0, 1)`, `Categorical([…], labels=[…])`.
public final class DistributionValue: Object {
    public let distribution: any Distribution

    init(_ distribution: any Distribution) {
        self.distribution = distribution
    }

    /// Outcome names of a labelled categorical distribution.
    var labels: [String]? { distribution.outcomeLabels }

    public override var typeName: String { distribution.familyName }
    public override func display() -> String { distribution.description }

    public override var fieldNames: [String] {
        distribution.parameters.map(\.name) + ["mean", "var", "std", "entropy", "support"]
    }

    public override func field(_ name: String) -> Value? {
        if let p = distribution.parameters.first(where: { $0.name == name }) { return Value(p.value) }
        switch name {
        case "mean": return Value(distribution.mean)
        case "var": return Value(distribution.variance)
        case "std": return Value(distribution.std)
        case "entropy": return (try? distribution.entropy).map { Value($0) }
        case "support": return .string(distribution.support.description)
        case "labels": return labels.map { .list($0.map { .string($0) }) }
        default: return nil
        }
    }

    public override func equals(_ other: Object) -> Bool {
        guard let o = other as? DistributionValue, o.distribution.familyName == distribution.familyName else { return false }
        let a = distribution.parameters, b = o.distribution.parameters
        return a.count == b.count && zip(a, b).allSatisfy { $0.value.value == $1.value.value }
    }
}
