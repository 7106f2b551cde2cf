# pdf and logpdf of Normal(0.5, 1.5) on a 1,000,000-point vector, 20 times each (SciPy).
import numpy as np
from scipy.stats import norm

x = np.linspace(-10, 10, 1_000_000)
for i in range(20):
    p = norm.pdf(x, 0.5, 1.5)
    l = norm.logpdf(x, 0.5, 1.5)
