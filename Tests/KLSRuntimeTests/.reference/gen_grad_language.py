"""Writes ../Language/optim_grad.kls and ../Language/optim_fisher.kls.

optim_grad.kls: grad(f, x…) of builtins taking vectors, against torch.autograd in float64
(the same expression written with torch / torch.nn.functional / torch.distributions),
to 1e-12 relative to the largest component of each gradient.

optim_fisher.kls: fisher(D) in closed form against E[s sᵀ], s the score ∂/∂θ log p(X)
from torch.autograd, the expectation by scipy.integrate.quad over the support
(continuous) or an exact sum (discrete); the two agree to 1e-8 (asserted here), and the
closed forms (with scipy.special.polygamma for Gamma and Beta) are written to 1e-12.
Categorical(p)'s Fisher information is in the k free masses: s = e_x / p_x.

Run: python3 gen_grad_language.py   (torch 2.x, scipy)
"""
import math
import os

import numpy as np
import scipy.integrate
import scipy.special
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
LANGUAGE = os.path.join(HERE, "..", "Language")
D = torch.distributions

V = [0.3, -1.2, 2.0, 0.7]
W = [0.5, 1.5, -1.0, 2.0]
P = [0.1, 0.2, 0.3, 0.4]
Q = [0.25, 0.25, 0.4, 0.1]
XS = [0.5, 1.7, -0.3, 2.2]

# (name, kls grad call, torch function of tensors, torch arguments)
GRADS = [
    ("elementwise", "grad(v -> sum(v^2 * w + exp(-v) / (1 + v^2)), V)",
     lambda v: (v ** 2 * torch.tensor(W) + torch.exp(-v) / (1 + v ** 2)).sum(), [V]),
    ("sqrt log mean", "grad(v -> mean(sqrt(v + 2) * log(v + 3)), V)",
     lambda v: (torch.sqrt(v + 2) * torch.log(v + 3)).mean(), [V]),
    ("softmax", "grad(v -> sum(softmax(v) * w), V)", lambda v: (torch.softmax(v, 0) * torch.tensor(W)).sum(), [V]),
    ("logsumexp", "grad(v -> logsumexp(v), V)", lambda v: torch.logsumexp(v, 0), [V]),
    ("dot and cumsum", "grad((a, b) -> dot(a, b) + sum(cumsum(a) * b), V, W)",
     lambda a, b: torch.dot(a, b) + (torch.cumsum(a, 0) * b).sum(), [V, W]),
    ("kl_div", "grad(q -> kl_div(log(q), p), Q)", lambda q: F.kl_div(q.log(), torch.tensor(P), reduction="mean"), [Q]),
    ("kl_div batchmean, both", "grad((q, p) -> kl_div(log(q), p, reduction=\"batchmean\"), Q, P)",
     lambda q, p: F.kl_div(q.log(), p, reduction="batchmean"), [Q, P]),
    ("mse_loss", "grad((a, b) -> mse_loss(a, b), V, W)", lambda a, b: F.mse_loss(a, b), [V, W]),
    ("l1_loss sum", "grad(a -> l1_loss(a, w, reduction=\"sum\"), V)",
     lambda a: F.l1_loss(a, torch.tensor(W), reduction="sum"), [V]),
    ("cosine_similarity", "grad((a, b) -> cosine_similarity(a, b), V, W)",
     lambda a, b: F.cosine_similarity(a, b, dim=0), [V, W]),
    ("binary_cross_entropy", "grad(q -> binary_cross_entropy(q, p), Q)",
     lambda q: F.binary_cross_entropy(q, torch.tensor(P)), [Q]),
    ("cross_entropy", "grad(z -> cross_entropy(z, 2), V)", lambda z: F.cross_entropy(z, torch.tensor(2)), [V]),
    ("entropy H", "grad(q -> H(q), Q)", lambda q: -(q * q.log()).sum(), [Q]),
    ("KL of vectors", "grad((p, q) -> KL(p || q), P, Q)", lambda p, q: (p * (p / q).log()).sum(), [P, Q]),
    ("Normal log-likelihood", "grad((m, s) -> sum(logpdf(Normal(m, s), xs)), 0.4, 1.3)",
     lambda m, s: D.Normal(m, s).log_prob(torch.tensor(XS)).sum(), [0.4, 1.3]),
    ("Normal logpdf in x", "grad(x -> sum(logpdf(Normal(0.3, 1.7), x)), XS)",
     lambda x: D.Normal(0.3, 1.7).log_prob(x).sum(), [XS]),
    ("Normal pdf in x and μ", "grad((x, m) -> sum(pdf(Normal(m, 1.7), x)), XS, 0.3)",
     lambda x, m: D.Normal(m, 1.7).log_prob(x).exp().sum(), [XS, 0.3]),
    ("KL of two normals", "grad((m1, s1, m2, s2) -> KL(Normal(m1, s1) || Normal(m2, s2)), 0.5, 1.2, -0.3, 2.0)",
     lambda m1, s1, m2, s2: D.kl_divergence(D.Normal(m1, s1), D.Normal(m2, s2)), [0.5, 1.2, -0.3, 2.0]),
]


def kls_vector(values):
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def torch_grad(fn, args):
    tensors = [torch.tensor(a, requires_grad=True) for a in args]
    fn(*tensors).backward()
    return [t.grad.tolist() for t in tensors]


def kls_expected(grads, args):
    """grad's result: a number, a vector (all scalar points) or a list (mixed)."""
    if len(grads) == 1:
        return kls_vector(grads[0]) if isinstance(grads[0], list) else repr(float(grads[0]))
    if all(not isinstance(a, list) for a in args):
        return kls_vector(grads)
    return "[" + ", ".join(kls_vector(g) if isinstance(g, list) else kls_vector([g]) for g in grads) + "]"


def write_grads():
    lines = [
        "# optim_grad.kls — grad(f, x…) through builtins that take vectors, against torch.autograd",
        "# (float64): to 1e-12 relative to the largest component of each gradient.",
        "# Reference numbers: .reference/gen_grad_language.py (generated — do not edit by hand).",
        f"V = {kls_vector(V)}",
        f"w = {kls_vector(W)}",
        f"W = w",
        f"p = {kls_vector(P)}",
        f"P = p",
        f"Q = {kls_vector(Q)}",
        f"xs = {kls_vector(XS)}",
        f"XS = xs",
        "fn worst(a, b) { return max(abs(a - b)) / max(abs(b)) }",
        "fn check(name, got, expected) {",
        "  e = worst(got, expected)",
        "  assert(e <= 1e-12, name + \": worst relative error \" + string(e) + \", got \" + string(got))",
        "  print(name, \"ok\")",
        "}",
        "# grad with several points of which some are vectors gives a list: one gradient per point",
        "fn check_parts(name, got, expected) {",
        "  e = 0",
        "  for i in range(len(expected)) { e = max([e, worst(got[i], expected[i])]) }",
        "  assert(len(got) == len(expected) and e <= 1e-12, name + \": worst relative error \" + string(e))",
        "  print(name, \"ok\")",
        "}",
    ]
    for name, call, fn, args in GRADS:
        grads = torch_grad(fn, args)
        parts = len(args) > 1 and any(isinstance(a, list) for a in args)
        lines.append(f"{'check_parts' if parts else 'check'}(\"{name}\", {call},")
        lines.append(f"      {kls_expected(grads, args)})  # expect: {name} ok")
    with open(os.path.join(LANGUAGE, "optim_grad.kls"), "w") as out:
        out.write("\n".join(lines) + "\n")


def score_outer(dist_of, theta, x):
    t = torch.tensor(theta, requires_grad=True)
    logp = dist_of(t, x)
    (s,) = torch.autograd.grad(logp, t)
    return np.outer(s.numpy(), s.numpy())


def expected_continuous(dist_of, theta, lo, hi, points=()):
    k = len(theta)
    out = np.zeros((k, k))
    for i in range(k):
        for j in range(k):
            f = lambda x: math.exp(dist_of(torch.tensor(theta), x).item()) * score_outer(dist_of, theta, x)[i, j]
            out[i, j] = scipy.integrate.quad(f, lo, hi, points=list(points) or None, epsabs=1e-13, epsrel=1e-12,
                                             limit=200)[0]
    return out


def expected_discrete(dist_of, theta, outcomes):
    k = len(theta)
    out = np.zeros((k, k))
    for x in outcomes:
        out += math.exp(dist_of(torch.tensor(theta), x).item()) * score_outer(dist_of, theta, x)
    return out


def trigamma(x):
    return float(scipy.special.polygamma(1, x))


FISHERS = [
    ("Normal(1, 2)", lambda t, x: D.Normal(t[0], t[1]).log_prob(torch.tensor(x)), [1.0, 2.0],
     ("c", -30.0, 32.0, ()), [[1 / 4, 0], [0, 2 / 4]]),
    ("Exponential(1.5)", lambda t, x: D.Exponential(t[0]).log_prob(torch.tensor(x)), [1.5],
     ("c", 0.0, math.inf, ()), [[1 / 1.5 ** 2]]),
    ("Laplace(0.5, 2)", lambda t, x: D.Laplace(t[0], t[1]).log_prob(torch.tensor(x)), [0.5, 2.0],
     ("c", -80.0, 80.0, (0.5,)), [[1 / 4, 0], [0, 1 / 4]]),
    ("Gamma(2.5, 1.5)", lambda t, x: D.Gamma(t[0], t[1]).log_prob(torch.tensor(x)), [2.5, 1.5],
     ("c", 0.0, math.inf, ()), [[trigamma(2.5), -1 / 1.5], [-1 / 1.5, 2.5 / 1.5 ** 2]]),
    ("Beta(2, 3)", lambda t, x: D.Beta(t[0], t[1]).log_prob(torch.tensor(x)), [2.0, 3.0],
     ("c", 0.0, 1.0, ()), [[trigamma(2) - trigamma(5), -trigamma(5)], [-trigamma(5), trigamma(3) - trigamma(5)]]),
    ("Bernoulli(0.3)", lambda t, x: D.Bernoulli(t[0]).log_prob(torch.tensor(float(x))), [0.3],
     ("d", [0, 1]), [[1 / (0.3 * 0.7)]]),
    ("Categorical([0.2, 0.3, 0.5])", lambda t, x: torch.log(t[x]), [0.2, 0.3, 0.5],
     ("d", [0, 1, 2]), [[5, 0, 0], [0, 1 / 0.3, 0], [0, 0, 2]]),
]


def write_fishers():
    lines = [
        "# optim_fisher.kls — fisher(D) in closed form, in D's own parameters, against E[s sᵀ] with s",
        "# the score from torch.autograd and the expectation by quadrature or an exact sum (scipy):",
        "# .reference/gen_grad_language.py (generated — do not edit by hand). 1e-12 relative.",
        "fn check(name, got, expected) {",
        "  e = max(abs(got - expected)) / max(abs(expected))",
        "  assert(got.shape == expected.shape and e <= 1e-12, name + \": got \" + string(got))",
        "  print(name, \"ok\")",
        "}",
    ]
    for name, dist_of, theta, how, closed in FISHERS:
        closed = np.array(closed, dtype=float)
        if how[0] == "c":
            numeric = expected_continuous(dist_of, theta, how[1], how[2], how[3])
        else:
            numeric = expected_discrete(dist_of, theta, how[1])
        assert np.max(np.abs(numeric - closed)) <= 1e-8 * np.max(np.abs(closed)), (name, numeric, closed)
        rows = "[" + ", ".join(kls_vector(r) for r in closed) + "]"
        lines.append(f"check(\"{name}\", fisher({name}), {rows})  # expect: {name} ok")
    lines += [
        "# NaturalGradient steps by the inverse of the model's Fisher information: one step on",
        "# L(m, s) = KL(Normal(1, 2) || Normal(m, s)) from (0, 1) moves by lr·F⁻¹∇L.",
        "L(m, s) = KL(Normal(1, 2) || Normal(m, s))",
        "step = minimize(L, [0, 1], NaturalGradient(0.5, (m, s) -> Normal(m, s)), steps=1).params",
        "F = fisher(Normal(0, 1))",
        "g = grad(L, 0, 1)",
        "print(max(abs(step - [0 - 0.5 * g[0] / F[0][0], 1 - 0.5 * g[1] / F[1][1]])) <= 1e-15)  # expect: true",
    ]
    with open(os.path.join(LANGUAGE, "optim_fisher.kls"), "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    write_grads()
    write_fishers()
    print("wrote optim_grad.kls, optim_fisher.kls")
