import KLSNumerics

/// Validation of constructor arguments; each check names the family and the parameter.
struct ParameterCheck {
    /// The family whose parameters are checked.
    let family: String

    /// The single number held by `v` (a scalar or a one-element tensor).
    func number(_ v: Var, _ name: String) throws -> Double {
        guard let x = v.scalar else {
            throw fail("'\(name)' must be a number (got \(Tensor.describe(shape: v.value.shape)))")
        }
        return x
    }

    /// A finite number.
    @discardableResult
    func finite(_ v: Var, _ name: String) throws -> Double {
        let x = try number(v, name)
        guard x.isFinite else { throw fail("'\(name)' must be finite (got \(NumberText.format(x)))") }
        return x
    }

    /// A finite number > 0.
    @discardableResult
    func positive(_ v: Var, _ name: String) throws -> Double {
        let x = try number(v, name)
        guard x > 0 else { throw fail("'\(name)' must be > 0 (got \(NumberText.format(x)))") }
        guard x.isFinite else { throw fail("'\(name)' must be finite (got \(NumberText.format(x)))") }
        return x
    }

    /// A number in [0, 1].
    @discardableResult
    func unitInterval(_ v: Var, _ name: String) throws -> Double {
        let x = try number(v, name)
        guard x >= 0, x <= 1 else { throw fail("'\(name)' must be in [0, 1] (got \(NumberText.format(x)))") }
        return x
    }

    /// A non-empty vector of non-negative numbers summing to 1 within 1e-9 (relative to the
    /// largest of 1 and the sum), NaN-free. `what` names the elements in messages.
    @discardableResult
    func probabilityVector(_ v: Var, what: String = "probability") throws -> [Double] {
        let t = v.value
        guard t.rank <= 1, t.count > 0 else {
            throw fail("\(what == "weight" ? "weights" : "probabilities") must be a non-empty vector (got \(Tensor.describe(shape: t.shape)))")
        }
        for (i, p) in t.data.enumerated() {
            guard !p.isNaN else { throw fail("\(what) \(i) is nan") }
            guard p >= 0 else { throw fail("\(what) \(i) is negative (\(NumberText.format(p)))") }
            guard p.isFinite else { throw fail("\(what) \(i) is not finite (\(NumberText.format(p)))") }
        }
        let total = t.sum()
        guard total.isFinite else {
            throw fail("\(what == "weight" ? "weights" : "probabilities") must sum to 1 (their sum overflows)")
        }
        guard Swift.abs(total - 1) <= 1e-9 * Swift.max(1, total) else {
            throw fail("\(what == "weight" ? "weights" : "probabilities") must sum to 1 (got \(NumberText.format(total)))")
        }
        return t.data
    }

    /// The error for `message`.
    func fail(_ message: String) -> DistributionError {
        .invalidParameter(family: family, message: message)
    }
}
