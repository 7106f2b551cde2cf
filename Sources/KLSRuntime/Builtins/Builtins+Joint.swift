import KLSInformation
import KLSNumerics

/// Joint distributions: a matrix whose entries sum to 1 is the distribution of X (the row
/// index) and Y (the column index). H, KL and JS take such matrices whole; these builtins
/// give the marginals and build a product distribution.
extension BuiltinRegistry {
    static func installJoint(_ r: BuiltinRegistry) {
        r.function("marginal", [p("joint"), p("axis")], category: "information",
                   summary: "A marginal of a joint distribution: axis 0 gives P(X) (the row sums), 1 gives P(Y) (the column sums).",
                   help: """
                   The chain rule H(X, Y) = H(X) + H(Y | X) can be checked live:
                     Pxy = [[0.1, 0.2], [0.3, 0.4]]
                     H(Pxy) == H(marginal(Pxy, 0)) + H(Pxy, given=0)
                   and the mutual information is KL(Pxy ‖ outer(marginal(Pxy, 0), marginal(Pxy, 1))).
                   """,
                   example: "marginal([[0.1, 0.2], [0.3, 0.4]], 0)") { a in
            Value(try Information.marginal(try a.numeric(0), axis: try a.integer(1)))
        }
        r.function("outer", [p("a"), p("b")], category: "information",
                   summary: "The outer product: the matrix aᵢ·bⱼ (for two distributions, the joint of independent X and Y).",
                   example: "outer([0.3, 0.7], [0.4, 0.6])") { a in
            let (x, y) = (try a.numeric(0), try a.numeric(1))
            guard x.value.rank == 1 else { throw a.fail(0, "must be a vector (got a \(Tensor.describe(shape: x.value.shape)))") }
            guard y.value.rank == 1 else { throw a.fail(1, "must be a vector (got a \(Tensor.describe(shape: y.value.shape)))") }
            guard let column = Var.reshape(x, [x.value.count, 1]), let row = Var.reshape(y, [1, y.value.count]) else {
                throw a.error("cannot form the outer product")
            }
            return Value(try Var.binary(.mul, column, row))
        }
    }
}
