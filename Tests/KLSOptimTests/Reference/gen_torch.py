"""Reference trajectories for KLSOptimTests, written to ../TorchTrajectories.swift.

Every case runs the usual PyTorch loop in float64 — gradient at the current parameters,
then optimizer.step() — for 50 steps and records the parameters after each step.
  * SGD, Adagrad, RMSprop, Adam, AdamW: torch.optim with foreach=False (the single-tensor
    path that KLSOptim transcribes).
  * AdaBound / AdaBoundW: the authors' package (`pip install adabound`, 0.0.5, the
    reference implementation Luolc/AdaBound adabound/adabound.py). That release ships
    only `AdaBound`; AdaBoundW differs only in applying weight decay to the parameters,
    p <- p - step - wd*p_old, so it is run as AdaBound(weight_decay=0) followed by
    p.sub_(wd * p_old). `maximize` (not in the reference) is torch's: the gradient is
    negated before the step.
  * NaturalGradient: p <- p - lr * numpy.linalg.solve(F, g).
Gradients are analytic, in plain float64 arithmetic with the same operation order as the
Swift tests (TestProblems.swift), so the only difference left is the optimiser.

Run: python3 gen_torch.py  (torch 2.x, numpy, adabound; PYTHONPATH may point at adabound)
"""
import math
import os
import sys

import numpy as np
import torch
import adabound

torch.set_default_dtype(torch.float64)
STEPS = 50


# ---- problems: (start, gradient(list of floats) -> list of floats) ----------------------

def rosenbrock_grad(p):
    # f(x, y) = (1 - x)^2 + 5 (y - x^2)^2
    x, y = p
    r = y - x * x
    return [-2.0 * (1.0 - x) - 20.0 * x * r, 10.0 * r]


def wavy_grad(p):
    # g(a, b) = log(1 + exp(a - 2b)) + 0.3 (a^2 + b^2) + sin(a b)
    a, b = p
    e = math.exp(a - 2.0 * b)
    s = e / (1.0 + e)
    c = math.cos(a * b)
    return [s + 0.6 * a + b * c, -2.0 * s + 0.6 * b + a * c]


def bowl_grad(p):
    # f(x) = sum_i w_i (x_i - 1)^2 + 0.05 sum_i x_i^4,  w_i = (i + 1) / 12
    return [2.0 * ((i + 1) / 12.0) * (x - 1.0) + 0.2 * (x * x * x) for i, x in enumerate(p)]


PROBLEMS = {
    "rosenbrock": ([-1.0, 1.5], rosenbrock_grad),
    "wavy": ([2.0, -1.0], wavy_grad),
    "bowl": ([-1.0 + 0.25 * i for i in range(12)], bowl_grad),
}

# ---- optimiser cases: (name, problem, torch factory, Swift spec, maximize) --------------

O = torch.optim
CASES = [
    ("SGD nesterov weight_decay", "rosenbrock",
     lambda p: O.SGD(p, lr=0.01, momentum=0.9, nesterov=True, weight_decay=0.1, foreach=False),
     ".sgd(SGDOptions(lr: 0.01, momentum: 0.9, nesterov: true, weightDecay: 0.1))"),
    ("SGD momentum dampening weight_decay", "bowl",
     lambda p: O.SGD(p, lr=0.005, momentum=0.5, dampening=0.3, weight_decay=0.05, foreach=False),
     ".sgd(SGDOptions(lr: 0.005, momentum: 0.5, dampening: 0.3, weightDecay: 0.05))"),
    ("SGD momentum maximize", "wavy",
     lambda p: O.SGD(p, lr=0.01, momentum=0.5, maximize=True, foreach=False),
     ".sgd(SGDOptions(lr: 0.01, momentum: 0.5, maximize: true))"),
    ("Adagrad lr_decay initial_accumulator_value", "rosenbrock",
     lambda p: O.Adagrad(p, lr=0.1, lr_decay=0.05, initial_accumulator_value=0.5, foreach=False),
     ".adagrad(AdagradOptions(lr: 0.1, lrDecay: 0.05, initialAccumulatorValue: 0.5))"),
    ("Adagrad weight_decay eps", "bowl",
     lambda p: O.Adagrad(p, lr=0.2, weight_decay=0.1, eps=1e-3, foreach=False),
     ".adagrad(AdagradOptions(lr: 0.2, weightDecay: 0.1, eps: 1e-3))"),
    ("Adagrad maximize", "wavy",
     lambda p: O.Adagrad(p, lr=0.1, maximize=True, foreach=False),
     ".adagrad(AdagradOptions(lr: 0.1, maximize: true))"),
    ("RMSprop centered momentum", "rosenbrock",
     lambda p: O.RMSprop(p, lr=0.01, centered=True, momentum=0.9, foreach=False),
     ".rmsprop(RMSpropOptions(lr: 0.01, momentum: 0.9, centered: true))"),
    ("RMSprop centered momentum weight_decay alpha", "bowl",
     lambda p: O.RMSprop(p, lr=0.003, alpha=0.3, centered=True, momentum=0.5, weight_decay=0.1, foreach=False),
     ".rmsprop(RMSpropOptions(lr: 0.003, alpha: 0.3, weightDecay: 0.1, momentum: 0.5, centered: true))"),
    ("RMSprop centered maximize", "wavy",
     lambda p: O.RMSprop(p, lr=0.01, alpha=0.9, centered=True, maximize=True, foreach=False),
     ".rmsprop(RMSpropOptions(lr: 0.01, alpha: 0.9, centered: true, maximize: true))"),
    ("Adam amsgrad weight_decay", "rosenbrock",
     lambda p: O.Adam(p, lr=0.01, weight_decay=0.1, amsgrad=True, foreach=False),
     ".adam(AdamOptions(lr: 0.01, weightDecay: 0.1, amsgrad: true))"),
    ("Adam betas eps", "bowl",
     lambda p: O.Adam(p, lr=0.02, betas=(0.3, 0.6), eps=1e-6, foreach=False),
     ".adam(AdamOptions(lr: 0.02, betas: (0.3, 0.6), eps: 1e-6))"),
    ("Adam maximize", "wavy",
     lambda p: O.Adam(p, lr=0.02, maximize=True, foreach=False),
     ".adam(AdamOptions(lr: 0.02, maximize: true))"),
    ("AdamW amsgrad weight_decay", "rosenbrock",
     lambda p: O.AdamW(p, lr=0.01, weight_decay=0.1, amsgrad=True, foreach=False),
     ".adam(.adamW(lr: 0.01, weightDecay: 0.1, amsgrad: true))"),
    ("AdamW defaults", "bowl",
     lambda p: O.AdamW(p, foreach=False),
     ".adam(.adamW())"),
    ("AdamW maximize", "wavy",
     lambda p: O.AdamW(p, lr=0.02, maximize=True, foreach=False),
     ".adam(.adamW(lr: 0.02, maximize: true))"),
    ("AdaBound", "rosenbrock",
     lambda p: adabound.AdaBound(p, lr=0.01),
     ".adaBound(AdaBoundOptions(lr: 0.01))"),
    ("AdaBound amsbound weight_decay gamma", "rosenbrock",
     lambda p: adabound.AdaBound(p, lr=0.01, weight_decay=0.1, amsbound=True, gamma=0.1),
     ".adaBound(AdaBoundOptions(lr: 0.01, gamma: 0.1, weightDecay: 0.1, amsbound: true))"),
    ("AdaBound betas final_lr gamma", "bowl",
     lambda p: adabound.AdaBound(p, lr=0.05, betas=(0.3, 0.6), final_lr=0.02, gamma=0.5),
     ".adaBound(AdaBoundOptions(lr: 0.05, betas: (0.3, 0.6), finalLR: 0.02, gamma: 0.5))"),
    ("AdaBoundW weight_decay final_lr", "bowl",
     ("W", 0.1, lambda p: adabound.AdaBound(p, lr=0.01, final_lr=0.05)),
     ".adaBound(.adaBoundW(lr: 0.01, finalLR: 0.05, weightDecay: 0.1))"),
    ("AdaBoundW amsbound weight_decay gamma", "rosenbrock",
     ("W", 0.05, lambda p: adabound.AdaBound(p, lr=0.02, amsbound=True, gamma=0.5)),
     ".adaBound(.adaBoundW(lr: 0.02, gamma: 0.5, weightDecay: 0.05, amsbound: true))"),
    ("AdaBound maximize", "wavy",
     ("max", 0.0, lambda p: adabound.AdaBound(p, lr=0.02)),
     ".adaBound(AdaBoundOptions(lr: 0.02, maximize: true))"),
]


def run_torch(problem, factory):
    start, grad = PROBLEMS[problem]
    p = torch.tensor(start, requires_grad=True)
    decoupled, negate = 0.0, False
    if isinstance(factory, tuple):
        kind, decoupled, factory = factory
        negate = kind == "max"
    opt = factory([p])
    trajectory, bounds = [], [0, 0]
    for _ in range(STEPS):
        g = grad(p.detach().tolist())
        p.grad = torch.tensor([-v for v in g] if negate else g)
        old = p.detach().clone()
        opt.step()
        if decoupled:
            with torch.no_grad():
                p.sub_(torch.mul(old, decoupled))
        if isinstance(opt, adabound.AdaBound):
            count_active_bounds(opt, p, bounds)
        trajectory.append(p.detach().tolist())
    return start, trajectory, bounds


def count_active_bounds(opt, p, bounds):
    """Counts elements whose AdaBound step size was clipped (lower, upper) this step."""
    group, state = opt.param_groups[0], opt.state[p]
    t, (b1, b2) = state["step"], group["betas"]
    v = state["max_exp_avg_sq"] if group["amsbound"] else state["exp_avg_sq"]
    ratio = group["lr"] * math.sqrt(1 - b2 ** t) / (1 - b1 ** t) / (v.sqrt() + group["eps"])
    final_lr = group["final_lr"]
    bounds[0] += int((ratio < final_lr * (1 - 1 / (group["gamma"] * t + 1))).sum())
    bounds[1] += int((ratio > final_lr * (1 + 1 / (group["gamma"] * t))).sum())


# ---- natural gradient: numpy.linalg.solve ------------------------------------------------

def normal_fit_case():
    # Negative mean log-likelihood of Normal(m, s) for data with mean 1.5 and biased
    # variance 0.64: L = log s + ((1.5 - m)^2 + 0.64) / (2 s^2); Fisher diag(1/s^2, 2/s^2).
    def grad(p):
        m, s = p
        d = 1.5 - m
        return [-d / (s * s), 1.0 / s - (d * d + 0.64) / (s * s * s)]

    def fisher(p):
        s = p[1]
        return [[1.0 / (s * s), 0.0], [0.0, 2.0 / (s * s)]]
    return "NaturalGradient Normal fit", [0.0, 2.0], grad, fisher, 0.3, False


def quadratic_case():
    # L = 1/2 x^T A x - b^T x with SPD A (row-pivoting needed); F = A, maximize of -L.
    A = [[1.0, 2.0, 0.5], [2.0, 5.0, 1.0], [0.5, 1.0, 3.0]]
    b = [1.0, -2.0, 0.5]

    def grad(p):  # gradient of -L (the function maximised)
        return [-(sum(A[i][j] * p[j] for j in range(3)) - b[i]) for i in range(3)]
    return "NaturalGradient quadratic maximize", [1.0, 1.0, 1.0], grad, lambda p: A, 0.2, True


def run_natural(case):
    name, start, grad, fisher, lr, maximize = case
    p = np.array(start)
    trajectory = []
    for _ in range(STEPS):
        g = np.array(grad(p.tolist()))
        if maximize:
            g = -g
        p = p - lr * np.linalg.solve(np.array(fisher(p.tolist())), g)
        trajectory.append(p.tolist())
    return name, start, trajectory


# ---- output -------------------------------------------------------------------------------

def swift_doubles(values):
    return ", ".join(repr(float(v)) for v in values)


def main():
    out = [
        "// Generated by Reference/gen_torch.py — do not edit.",
        f"// torch {torch.__version__} (float64, foreach=False), adabound 0.0.5, numpy {np.__version__}.",
        "// `trajectory` holds the parameters after each of the 50 steps, flattened row by row.",
        "@testable import KLSOptim",
        "",
        "extension TorchReference {",
        "    static let cases: [TorchReference] = [",
    ]
    for name, problem, factory, spec in CASES:
        start, trajectory, bounds = run_torch(problem, factory)
        note = f"  // clipped by lower/upper bound: {bounds[0]}/{bounds[1]}" if "AdaBound" in name else ""
        out.append(f"        TorchReference(name: \"{name}\", problem: .{problem}, spec: {spec},{note}")
        out.append(f"            trajectory: [{swift_doubles(v for row in trajectory for v in row)}]),")
    out.append("    ]")
    out.append("")
    out.append("    static let naturalGradientCases: [(name: String, start: [Double], trajectory: [Double])] = [")
    for case in (normal_fit_case(), quadratic_case()):
        name, start, trajectory = run_natural(case)
        out.append(f"        (\"{name}\", [{swift_doubles(start)}],")
        out.append(f"         [{swift_doubles(v for row in trajectory for v in row)}]),")
    out.append("    ]")
    out.append("}")
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TorchTrajectories.swift")
    with open(target, "w") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", os.path.normpath(target), file=sys.stderr)


if __name__ == "__main__":
    main()
