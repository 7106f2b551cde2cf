/* The seed's KL fit, hand-written in C with analytic gradients: Q = Normal(mu, sigma) fitted
 * to P = N(-5,1) + N(10,1) densities on linspace(-15, 15, 1000) by minimising
 * F.kl_div(log q, p) (mean over the 1,000 points) with torch.optim.Adam's defaults
 * (lr 0.001, betas 0.9/0.999, eps 1e-8), 10,000 steps, keeping every loss and (mu, sigma).
 *
 *   loss      = (1/n) sum_i p_i (log p_i - log q_i),  log q_i = -z_i^2/2 - log sigma - log sqrt(2 pi)
 *   dL/dmu    = -(1/n) sum_i p_i z_i / sigma                  (z_i = (x_i - mu) / sigma)
 *   dL/dsigma = -(1/n) sum_i p_i (z_i^2 - 1) / sigma
 * sum_i p_i log p_i does not change between steps and is computed once.
 * Build: cc -O2 c.c -lm */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { N = 1000, STEPS = 10000 };

static double normal_pdf(double x, double mu, double sigma) {
    double z = (x - mu) / sigma;
    return exp(-0.5 * z * z) / (sigma * sqrt(2 * M_PI));
}

int main(void) {
    static double x[N], p[N];
    double plogp = 0;
    for (int i = 0; i < N; i++) {
        x[i] = -15.0 + 30.0 * i / (N - 1);
        p[i] = normal_pdf(x[i], -5, 1) + normal_pdf(x[i], 10, 1);
        plogp += p[i] > 0 ? p[i] * log(p[i]) : 0;
    }
    double *losses = malloc(sizeof(double) * STEPS), *trace = malloc(sizeof(double) * 2 * STEPS);
    if (!losses || !trace) return 1;
    double theta[2] = {0, 1}, m[2] = {0, 0}, v[2] = {0, 0};
    const double lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8, half_log_2pi = 0.5 * log(2 * M_PI);
    for (int t = 1; t <= STEPS; t++) {
        double mu = theta[0], sigma = theta[1], inv = 1 / sigma, offset = -log(sigma) - half_log_2pi;
        double pq = 0, pz = 0, pzz = 0, psum = 0;
        for (int i = 0; i < N; i++) {
            double z = (x[i] - mu) * inv;
            pq += p[i] * (offset - 0.5 * z * z);
            pz += p[i] * z;
            pzz += p[i] * z * z;
            psum += p[i];
        }
        losses[t - 1] = (plogp - pq) / N;
        trace[2 * (t - 1)] = mu;
        trace[2 * (t - 1) + 1] = sigma;
        double g[2] = {-pz * inv / N, -(pzz - psum) * inv / N};
        for (int k = 0; k < 2; k++) {
            m[k] = b1 * m[k] + (1 - b1) * g[k];
            v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];
            double bc1 = 1 - pow(b1, t), bc2 = 1 - pow(b2, t);
            theta[k] -= lr / bc1 * m[k] / (sqrt(v[k]) / sqrt(bc2) + eps);
        }
    }
    printf("loss %.17g mu %.17g sigma %.17g\n", losses[STEPS - 1], theta[0], theta[1]);
    free(losses);
    free(trace);
    return 0;
}
