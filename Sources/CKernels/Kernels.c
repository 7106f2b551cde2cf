// See include/CKernels.h. Each loop handles 8 elements per turn in two 4-lane vectors (two
// independent accumulators, so additions pipeline), then the rest one by one.
#include "CKernels.h"
#include "Lanes.h"

#pragma STDC FP_CONTRACT OFF

CLONES double kls_dot(const double *a, const double *b, ptrdiff_t n) { return lane_dot(a, b, n); }

CLONES double kls_sum(const double *x, ptrdiff_t n) {
    v4 s0 = splat(0), s1 = splat(0);
    ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8) {
        s0 += load(x + i);
        s1 += load(x + i + 4);
    }
    double tail = 0;
    for (; i < n; i++) tail += x[i];
    return lanes(s0 + s1) + tail;
}

typedef long long v4i __attribute__((vector_size(32)));  // a comparison of two v4: all ones where true

CLONES int kls_kl_div_terms(double *out, const double *x, const double *t, const double *e,
                            ptrdiff_t n) {
    v4 zero = splat(0);
    v4i positive = {0, 0, 0, 0};
    ptrdiff_t i = 0;
    // 16 elements a turn (no sum here, so no order to keep): fewer loop steps per element.
    for (; i <= n - 16; i += 16) {
        v4 x0 = load(x + i), x1 = load(x + i + 4), x2 = load(x + i + 8), x3 = load(x + i + 12);
        store(out + i, load(e + i) - load(t + i) * x0);
        store(out + i + 4, load(e + i + 4) - load(t + i + 4) * x1);
        store(out + i + 8, load(e + i + 8) - load(t + i + 8) * x2);
        store(out + i + 12, load(e + i + 12) - load(t + i + 12) * x3);
        positive |= ((x0 > zero) | (x1 > zero)) | ((x2 > zero) | (x3 > zero));
    }
    for (; i <= n - 4; i += 4) {
        v4 x0 = load(x + i);
        store(out + i, load(e + i) - load(t + i) * x0);
        positive |= x0 > zero;
    }
    int found = (positive[0] | positive[1] | positive[2] | positive[3]) != 0;
    for (; i < n; i++) {
        out[i] = e[i] - t[i] * x[i];
        found |= x[i] > 0;
    }
    return found;
}

CLONES void kls_scale(double *out, const double *x, ptrdiff_t n, double c) {
    v4 vc = splat(c);
    ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8) {
        store(out + i, load(x + i) * vc);
        store(out + i + 4, load(x + i + 4) * vc);
    }
    for (; i < n; i++) out[i] = x[i] * c;
}

CLONES void kls_normal_log_density(double *out, const double *x, ptrdiff_t n,
                                   double mu, double inverse_sigma, double offset) {
    v4 vmu = splat(mu), vinv = splat(inverse_sigma), voff = splat(offset), half = splat(0.5);
    ptrdiff_t i = 0;
    // 16 elements a turn, then 4 (no sum here, so no order to keep): fewer loop steps.
    for (; i <= n - 16; i += 16) {
        v4 z0 = (load(x + i) - vmu) * vinv, z1 = (load(x + i + 4) - vmu) * vinv;
        v4 z2 = (load(x + i + 8) - vmu) * vinv, z3 = (load(x + i + 12) - vmu) * vinv;
        store(out + i, voff - half * z0 * z0);
        store(out + i + 4, voff - half * z1 * z1);
        store(out + i + 8, voff - half * z2 * z2);
        store(out + i + 12, voff - half * z3 * z3);
    }
    for (; i <= n - 4; i += 4) {
        v4 z = (load(x + i) - vmu) * vinv;
        store(out + i, voff - half * z * z);
    }
    for (; i < n; i++) {
        double z = (x[i] - mu) * inverse_sigma;
        out[i] = offset - 0.5 * z * z;
    }
}

// One turn of kls_normal_sums over elements i … i + 7 with weights W0, W1 (lanes 0–3 and 4–7).
#define NORMAL_SUMS_TURN(W0, W1)                                                    \
    {                                                                              \
        v4 w0 = (W0), w1 = (W1);                                                   \
        v4 z0 = (load(x + i) - vmu) * vinv, z1 = (load(x + i + 4) - vmu) * vinv;   \
        v4 wz0 = w0 * z0, wz1 = w1 * z1;                                           \
        sw0 += w0;                                                                 \
        sw1 += w1;                                                                 \
        swz0 += wz0;                                                               \
        swz1 += wz1;                                                               \
        swzz0 += wz0 * z0;                                                         \
        swzz1 += wz1 * z1;                                                         \
    }

CLONES void kls_normal_sums(const double *x, const double *y, const double *g, ptrdiff_t n,
                            double mu, double inverse_sigma, double sums[3]) {
    v4 vmu = splat(mu), vinv = splat(inverse_sigma);
    v4 sw0 = splat(0), swz0 = splat(0), swzz0 = splat(0);
    v4 sw1 = splat(0), swz1 = splat(0), swzz1 = splat(0);
    ptrdiff_t i = 0;
    // The test of y outside the loops: one loop each, the same turns in the same order.
    if (y) {
        for (; i <= n - 8; i += 8) NORMAL_SUMS_TURN(load(g + i) * load(y + i), load(g + i + 4) * load(y + i + 4))
    } else {
        for (; i <= n - 8; i += 8) NORMAL_SUMS_TURN(load(g + i), load(g + i + 4))
    }
    double tw = 0, twz = 0, twzz = 0;
    for (; i < n; i++) {
        double w = y ? g[i] * y[i] : g[i], z = (x[i] - mu) * inverse_sigma, wz = w * z;
        tw += w;
        twz += wz;
        twzz += wz * z;
    }
    sums[0] = lanes(sw0 + sw1) + tw;
    sums[1] = lanes(swz0 + swz1) + twz;
    sums[2] = lanes(swzz0 + swzz1) + twzz;
}
