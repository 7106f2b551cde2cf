# The seed's optimize_loss for the KL run (shared/seeds/kl-divergence-fitting.md), in float64 on
# the CPU: Q = Normal(mu, sigma), loss = F.kl_div(Q.log_prob(x), px), Adam (lr 0.001), 10,000
# epochs, keeping loss_val and all_mu as the seed does. Left out: the all_qx animation frames,
# the progress prints and the plots.
import warnings

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
warnings.filterwarnings("ignore")  # kl_div's reduction='mean' warning

mu1, sigma1 = -5, 1
mu2, sigma2 = 10, 1
gaussian1 = torch.distributions.Normal(mu1, sigma1)
gaussian2 = torch.distributions.Normal(mu2, sigma2)
x = torch.linspace(-mu1 - mu2 - 5 * sigma1 - 5 * sigma2, mu1 + mu2 + 5 * sigma1 + 5 * sigma2, 1000)
px = gaussian1.log_prob(x).exp() + gaussian2.log_prob(x).exp()

mu = torch.tensor([0.0], requires_grad=True)
sigma = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.Adam([mu, sigma])
loss_val, all_mu = [], []
for i in range(10000):
    Q = torch.distributions.Normal(mu, sigma)
    qx = Q.log_prob(x)
    loss = F.kl_div(qx, px)
    opt.zero_grad()
    loss.backward()
    opt.step()
    loss_val.append(loss.detach().numpy())
    all_mu.append(mu.data.numpy()[0])
print("loss", loss.item(), "mu", mu.item(), "sigma", sigma.item())
