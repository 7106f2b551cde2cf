import KLSSyntax

/// A call of a builtin with labelled arguments (`H(P, base=2)`, `kl_div(a, b, reduction="sum")`),
/// bound when it is compiled: which parameter each argument fills is worked out once, so a run
/// evaluates the arguments (positional ones first, then the labelled ones, in order, as any
/// call does) and builds the parameter values with no label matching. Only for calls that
/// bind (no unknown, repeated or missing parameter) and give at most four arguments to a
/// builtin that is not variadic and collects no other keywords; any other call takes the
/// general path and its error.
final class LabeledBuiltinCall {
    let builtin: Builtin
    let body: (inout Arguments) throws -> Value
    /// The arguments in evaluation order.
    let arguments: [CompiledExpr]
    /// For each parameter, the argument (an index into `arguments`) that gives it, or nil.
    let argumentOfParameter: [Int?]
    let interp: Interpreter
    let span: SourceSpan
    let file: SourceFile

    init?(_ b: Builtin, positional: [CompiledExpr], labeled: [(String, CompiledExpr)],
          interp: Interpreter, span: SourceSpan, file: SourceFile) {
        guard case .function(let body) = b.body, !b.variadic, !b.otherKeywords, positional.count + labeled.count <= 4,
              b.signature.mismatch(positional: positional.count, labels: labeled.map(\.0)) == nil else { return nil }
        builtin = b
        self.body = body
        arguments = positional + labeled.map(\.1)
        argumentOfParameter = b.parameters.indices.map { i in
            if i < positional.count { return i }
            return labeled.firstIndex { $0.0 == b.parameters[i].name }.map { positional.count + $0 }
        }
        self.interp = interp
        self.span = span
        self.file = file
    }

    func run(_ frame: Frame) throws -> Value {
        let n = arguments.count
        let e0 = n > 0 ? try arguments[0](frame) : .none
        let e1 = n > 1 ? try arguments[1](frame) : .none
        let e2 = n > 2 ? try arguments[2](frame) : .none
        let e3 = n > 3 ? try arguments[3](frame) : .none
        let values = builtin.boundValues { p in
            argumentOfParameter[p].map { k in k == 0 ? e0 : k == 1 ? e1 : k == 2 ? e2 : e3 }
        }
        return try interp.runBuiltin(body, Arguments(builtin: builtin, values: values, interpreter: interp), span: span, file: file)
    }
}
