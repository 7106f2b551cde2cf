import KLSNumerics
import KLSSpecial

/// Core builtins: output, assertions, sizes, conversions, randomness.
extension BuiltinRegistry {
    static func installCore(_ r: BuiltinRegistry) {
        r.function("print", [p("values")], variadic: true, category: "core",
                   summary: "Writes the values separated by one space, then a newline.",
                   example: "print(\"KL =\", 0.25)") { a in
            a.interpreter.write(a.rest.map(ValueFormatter.plain).joined(separator: " ") + "\n")
            try a.interpreter.checkOutput()
            return .none
        }
        r.function("clear_output", [p("wait", .bool(false))], category: "core",
                   summary: "Clears what the notebook cell has shown so far; at a terminal, clears the screen.",
                   help: """
                   In a Jupyter notebook the cell's output so far is removed (Jupyter's clear_output); with wait=true the
                   removal waits until the next output arrives, so a loop that clears and prints again does not
                   flicker. At a terminal the screen is cleared and the cursor goes home; written to a file or a pipe,
                   nothing happens. A fit's own progress line needs none of this: it updates itself.
                   """,
                   example: "for i in range(3) { clear_output(wait=true); print(\"step\", i) }") { a in
            let wait = try a.bool(0)
            if let display = a.interpreter.display {
                display(.clear(wait: wait))
            } else if a.interpreter.outputIsTerminal {
                a.interpreter.write("\u{1B}[H\u{1B}[2J")
            }
            return .none
        }
        r.function("assert", [p("condition"), p("message", .string("assertion failed"))], category: "core",
                   summary: "Stops with an error (exit 1) when the condition is false.",
                   example: "assert(1 + 1 == 2, \"arithmetic\")") { a in
            guard let ok = Interpreter.truth(a[0]) else { throw a.fail(0, "must be a boolean") }
            if !ok { throw BuiltinError("assertion failed: \(ValueFormatter.plain(a[1]))") }
            return .none
        }
        r.function("len", [p("x")], category: "core",
                   summary: "Number of elements of a vector, rows of a matrix, items of a list, or characters of a string.",
                   example: "len([0.5, 0.25, 0.25])") { a in
            if let s = a[0].stringValue { return .number(Double(s.count)) }
            switch a[0] {
            case .list(let items): return .number(Double(items.count))
            case .object(let o):
                if let items = o.field("items"), case .list(let l) = items { return .number(Double(l.count)) }
                throw a.fail(0, "has no length")
            default:
                let t = try a.tensor(0)
                return .number(Double(t.rank == 0 ? 1 : t.shape[0]))
            }
        }
        r.function("append", [p("v"), p("x")], category: "core",
                   summary: "A copy of the vector (or list) v with x added at the end; v itself is unchanged.",
                   example: "append([1, 2], 3)", compilerForm: .inPlaceAppend) { a in
            if let s = a[0].stringValue { return .string(s + (try a.string(1))) }
            switch a[0] {
            case .list(let items): return .list(items + [a[1]])
            default:
                let v = try a.numeric(0)
                if a[1].stringValue != nil { return .list((try a.interpreter.iterationItems(a[0])) + [a[1]]) }
                if v.value.rank > 1 {
                    return Value(try Var.stack((try a.interpreter.iterationItems(a[0])).compactMap(\.asVar) + [try a.numeric(1)]))
                }
                return Value(Var.concat([v, try a.numeric(1)]))
            }
        }
        r.function("seed", [p("n")], category: "core",
                   summary: "Seeds the random source: every later draw is reproducible across runs and machines.",
                   example: "seed(42)") { a in
            let n = try a.number(0)
            guard n.isFinite else { throw a.fail(0, "must be a finite number") }
            a.interpreter.random = RandomSource(seed: UInt64(bitPattern: Int64(n.rounded(.towardZero).clamped(-9.2e18, 9.2e18))))
            return .none
        }
        r.function("type", [p("x")], category: "core",
                   summary: "The kind of a value: number, vector(3), matrix(2×2), string, function, Normal, …",
                   example: "type([1, 2, 3])") { a in .string(a[0].typeName) }
        r.function("string", [p("x")], category: "core",
                   summary: "The value as text, as print shows it.",
                   example: "string(0.25)") { a in .string(ValueFormatter.plain(a[0])) }
        r.function("format", [p("x"), p("spec", .string(""))], category: "core",
                   summary: "x as text by a Python format spec: format(pi, \".3f\") is \"3.142\".",
                   help: "The spec is Python's mini-language, as after the colon in an f-string's {x:spec}: [[fill]align][sign][#][0][width][,|_][.precision][type] with the types f e g % d, b o x X (whole numbers in binary, octal, hexadecimal: format(5, \"08b\") is 00000101) and s (strings). \".2e\" gives 1.23e+04, \",.0f\" 12,346, \".1%\" 12.5%, \">8.3f\" pads on the left to 8 characters. With no spec the value is written as print writes it.",
                   example: "format(12345.678, \",.2f\")") { a in
            .string(try FormatSpec(try a.string(1)).format(a[0]))
        }
        r.function("isnan", [p("x")], category: "core",
                   summary: "True where x is nan (elementwise on vectors, as 1/0).",
                   example: "isnan(0/0)") { a in
            let t = try a.tensor(0)
            if t.isScalar { return .bool(t.data[0].isNaN) }
            return .tensor(Tensor(shape: t.shape, data: t.data.map { $0.isNaN ? 1 : 0 }))
        }
        r.constant("pi", .number(Double.pi), category: "core", summary: "π = 3.141592653589793", example: "pi")
        r.constant("e", .number(2.718281828459045), category: "core", summary: "Euler's number e = 2.718281828459045", example: "e")
        r.constant("inf", .number(.infinity), category: "core", summary: "Positive infinity (IEEE)", example: "inf")
        r.constant("nan", .number(.nan), category: "core", summary: "Not a number (IEEE); nan != nan", example: "nan")
    }
}

extension Double {
    func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(Swift.max(self, lo), hi) }
}
