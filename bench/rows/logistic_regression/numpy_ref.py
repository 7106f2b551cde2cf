# NumPy with hand-written gradients, the same loop as kls.kls: 1,000 rows × 10 features,
# p = sigmoid(X·w + b), loss = mean binary cross-entropy, ∂/∂w = Xᵀ(p − y)/n, ∂/∂b = mean(p − y),
# torch.optim.Adam's update (lr 0.01, betas 0.9/0.999, eps 1e-8) written out, 10,000 steps.
import numpy as np

np.seterr(divide="ignore")  # log(0) where p rounds to 1: clamped at -100 as torch does

n, d = 1000, 10
i = np.arange(n, dtype=np.float64).reshape(n, 1)
j = np.arange(d, dtype=np.float64)
X = np.sin(0.37 * (i @ (j + 1).reshape(1, d)) + j)
wt = (-1.0) ** j * (j + 1) / 10
y = np.round(1 / (1 + np.exp(-3 * (X @ wt))))

theta = np.zeros(d + 1)          # w, then b
m = np.zeros(d + 1)
v = np.zeros(d + 1)
lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
losses = []
for t in range(1, 10001):
    w, b = theta[:d], theta[d]
    p = 1 / (1 + np.exp(-(X @ w + b)))
    losses.append(-np.mean(y * np.maximum(np.log(p), -100) + (1 - y) * np.maximum(np.log(1 - p), -100)))
    r = (p - y) / n
    g = np.append(X.T @ r, r.sum())
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * g * g
    denom = np.sqrt(v) / np.sqrt(1 - b2 ** t) + eps
    theta = theta - (lr / (1 - b1 ** t)) * m / denom
print("loss", losses[-1])
