# PyTorch eager, the same loop as kls.kls: 1,000 rows × 10 features, w and b, loss
# F.binary_cross_entropy(torch.sigmoid(X @ w + b), y), Adam (lr 0.01), 10,000 steps, float64 CPU.
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
n, d = 1000, 10
i = torch.arange(n, dtype=torch.float64).reshape(n, 1)
j = torch.arange(d, dtype=torch.float64)
X = torch.sin(0.37 * (i @ (j + 1).reshape(1, d)) + j)
wt = (-1.0) ** j * (j + 1) / 10
y = torch.round(torch.sigmoid(3 * (X @ wt)))

w = torch.zeros(d, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
opt = torch.optim.Adam([w, b], lr=0.01)
losses = []
for step in range(10000):
    opt.zero_grad()
    loss = F.binary_cross_entropy(torch.sigmoid(X @ w + b), y)
    losses.append(loss.item())
    loss.backward()
    opt.step()
print("loss", losses[-1])
