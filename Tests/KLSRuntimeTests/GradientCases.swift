/// The kls functions through which `GradientRegistryTests` checks each differentiable
/// builtin, grouped as the registry groups them. Points avoid kinks and jumps (|x| at 0,
/// floor at whole numbers, ties of max) where the derivative does not exist. Probability
/// vectors are written on the simplex, e.g. `[a, b, 1 - a - b]`, so that every perturbed point
/// is still a valid distribution.
extension GradientRegistryTests {
    static let mathCases: [String: [GradientCase]] = [
        "abs": [at("x -> abs(x)", -1.3), at("v -> sum(abs(v))", [0.7, -2.5])],
        "sqrt": [at("x -> sqrt(x)", 2.5), at("v -> sum(sqrt(v))", [0.3, 4])],
        "exp": [at("x -> exp(x)", 0.7), at("v -> sum(exp(v))", [-1.5, 2])],
        "log": [at("x -> log(x)", 2.5), at("v -> sum(log(v))", [0.2, 7])],
        "log2": [at("x -> log2(x)", 2.5)],
        "log10": [at("x -> log10(x)", 2.5)],
        "log1p": [at("x -> log1p(x)", 0.3), at("x -> log1p(x)", 1e-3)],
        "expm1": [at("x -> expm1(x)", 0.3), at("x -> expm1(x)", -1e-3)],
        "sin": [at("x -> sin(x)", 0.7)],
        "cos": [at("x -> cos(x)", 0.7)],
        "tan": [at("x -> tan(x)", 0.7)],
        "tanh": [at("x -> tanh(x)", 0.7)],
        "sigmoid": [at("x -> sigmoid(x)", 0.3), at("x -> sigmoid(x)", -12)],
        "softplus": [at("x -> softplus(x)", 2), at("x -> softplus(x)", -20)],
        "erf": [at("x -> erf(x)", 0.5)],
        "erfc": [at("x -> erfc(x)", 2.5)],
        "floor": [at("x -> x * floor(x)", 2.3)],
        "ceil": [at("x -> x * ceil(x)", 2.3)],
        "round": [at("x -> x * round(x)", 2.3)],
        "sign": [at("x -> x * sign(x)", -2)],
        "pow": [at("(x, y) -> pow(x, y)", 2.5, 1.7), at("(v, y) -> sum(pow(v, y))", [0.5, 3], 2.5)],
    ]

    static let vectorCases: [String: [GradientCase]] = [
        "append": [at("(x, y) -> sum(append([x, 1], y)^2)", 0.5, -2),
                   at("(m, v) -> sum(append(m, v) * [[1, 2], [3, 4], [5, 6]])", [[1, 2], [3, 4]], [0.5, -1])],
        "sum": [at("v -> sum(v * v)", [1, -2, 3]), at("m -> sum(m * m)", [[1, -2], [3, 0.5]]),
                at("m -> dot(sum(m * m, axis=0), [1, 2])", [[1, -2], [3, 0.5]])],
        "mean": [at("v -> mean(v * v)", [1, -2, 3]), at("m -> dot(mean(m * m, axis=1), [1, 2])", [[1, -2], [3, 0.5]])],
        "prod": [at("v -> prod(v)", [1.5, -2, 3]), at("v -> prod(v)", [1.5, 0, 3]),
                 at("m -> dot(prod(m, axis=-1), [1, 2])", [[1, -2], [3, 0.5]])],
        "max": [at("v -> max(v * v)", [1, -2.5, 3]),
                at("(x, y) -> sum(max([x, 1], [2, y]))", 3, 0.5),
                at("(v, y) -> sum(max(v, y, 0.25))", [1, -2, 0.1], 0.5),
                at("m -> dot(max(m, axis=0), [1, 2])", [[1, -2], [3, 0.5]])],
        "min": [at("v -> min(v * v)", [1, -2.5, 3]),
                at("(x, y) -> sum(min([x, 1], [2, y]))", 3, 0.5),
                at("m -> dot(min(m, axis=1), [1, 2])", [[1, -2], [3, 0.5]])],
        "cumsum": [at("v -> dot(cumsum(v), [1, 2, 3])", [0.5, -1, 2]),
                   at("m -> sum(cumsum(m, axis=0) * [[1, 2], [3, 4]])", [[1, -2], [3, 0.5]])],
        "dot": [at("(u, v) -> dot(u, v)", [1, 2, 3], [0.5, -1, 4])],
        "softmax": [at("v -> dot(softmax(v), [1, 2, 3])", [0.5, -1, 2]),
                    at("m -> sum(softmax(m, axis=1) * [[1, 2], [3, 4]])", [[1, -2], [3, 0.5]])],
        "logsumexp": [at("v -> logsumexp(v)", [0.5, -1, 2]), at("v -> logsumexp(v)", [800, 801]),
                      at("m -> dot(logsumexp(m, axis=0), [1, 2])", [[1, -2], [3, 0.5]])],
        "matmul": [at("(m, v) -> sum(matmul(m, v)^2)", [[1, 2], [3, 4]], [0.5, -1]),
                   at("v -> sum(matmul([[1, 2], [0, 4], [-1, 0.5]], v)^2)", [0.5, -1]),
                   at("m -> sum(matmul(m, [[1, 0], [2, -1]]) * [[1, 2], [3, 4]])", [[1, 2], [3, 4]]),
                   at("(v, m) -> sum(matmul(v, m)^2)", [0.5, -1], [[1, 2, 0], [3, 4, -1]]),
                   at("(a, b) -> sum(matmul(a, b) * [[1, 2], [3, 4]])", [[1, 2, 0.5], [3, 4, -1]], [[1, 0], [2, -1], [0.5, 3]])],
        "transpose": [at("m -> sum(transpose(m) * [[1, 2], [3, 4], [5, 6]])", [[1, 2, 3], [4, 5, 6]])],
        "reshape": [at("v -> sum(reshape(v, 2, 2) * [[1, 2], [3, 4]])", [0.5, -1, 2, 3])],
    ]

    static let lossCases: [String: [GradientCase]] = [
        "kl_div": [
            at("(i, t) -> kl_div(i, t)", [-1.2, -0.8, -1.5], [0.3, 0.5, 0.2]),
            at("(i, t) -> kl_div(i, t, reduction=\"sum\")", [-1.2, -0.8, -1.5], [0.3, 0.5, 0.2]),
            at("(i, t) -> kl_div(i, t, reduction=\"batchmean\")", [[-1.2, -0.4], [-0.7, -0.9]], [[0.3, 0.7], [0.6, 0.4]]),
            at("(i, t) -> dot(kl_div(i, t, reduction=\"none\"), [1, 2, 3])", [-1.2, -0.8, -1.5], [0.3, 0.5, 0.2]),
            at("(i, t) -> kl_div(i, t, log_target=true)", [-1.2, -0.8, -1.5], [-1.1, -0.7, -1.6]),
        ],
        "mse_loss": [at("(a, b) -> mse_loss(a, b)", [1, 2, 3], [1.5, 1.5, 4]),
                     at("(a, b) -> mse_loss(a, b, reduction=\"sum\")", [[1, 2], [3, 4]], [[0.5, 2.5], [3, 3]])],
        "l1_loss": [at("(a, b) -> l1_loss(a, b)", [1, 2, 3], [1.5, 1.5, 4])],
        "binary_cross_entropy": [at("(p, t) -> binary_cross_entropy(p, t)", [0.8, 0.3], [0.9, 0.2])],
        "cosine_similarity": [at("(a, b) -> cosine_similarity(a, b)", [1, 2, 3], [2, -1, 0.5]),
                              at("(a, b) -> dot(cosine_similarity(a, b), [1, 2])", [[1, 2], [3, 4]], [[1, 0.5], [-1, 1]])],
        "cross_entropy": [
            at("z -> cross_entropy(z, 0)", [2, 0.5, -1]),
            at("z -> cross_entropy(z, [0, 2])", [[2, 0.5, -1], [0.1, 0.2, 0.3]]),
            at("(z, t) -> cross_entropy(z, t)", [[2, 0.5, -1], [0.1, 0.2, 0.3]], [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]]),
            at("z -> cross_entropy(z, [0, 2], reduction=\"sum\", label_smoothing=0.1)", [[2, 0.5, -1], [0.1, 0.2, 0.3]]),
        ],
        "nll_loss": [at("x -> nll_loss(x, 1)", [-0.5, -1.2, -2.3]),
                     at("x -> nll_loss(x, [1, 0])", [[-0.5, -1.2, -2.3], [-1, -2, -3]])],
    ]

    /// One kls distribution per family, as a function of the named parameters, and a point.
    static let families: [(parameters: String, distribution: String, point: [GradientArgument], x: [Double])] = [
        ("m, s", "Normal(m, s)", [0.3, 1.7], [1.1, -2.5]),
        ("a, b", "Uniform(a, b)", [-1, 2.5], [0.4]),
        ("r", "Exponential(r)", [1.5], [0.8]),
        ("m, b", "Laplace(m, b)", [0.5, 1.5], [-0.2, 1.9]),
        ("a, b", "Gamma(a, b)", [2.5, 1.5], [0.8, 3.1]),
        ("a, b", "Beta(a, b)", [2.2, 3.5], [0.3, 0.85]),
        ("w, m, s", "Mixture([Normal(m, s), Laplace(1, 2)], [w, 1 - w])", [0.3, -0.5, 0.8], [0.6, -1.4]),
    ]

    /// Discrete families: x is an outcome, so only the parameters are differentiated.
    static let discreteFamilies: [(parameters: String, distribution: String, point: [GradientArgument], outcomes: String, weights: String)] = [
        ("p", "Bernoulli(p)", [0.3], "[0, 1]", "[1, 2]"),
        ("a, b", "Categorical([a, b, 1 - a - b])", [0.2, 0.5], "[0, 1, 2]", "[1, 2, 3]"),
        ("w, a", "Mixture([Bernoulli(a), Categorical([0.1, 0.9])], [w, 1 - w])", [0.4, 0.3], "[0, 1]", "[1, 2]"),
    ]

    static let distributionCases: [String: [GradientCase]] = {
        var cases: [String: [GradientCase]] = [:]
        for f in families {
            for name in ["pdf", "logpdf", "cdf"] {
                for x in f.x {
                    cases[name, default: []].append(
                        GradientCase(function: "(\(f.parameters), x) -> \(name)(\(f.distribution), x)",
                                     point: f.point + [.number(x)]))
                }
            }
            for name in ["mean", "var", "std", "entropy"] {
                cases[name, default: []].append(
                    GradientCase(function: "(\(f.parameters)) -> \(name)(\(f.distribution))", point: f.point))
            }
        }
        for f in discreteFamilies {
            for name in ["pdf", "logpdf", "cdf"] {
                cases[name, default: []].append(GradientCase(
                    function: "(\(f.parameters)) -> dot(\(name)(\(f.distribution), \(f.outcomes)), \(f.weights))",
                    point: f.point))
            }
            for name in ["mean", "var", "std", "entropy"] {
                cases[name, default: []].append(
                    GradientCase(function: "(\(f.parameters)) -> \(name)(\(f.distribution))", point: f.point))
            }
        }
        cases["pdf", default: []] += [
            at("x -> sum(pdf(Normal(0.3, 1.2), x))", [-1, 0.5, 2]),
            at("(m, s) -> sum(pdf(Normal(m, s), [-1, 0.5, 2]))", 0.3, 1.2),
            at("(a, b) -> pdf([a, b, 1 - a - b], 2)", 0.2, 0.5),
        ]
        cases["logpdf", default: []] += [
            at("(m, s) -> logpdf(Normal(m, s), 40)", 0.3, 1.2),
            at("x -> sum(logpdf(Gamma(2.5, 1.5), x))", [0.5, 1, 4]),
        ]
        cases["cdf", default: []] += [
            at("(m, s) -> cdf(Normal(m, s), -10)", 0.3, 1.2),
            at("(a, b) -> cdf([a, b, 1 - a - b], 1)", 0.2, 0.5),
        ]
        cases["var", default: []] += [at("v -> var(v)", [1, 2, 4]), at("m -> var(m)", [[1, 2], [4, -1]])]
        cases["std", default: []] += [at("v -> std(v)", [1, 2, 4])]
        cases["mean", default: []] += [at("(a, b) -> mean(Categorical([a, b, 1 - a - b]))", 0.2, 0.5)]
        cases["entropy", default: []] += [
            at("(m, s) -> entropy(Normal(m, s), base=2)", 0.3, 1.7),
            at("(a, b) -> entropy([a, b, 1 - a - b], base=10)", 0.2, 0.5),
        ]
        return cases
    }()

    static let informationCases: [String: [GradientCase]] = [
        "H": [
            at("(a, b) -> H([a, b, 1 - a - b])", 0.2, 0.5),
            at("(a, b, c) -> H([[a, b], [c, 1 - a - b - c]], base=2)", 0.3, 0.2, 0.1),
            at("(a, b, c) -> H([[a, b], [c, 1 - a - b - c]], given=1)", 0.3, 0.2, 0.1),
            at("(a, b, c) -> H([[a, b], [c, 1 - a - b - c]], given=0, base=2)", 0.3, 0.2, 0.1),
            at("(a, b) -> H([a, b, 1 - a - b], base=2)", 0.2, 0.5),
            at("(a, b) -> H([a, b, 1 - a - b], [0.3, 0.3, 0.4], base=2)", 0.2, 0.5),
            at("(a, b) -> H([0.3, 0.3, 0.4], [a, b, 1 - a - b])", 0.2, 0.5),
            at("(m, s) -> H(Normal(m, s), base=2)", 0.3, 1.7),
            at("(m, s, l, b) -> H(Normal(m, s), Laplace(l, b))", 0.3, 1.7, -0.2, 1.2),
            at("(p, q) -> H(Bernoulli(p), Bernoulli(q), base=2)", 0.3, 0.6),
        ],
        "KL": [
            at("(a, b) -> KL([a, b, 1 - a - b] || [0.3, 0.3, 0.4])", 0.2, 0.5),
            at("(a, b, c) -> KL([[a, b], [c, 1 - a - b - c]] || [[0.1, 0.2], [0.3, 0.4]], base=2)", 0.3, 0.2, 0.1),
            at("(a, b) -> KL([0.3, 0.3, 0.4] || [a, b, 1 - a - b], base=2)", 0.2, 0.5),
            at("(m1, s1, m2, s2) -> KL(Normal(m1, s1) || Normal(m2, s2))", 0.3, 1.2, -0.5, 2),
            at("(a1, b1, a2, b2) -> KL(Uniform(a1, b1) || Uniform(a2, b2))", -0.5, 1, -1, 2.5),
            at("(r1, r2) -> KL(Exponential(r1) || Exponential(r2))", 1.5, 0.7),
            at("(m1, b1, m2, b2) -> KL(Laplace(m1, b1) || Laplace(m2, b2))", 0.3, 1.2, -0.5, 2),
            at("(a1, b1, a2, b2) -> KL(Gamma(a1, b1) || Gamma(a2, b2))", 2.5, 1.5, 1.2, 0.8),
            at("(a1, b1, a2, b2) -> KL(Beta(a1, b1) || Beta(a2, b2))", 2.2, 3.5, 1.3, 0.9),
            at("(p, q) -> KL(Bernoulli(p) || Bernoulli(q))", 0.3, 0.6),
            at("(a, b) -> KL(Categorical([a, b, 1 - a - b]), Categorical([0.3, 0.3, 0.4]))", 0.2, 0.5),
            at("(m, s, l, b) -> KL(Normal(m, s) || Laplace(l, b))", 0.3, 1.2, -0.2, 1.5),
            at("(a, b, m, s) -> KL(Gamma(a, b) || Normal(m, s))", 2.5, 1.5, 1, 2),
            at("(a, b, r) -> KL(Beta(a, b) || Gamma(2, r))", 2.2, 3.5, 1.3),
            at("(m, s) -> KL(Mixture([Normal(-2, 1), Normal(m, s)]) || Normal(0, 2.5))", 2, 1),
            at("(m, s) -> KL(Normal(0, 2.5) || Mixture([Normal(-2, 1), Normal(m, s)]), base=2)", 2, 1),
            at("(a, b) -> KL(Gamma(a, b) || Laplace(1, 2))", 2.5, 1.5),
        ],
        "JS": [
            at("(a, b) -> JS([a, b, 1 - a - b], [0.3, 0.3, 0.4])", 0.2, 0.5),
            at("(m, s) -> JS(Normal(m, s), Normal(0, 1), base=2)", 0.3, 1.2),
        ],
        "W1": [
            at("(a, b) -> W1([a, b, 1 - a - b], [0.3, 0.3, 0.4])", 0.2, 0.5),
            at("(m, s) -> W1(Normal(m, s), Normal(0, 2))", 0.3, 1.2),
            at("(m1, m2) -> W1(Normal(m1, 1), Normal(m2, 1))", 0.3, -1.2),
            at("(r, a) -> W1(Exponential(r), Gamma(a, 1))", 1.5, 2.5),
        ],
        "chi2": [
            at("(a, b) -> chi2([a, b, 1 - a - b] || [0.3, 0.3, 0.4])", 0.2, 0.5),
            at("(m, s) -> chi2(Normal(m, s) || Normal(0, 1.5))", 0.3, 1.2),
        ],
        "hellinger": [
            at("(a, b) -> hellinger([a, b, 1 - a - b], [0.3, 0.3, 0.4])", 0.2, 0.5),
            at("(m, s) -> hellinger(Normal(m, s), Laplace(0, 1))", 0.3, 1.2),
        ],
        "tv": [
            at("(a, b) -> tv([a, b, 1 - a - b], [0.3, 0.3, 0.4])", 0.2, 0.5),
            at("(m, s) -> tv(Normal(m, s), Normal(0, 1.5))", 0.3, 1.2),
        ],
        "MI": [at("(a, b, c) -> MI([[a, b], [c, 1 - a - b - c]])", 0.3, 0.2, 0.1),
               at("(a, b, c) -> MI([[a, b], [c, 1 - a - b - c]], base=2)", 0.3, 0.2, 0.1)],
        "info": [at("p -> info(p)", 0.3), at("p -> info(p, base=2)", 0.125), at("v -> sum(info(v))", [0.3, 0.6])],
        "marginal": [at("(a, b, c) -> dot(marginal([[a, b], [c, 1 - a - b - c]], 0), [1, 3])", 0.3, 0.2, 0.1),
                     at("(a, b, c) -> dot(marginal([[a, b], [c, 1 - a - b - c]], 1), [2, 5])", 0.3, 0.2, 0.1)],
        "outer": [at("(a, b) -> sum(outer([a, 1 - a], [b, 2 * b]) * [[1, 2], [3, 4]])", 0.3, 0.6)],
    ]
}
