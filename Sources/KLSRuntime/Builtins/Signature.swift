import KLSSyntax

/// The parameter list of a callable, for binding arguments and for messages.
struct Signature {
    var name: String
    var parameters: [String]
    /// Parameters that may be omitted (they have defaults).
    var optional: Set<String>
    /// One parameter collects any extra positional arguments: the last but `keywordOnly`.
    var variadic: Bool
    /// Parameters after the variadic one, given by name only.
    var keywordOnly: Int
    /// Labels that name no parameter are collected by the last one (see `Builtin.otherKeywords`).
    var otherKeywords = false

    init(name: String, parameters: [String], optional: Set<String>, variadic: Bool, keywordOnly: Int = 0,
         otherKeywords: Bool = false) {
        self.name = name
        self.parameters = parameters
        self.optional = optional
        self.variadic = variadic
        self.keywordOnly = variadic ? keywordOnly : 0
        self.otherKeywords = otherKeywords
    }

    /// The number of parameters that can be given by position (the variadic one excluded).
    var positionalCount: Int { parameters.count - (variadic ? 1 + keywordOnly : 0) }

    init(decl: FunctionDecl) {
        name = decl.name?.name ?? "<lambda>"
        parameters = decl.parameters.map(\.name.name)
        optional = Set(decl.parameters.filter { $0.defaultValue != nil }.map(\.name.name))
        variadic = false
        keywordOnly = 0
    }

    var required: Int { parameters.filter { !optional.contains($0) }.count }

    /// Why a call with this many positional arguments and these labels cannot bind, or nil.
    func mismatch(positional: Int, labels: [String]) -> String? {
        for label in labels where !parameters.contains(label) && !otherKeywords {
            if let close = Suggestions.closest(to: label, among: parameters) {
                return "\(name) has no parameter named '\(label)'; did you mean '\(close)'?"
            }
            let list = parameters.isEmpty ? "none" : parameters.joined(separator: ", ")
            return "\(name) has no parameter named '\(label)' (parameters: \(list))"
        }
        let fixed = positionalCount
        if !variadic, positional > fixed {
            return "\(name) takes \(describeCount()) (got \(positional))"
        }
        for (i, p) in parameters.enumerated() where i >= positional && !optional.contains(p) && !labels.contains(p) {
            if variadic && i == fixed { continue }
            return "\(name) takes \(describeCount()) (got \(positional + labels.count)): missing '\(p)'"
        }
        for (i, p) in parameters.enumerated() where i < min(positional, fixed) && labels.contains(p) {
            return "\(name): argument '\(p)' is given twice"
        }
        return nil
    }

    func describeCount() -> String {
        let n = positionalCount
        let r = required - (variadic && !optional.contains(parameters[n]) ? 1 : 0)
            - parameters.suffix(keywordOnly).filter { !optional.contains($0) }.count
        if variadic { return "at least \(r) argument\(r == 1 ? "" : "s")" }
        if r == n { return "\(n) argument\(n == 1 ? "" : "s")" }
        return "\(r) to \(n) arguments"
    }
}
