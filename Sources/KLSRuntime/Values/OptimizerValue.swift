import KLSOptim

/// An optimiser configuration, e.g. `Adam(lr=0.01)`. Only a configuration: each `minimize`
/// starts from fresh optimiser state.
public final class OptimizerValue: Object {
    public let spec: OptimizerSpec
    /// For NaturalGradient: maps the parameters to the distribution whose Fisher information
    /// preconditions the step.
    public let model: Value?
    /// The call as the user wrote it, for display.
    let text: String

    init(spec: OptimizerSpec, model: Value?, text: String) {
        self.spec = spec
        self.model = model
        self.text = text
    }

    public override var typeName: String { spec.name }
    public override func display() -> String { text }
    public override var fieldNames: [String] { ["name"] }
    public override func field(_ name: String) -> Value? { name == "name" ? .string(spec.name) : nil }
    public override func equals(_ other: Object) -> Bool {
        guard let o = other as? OptimizerValue else { return false }
        return o.spec == spec
    }
}
