"""The seed experiment (shared/seeds/kl-divergence-fitting.md, optimize_loss) in float64
PyTorch on the CPU: reference numbers for Language/fit_seed.kls and examples/kl_fit.kls.

The loop is the seed's, unchanged except for dtype=float64 and without the plotting and
animation bookkeeping: Q = Normal(mu, sigma); loss = F.<loss_fn>(qx, px) (negated for
mode='max'); opt.zero_grad(); loss.backward(); opt.step() with torch.optim.Adam defaults
(lr 0.001), 10,000 epochs, x = linspace(-15, 15, 1000).

It prints, per run, the loss of the last epoch (evaluated before the last step, as the
seed prints it), the loss at the final parameters (fit.loss in kls; not negated for the
cosine run), and the final mu and sigma.

Then the KL problem's optimum (the p-weighted mean and standard deviation of x, where
-sum p log q is least) and how many steps reach its loss within 1e-6: Adam (the seed's
optimiser, run for 20,000 steps) against natural-gradient descent with lr 1,
theta <- theta - solve(F, g), F = diag(1/sigma^2, 2/sigma^2) the Fisher information of
Normal(mu, sigma). "Steps" = the index of the first epoch whose loss (before its step) is
within 1e-6 of the optimum's.

Run: python3 seed_fit_torch.py   (torch 2.x; takes a minute or two)
"""
import warnings

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
warnings.filterwarnings("ignore")  # kl_div's reduction='mean' warning, as in the seed

mu1, sigma1 = -5, 1
mu2, sigma2 = 10, 1
gaussian1 = torch.distributions.Normal(mu1, sigma1)
gaussian2 = torch.distributions.Normal(mu2, sigma2)
x = torch.linspace(-mu1 - mu2 - 5 * sigma1 - 5 * sigma2, mu1 + mu2 + 5 * sigma1 + 5 * sigma2, 1000)
px = gaussian1.log_prob(x).exp() + gaussian2.log_prob(x).exp()


def loss_at(mu, sigma, loss_fn, mode):
    Q = torch.distributions.Normal(mu, sigma)
    qx = Q.log_prob(x) if loss_fn == "kl_div" else Q.log_prob(x).exp()
    fn = getattr(F, loss_fn)
    return fn(qx, px) if mode == "min" else -fn(qx, px, dim=0)


def optimize_loss(loss_fn, muq=0.0, sigmaq=1.0, mode="min", epochs=10000):
    mu = torch.tensor([muq], requires_grad=True)
    sigma = torch.tensor([sigmaq], requires_grad=True)
    opt = torch.optim.Adam([mu, sigma])
    for _ in range(epochs):
        loss = loss_at(mu, sigma, loss_fn, mode)
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        final = loss_at(mu, sigma, loss_fn, mode).item()
    sign = 1 if mode == "min" else -1
    return sign * loss.item(), sign * final, mu.item(), sigma.item()


RUNS = [
    ("KL from mu=0", "kl_div", 0.0, "min"),
    ("MSE from mu=0", "mse_loss", 0.0, "min"),
    ("MSE from mu=5", "mse_loss", 5.0, "min"),
    ("cosine from mu=5", "cosine_similarity", 5.0, "max"),
]

def optimum():
    w = px / px.sum()
    mu = (w * x).sum()
    sigma = ((w * (x - mu) ** 2).sum()).sqrt()
    return mu.item(), sigma.item(), loss_at(mu, sigma, "kl_div", "min").item()


def steps_to_optimum(step_rule, epochs, best):
    """Index of the first epoch whose loss is within 1e-6 of best, and the final (mu, sigma)."""
    theta = torch.tensor([0.0, 1.0], requires_grad=True)
    first = None
    for i in range(epochs):
        loss = loss_at(theta[0], theta[1], "kl_div", "min")
        if first is None and loss.item() - best < 1e-6:
            first = i
        theta.grad = None
        loss.backward()
        step_rule(theta)
    return first, theta[0].item(), theta[1].item()


def adam_rule():
    opt = []

    def step(theta):
        if not opt:
            opt.append(torch.optim.Adam([theta]))
        opt[0].step()
    return step


def natural_rule(lr):
    def step(theta):
        with torch.no_grad():
            s = theta[1].item()
            fisher = torch.tensor([[1 / (s * s), 0.0], [0.0, 2 / (s * s)]])
            theta -= lr * torch.linalg.solve(fisher, theta.grad)
    return step


if __name__ == "__main__":
    print("kl_div at (0, 1):", repr(loss_at(torch.tensor([0.0]), torch.tensor([1.0]), "kl_div", "min").item()))
    for name, fn, mu0, mode in RUNS:
        last, final, mu, sigma = optimize_loss(fn, mu0, 1.0, mode)
        print(f"{name}: last epoch loss {last!r}, final loss {final!r}, mu {mu!r}, sigma {sigma!r}")
    best_mu, best_sigma, best = optimum()
    print(f"optimum: mu {best_mu!r}, sigma {best_sigma!r}, loss {best!r}")
    print("Adam lr 0.001: first epoch within 1e-6 of the optimum, final mu, sigma after 20,000:",
          steps_to_optimum(adam_rule(), 20000, best))
    print("NaturalGradient lr 1: first epoch within 1e-6 of the optimum, final mu, sigma after 100:",
          steps_to_optimum(natural_rule(1.0), 100, best))
