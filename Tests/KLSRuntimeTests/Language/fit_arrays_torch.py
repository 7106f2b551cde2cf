# Reference figures for FitArrayTorchTests.swift: the usual torch loop (zero_grad, loss,
# backward, step) on array parameters, float64, torch 2.13 CPU.
#   python3 Tests/KLSRuntimeTests/Language/fit_arrays_torch.py
import torch
import torch.nn.functional as F
torch.set_default_dtype(torch.float64)

X = torch.tensor([[0.5, 1.0], [1.5, -0.5], [-1.0, 2.0], [2.0, 0.5], [-0.5, -1.5], [1.0, 1.0]])
y = torch.tensor([1.0, 0.0, 1.0, 0.0, 0.0, 1.0])
labels = torch.tensor([0, 1, 2, 1, 0, 2])

optimisers = {
    "SGD(lr=0.1, momentum=0.9, nesterov=true)": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True),
    "Adam(lr=0.05)": lambda p: torch.optim.Adam(p, lr=0.05),
    "AdamW(lr=0.05, amsgrad=true)": lambda p: torch.optim.AdamW(p, lr=0.05, amsgrad=True),
    "RMSprop(lr=0.01, centered=true, momentum=0.5)": lambda p: torch.optim.RMSprop(p, lr=0.01, centered=True, momentum=0.5),
    "Adagrad(lr=0.1, weight_decay=0.01)": lambda p: torch.optim.Adagrad(p, lr=0.1, weight_decay=0.01),
}

def run(make, params, loss_fn, steps=50):
    opt = make(params)
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        loss = loss_fn(*params)
        losses.append(loss.item())
        loss.backward()
        opt.step()
    return losses

for name, make in optimisers.items():
    # logistic regression: w a vector, b a number
    w = torch.zeros(2, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    losses = run(make, [w, b], lambda w, b: F.binary_cross_entropy(torch.sigmoid(X @ w + b), y))
    print("logistic", name, repr(losses[-1]), [repr(v) for v in w.tolist()], repr(b.item()))
    # softmax regression: W a 2×3 matrix, c a vector of 3
    W = torch.tensor([[0.1, -0.2, 0.0], [0.0, 0.3, -0.1]], requires_grad=True)
    c = torch.zeros(3, requires_grad=True)
    losses = run(make, [W, c], lambda W, c: F.cross_entropy(X @ W + c, labels))
    print("softmax", name, repr(losses[-1]), [repr(v) for v in W.flatten().tolist()], [repr(v) for v in c.tolist()])
