"""Writes ../Language/optim_*.kls: every optimiser's trajectory through `minimize` /
`maximize` checked against the same loop in float64 PyTorch, to 1e-12 relative.

Each case runs the usual PyTorch loop: loss = f(theta) (recorded before the step, as
fit.losses[i], with the parameters as fit.trace[i]), loss.backward() (torch.autograd), then
optimizer.step(), for 50 steps; the kls side runs the same f through minimize (or maximize,
whose losses are f itself, not negated) and compares losses, trace and final params.
  * SGD, Adagrad, RMSprop, Adam, AdamW: torch.optim with foreach=False.
  * AdaBound: the authors' reference package (`pip install adabound`, 0.0.5 =
    Luolc/AdaBound adabound/adabound.py). It has no `maximize`, so maximize(f) is run as
    the minimisation of -f (the same gradient up to sign, exactly); AdaBoundW (not in that
    release) is AdaBound(weight_decay=0) followed by p.sub_(wd * p_old), the reference
    AdaBoundW's decoupled decay.
  * NaturalGradient: theta <- theta - lr * numpy.linalg.solve(F, g), g from autograd and F
    the Fisher information of Normal(m, s) in (m, s), diag(1/s^2, 2/s^2).
  * positive=: torch optimises u = log(theta) for those parameters (theta = exp(u) inside
    f) and the trace is reported as exp(u); for NaturalGradient the metric in u is
    J F J, J = diag(dtheta/du).

Run: PYTHONPATH=/path/to/adabound python3 gen_optim_language.py   (torch 2.x, numpy)
"""
import math
import os

import adabound
import numpy as np
import torch

torch.set_default_dtype(torch.float64)
STEPS = 50
O = torch.optim
HERE = os.path.dirname(os.path.abspath(__file__))
LANGUAGE = os.path.join(HERE, "..", "Language")

DATA = [0.5, 1.7, -0.3, 2.2, 1.1, 0.4]

# name -> (kls definition, torch function of a list of 0-d tensors)
PROBLEMS = {
    "rosen": ("rosen(x, y) = (1 - x)^2 + 5 * (y - x^2)^2",
              lambda t: (1 - t[0]) ** 2 + 5 * (t[1] - t[0] ** 2) ** 2),
    "wavy": ("wavy(a, b) = log(1 + exp(a - 2 * b)) + 0.3 * (a^2 + b^2) + sin(a * b)",
             lambda t: torch.log(1 + torch.exp(t[0] - 2 * t[1])) + 0.3 * (t[0] ** 2 + t[1] ** 2) + torch.sin(t[0] * t[1])),
    "bowl": ("bowl(a, b, c, d) = 0.5 * (a - 1)^2 + (b + 2)^2 + 1.5 * (c - 0.5)^2 + 2 * d^2 + 0.05 * (a^4 + b^4 + c^4 + d^4)",
             lambda t: 0.5 * (t[0] - 1) ** 2 + (t[1] + 2) ** 2 + 1.5 * (t[2] - 0.5) ** 2 + 2 * t[3] ** 2
             + 0.05 * (t[0] ** 4 + t[1] ** 4 + t[2] ** 4 + t[3] ** 4)),
    "nll": (f"nll(m, s) = -mean(logpdf(Normal(m, s), {DATA}))",
            lambda t: -torch.distributions.Normal(t[0], t[1]).log_prob(torch.tensor(DATA)).mean()),
}
STARTS = {"rosen": [-1.0, 1.5], "wavy": [2.0, -1.0], "bowl": [-1.0, 0.5, 2.0, -1.5], "nll": [0.0, 2.0]}


def case(name, problem, kls_optimizer, torch_optimizer, maximize=False, positive=None, start=None):
    return dict(name=name, problem=problem, kls=kls_optimizer, torch=torch_optimizer, maximize=maximize,
                positive=positive, start=start or STARTS[problem])


FILES = {
    "optim_sgd": ("torch.optim.SGD", [
        case("SGD plain", "rosen", "SGD(lr=0.01)", lambda p: O.SGD(p, lr=0.01, foreach=False)),
        case("SGD momentum dampening weight_decay", "bowl", "SGD(lr=0.02, momentum=0.5, dampening=0.3, weight_decay=0.05)",
             lambda p: O.SGD(p, lr=0.02, momentum=0.5, dampening=0.3, weight_decay=0.05, foreach=False)),
        case("SGD nesterov weight_decay", "rosen", "SGD(lr=0.01, momentum=0.9, nesterov=true, weight_decay=0.1)",
             lambda p: O.SGD(p, lr=0.01, momentum=0.9, nesterov=True, weight_decay=0.1, foreach=False)),
        case("SGD momentum, maximize", "wavy", "SGD(lr=0.05, momentum=0.5)",
             lambda p: O.SGD(p, lr=0.05, momentum=0.5, maximize=True, foreach=False), maximize=True),
    ]),
    "optim_adagrad": ("torch.optim.Adagrad", [
        case("Adagrad defaults", "rosen", "Adagrad()", lambda p: O.Adagrad(p, foreach=False)),
        case("Adagrad lr_decay initial_accumulator_value", "rosen",
             "Adagrad(lr=0.1, lr_decay=0.05, initial_accumulator_value=0.5)",
             lambda p: O.Adagrad(p, lr=0.1, lr_decay=0.05, initial_accumulator_value=0.5, foreach=False)),
        case("Adagrad weight_decay eps", "bowl", "Adagrad(lr=0.2, weight_decay=0.1, eps=1e-3)",
             lambda p: O.Adagrad(p, lr=0.2, weight_decay=0.1, eps=1e-3, foreach=False)),
        case("Adagrad, maximize", "wavy", "Adagrad(lr=0.1)",
             lambda p: O.Adagrad(p, lr=0.1, maximize=True, foreach=False), maximize=True),
    ]),
    "optim_rmsprop": ("torch.optim.RMSprop", [
        case("RMSprop defaults", "rosen", "RMSprop()", lambda p: O.RMSprop(p, foreach=False)),
        case("RMSprop centered momentum", "rosen", "RMSprop(lr=0.01, centered=true, momentum=0.9)",
             lambda p: O.RMSprop(p, lr=0.01, centered=True, momentum=0.9, foreach=False)),
        case("RMSprop alpha eps weight_decay momentum", "bowl",
             "RMSprop(lr=0.003, alpha=0.3, eps=1e-6, weight_decay=0.1, momentum=0.5)",
             lambda p: O.RMSprop(p, lr=0.003, alpha=0.3, eps=1e-6, weight_decay=0.1, momentum=0.5, foreach=False)),
        case("RMSprop centered, maximize", "wavy", "RMSprop(lr=0.01, alpha=0.9, centered=true)",
             lambda p: O.RMSprop(p, lr=0.01, alpha=0.9, centered=True, maximize=True, foreach=False), maximize=True),
    ]),
    "optim_adam": ("torch.optim.Adam", [
        case("Adam defaults", "rosen", "Adam()", lambda p: O.Adam(p, foreach=False)),
        case("Adam amsgrad weight_decay", "rosen", "Adam(lr=0.01, weight_decay=0.1, amsgrad=true)",
             lambda p: O.Adam(p, lr=0.01, weight_decay=0.1, amsgrad=True, foreach=False)),
        case("Adam betas eps", "bowl", "Adam(lr=0.02, betas=[0.3, 0.6], eps=1e-6)",
             lambda p: O.Adam(p, lr=0.02, betas=(0.3, 0.6), eps=1e-6, foreach=False)),
        case("Adam, maximize", "wavy", "Adam(lr=0.02)",
             lambda p: O.Adam(p, lr=0.02, maximize=True, foreach=False), maximize=True),
        case("Adam, positive sigma", "nll", "Adam(lr=0.05)",
             lambda p: O.Adam(p, lr=0.05, foreach=False), positive=[False, True]),
    ]),
    "optim_adamw": ("torch.optim.AdamW", [
        case("AdamW defaults", "bowl", "AdamW()", lambda p: O.AdamW(p, foreach=False)),
        case("AdamW amsgrad weight_decay", "rosen", "AdamW(lr=0.01, weight_decay=0.1, amsgrad=true)",
             lambda p: O.AdamW(p, lr=0.01, weight_decay=0.1, amsgrad=True, foreach=False)),
        case("AdamW, maximize", "wavy", "AdamW(lr=0.02)",
             lambda p: O.AdamW(p, lr=0.02, maximize=True, foreach=False), maximize=True),
    ]),
    "optim_adabound": ("the AdaBound authors' reference implementation (pip adabound 0.0.5)", [
        case("AdaBound", "rosen", "AdaBound(lr=0.01)", lambda p: adabound.AdaBound(p, lr=0.01)),
        case("AdaBound amsbound weight_decay gamma", "rosen", "AdaBound(lr=0.01, weight_decay=0.1, amsbound=true, gamma=0.1)",
             lambda p: adabound.AdaBound(p, lr=0.01, weight_decay=0.1, amsbound=True, gamma=0.1)),
        case("AdaBound betas final_lr gamma eps", "bowl", "AdaBound(lr=0.05, betas=[0.3, 0.6], final_lr=0.02, gamma=0.5, eps=1e-6)",
             lambda p: adabound.AdaBound(p, lr=0.05, betas=(0.3, 0.6), final_lr=0.02, gamma=0.5, eps=1e-6)),
        case("AdaBoundW weight_decay final_lr", "bowl", "AdaBoundW(lr=0.01, final_lr=0.05, weight_decay=0.1)",
             ("W", 0.1, lambda p: adabound.AdaBound(p, lr=0.01, final_lr=0.05))),
        case("AdaBound, maximize", "wavy", "AdaBound(lr=0.02)",
             lambda p: adabound.AdaBound(p, lr=0.02), maximize=True),
    ]),
    "optim_natural": ("numpy.linalg.solve with torch.autograd gradients", [
        case("NaturalGradient", "nll", "NaturalGradient(0.3, (m, s) -> Normal(m, s))", ("NG", 0.3)),
        case("NaturalGradient, positive sigma", "nll", "NaturalGradient(0.3, (m, s) -> Normal(m, s))", ("NG", 0.3),
             positive=[False, True]),
    ]),
}


def run(c):
    """losses (before each step), trace (parameters before each step), final parameters."""
    f = PROBLEMS[c["problem"]][1]
    positive = c["positive"] or [False] * len(c["start"])
    u = torch.tensor([math.log(v) if pos else v for v, pos in zip(c["start"], positive)], requires_grad=True)

    def theta_of(u):
        return [torch.exp(u[i]) if pos else u[i] for i, pos in enumerate(positive)]

    spec = c["torch"]
    natural = isinstance(spec, tuple) and spec[0] == "NG"
    decoupled = spec[1] if isinstance(spec, tuple) and spec[0] == "W" else 0.0
    opt = None if natural else (spec[2] if decoupled else spec)([u])
    negate = c["maximize"] and (natural or isinstance(opt, adabound.AdaBound))
    losses, trace = [], []
    for _ in range(STEPS):
        theta = theta_of(u)
        loss = f(theta)
        losses.append(loss.item())
        trace.append([t.item() for t in theta])
        u.grad = None
        (-loss if negate else loss).backward()
        if natural:
            s = theta[1].item()
            fisher = np.diag([1 / (s * s), 2 / (s * s)])
            jac = np.diag([trace[-1][i] if pos else 1.0 for i, pos in enumerate(positive)])
            metric = jac @ fisher @ jac
            with torch.no_grad():
                u -= spec[1] * torch.tensor(np.linalg.solve(metric, u.grad.numpy()))
        else:
            old = u.detach().clone()
            opt.step()
            if decoupled:
                with torch.no_grad():
                    u.sub_(torch.mul(old, decoupled))
    final = [t.item() for t in theta_of(u)]
    return losses, trace, final


def kls_vector(values):
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def write(filename, source, cases):
    lines = [
        f"# {filename}.kls — minimize/maximize with each optimiser against {source}:",
        "# the losses before every step, the trace of parameters and the final parameters agree to",
        "# 1e-12 relative over 50 steps. Reference numbers: .reference/gen_optim_language.py",
        f"# (torch {torch.__version__}, float64; generated — do not edit by hand).",
        "fn worst(a, b) { return max(abs(a - b) / (abs(b) + 1e-300)) }",
        "fn check(name, fit, losses, trace, params) {",
        "  e = max([worst(fit.losses, losses), worst(fit.trace, trace), worst(fit.params, params)])",
        "  assert(fit.steps == len(losses) and e <= 1e-12, name + \": worst relative error \" + string(e))",
        "  print(name, \"ok\")",
        "}",
    ]
    used = []
    for c in cases:
        if c["problem"] not in used:
            used.append(c["problem"])
            lines.append(PROBLEMS[c["problem"]][0])
    for c in cases:
        losses, trace, final = run(c)
        call = "maximize" if c["maximize"] else "minimize"
        extra = ""
        if c["positive"]:
            extra = ", positive=[" + ", ".join("true" if p else "false" for p in c["positive"]) + "]"
        lines.append("")
        lines.append(f"fit = {call}({c['problem']}, {kls_vector(c['start'])}, {c['kls']}, steps={STEPS}{extra})")
        lines.append(f"check(\"{c['name']}\", fit,")
        lines.append(f"  {kls_vector(losses)},")
        lines.append("  [" + ", ".join(kls_vector(row) for row in trace) + "],")
        lines.append(f"  {kls_vector(final)})  # expect: {c['name']} ok")
    with open(os.path.join(LANGUAGE, filename + ".kls"), "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    for filename, (source, cases) in FILES.items():
        write(filename, source, cases)
        print("wrote", filename + ".kls")
