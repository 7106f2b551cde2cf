import KLSSyntax

/// The parameter list of a callable, for binding arguments and for messages.
struct Signature {
    var name: String
    var parameters: [String]
    /// Parameters that may be omitted (they have defaults).
    var optional: Set<String>
    /// The last parameter collects any extra positional arguments.
    var variadic: Bool

    init(name: String, parameters: [String], optional: Set<String>, variadic: Bool) {
        self.name = name
        self.parameters = parameters
        self.optional = optional
        self.variadic = variadic
    }

    init(decl: FunctionDecl) {
        name = decl.name?.name ?? "<lambda>"
        parameters = decl.parameters.map(\.name.name)
        optional = Set(decl.parameters.filter { $0.defaultValue != nil }.map(\.name.name))
        variadic = false
    }

    var required: Int { parameters.filter { !optional.contains($0) }.count }

    /// Why a call with this many positional arguments and these labels cannot bind, or nil.
    func mismatch(positional: Int, labels: [String]) -> String? {
        for label in labels where !parameters.contains(label) {
            if let close = Suggestions.closest(to: label, among: parameters) {
                return "\(name) has no parameter named '\(label)'; did you mean '\(close)'?"
            }
            let list = parameters.isEmpty ? "none" : parameters.joined(separator: ", ")
            return "\(name) has no parameter named '\(label)' (parameters: \(list))"
        }
        let fixed = variadic ? parameters.count - 1 : parameters.count
        if !variadic, positional > fixed {
            return "\(name) takes \(describeCount()) (got \(positional))"
        }
        for (i, p) in parameters.enumerated() where i >= positional && !optional.contains(p) && !labels.contains(p) {
            if variadic && i == parameters.count - 1 { continue }
            return "\(name) takes \(describeCount()) (got \(positional + labels.count)): missing '\(p)'"
        }
        for (i, p) in parameters.enumerated() where i < positional && labels.contains(p) {
            return "\(name): argument '\(p)' is given twice"
        }
        return nil
    }

    func describeCount() -> String {
        let n = parameters.count - (variadic ? 1 : 0)
        let r = required - (variadic && !optional.contains(parameters.last ?? "") ? 1 : 0)
        if variadic { return "at least \(r) argument\(r == 1 ? "" : "s")" }
        if r == n { return "\(n) argument\(n == 1 ? "" : "s")" }
        return "\(r) to \(n) arguments"
    }
}
