import KLSBase
import KLSNumerics

/// Elementwise math functions: each works on numbers, vectors and matrices, and carries
/// gradients.
extension BuiltinRegistry {
    static func installMath(_ r: BuiltinRegistry) {
        let functions: [(UnaryOp, String, String)] = [
            (.abs, "|x|", "abs(-3.5)"),
            (.sqrt, "√x", "sqrt(2)"),
            (.exp, "eˣ", "exp(1)"),
            (.log, "natural logarithm ln x", "log(10)"),
            (.log2, "logarithm base 2", "log2(8)"),
            (.log10, "logarithm base 10", "log10(1000)"),
            (.log1p, "ln(1 + x), accurate for small x", "log1p(1e-10)"),
            (.expm1, "eˣ − 1, accurate for small x", "expm1(1e-10)"),
            (.sin, "sine (radians)", "sin(pi / 6)"),
            (.cos, "cosine (radians)", "cos(pi / 3)"),
            (.tan, "tangent (radians)", "tan(pi / 4)"),
            (.tanh, "hyperbolic tangent", "tanh(0.5)"),
            (.sigmoid, "logistic function 1/(1 + e⁻ˣ)", "sigmoid(0.3)"),
            (.softplus, "ln(1 + eˣ), stable", "softplus(2)"),
            (.erf, "error function", "erf(0.5)"),
            (.erfc, "complementary error function 1 − erf x, accurate in the tail", "erfc(5)"),
            (.floor, "largest whole number ≤ x", "floor(2.7)"),
            (.ceil, "smallest whole number ≥ x", "ceil(2.1)"),
            (.sign, "−1, 0 or 1", "sign(-2)"),
        ]
        for (op, summary, example) in functions {
            r.function(op.rawValue, [p("x")], category: "math",
                       summary: "\(summary), elementwise.", example: example) { a in
                if case .number(let x) = a[0] { return .number(op.apply(x)) }
                return Value(Var.unary(op, try a.numeric(0)))
            }
        }
        r.function("round", [p("x"), p("digits", .number(0))], category: "math",
                   summary: "x rounded to digits decimals (default 0), half to even, elementwise.",
                   help: "As NumPy's np.round: x·10^digits rounded half to even, then divided by 10^digits, so round(2.5) is 2, round(-0.5) is -0, round(1.25, 1) is 1.2 and round(2.675, 2) is 2.68 (2.675·100 is exactly 267.5 in float64). Negative digits round to tens, hundreds…: round(1250, -2) is 1200. The gradient is 0.",
                   example: "round(3.14159, 2)") { a in
            let digits = try a.integer(1, in: -1000...1000)
            if case .number(let x) = a[0] { return .number(Rounding.halfEven(x, digits: digits)) }
            let x = try a.numeric(0)
            if digits == 0 { return Value(Var.unary(.round, x)) }
            let t = x.value
            var out = [Double](repeating: 0, count: t.count)
            for k in out.indices {
                if k & 0xFFFF == 0, Cancellation.isRequested { break }  // Ctrl-C: the interpreter discards it
                out[k] = Rounding.halfEven(t.data[k], digits: digits)
            }
            return Value(Tensor(shape: t.shape, data: out))
        }
        r.function("pow", [p("x"), p("y")], category: "math",
                   summary: "x^y elementwise (the same as the ^ operator).", example: "pow(2, 10)") { a in
            Value(try Var.binary(.pow, try a.numeric(0), try a.numeric(1)))
        }
    }
}
