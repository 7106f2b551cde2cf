// See include/CKernels.h: the two loops behind every matrix product. Each output entry is
// lane_dot's sum of its products (Lanes.h), whichever loop computes it: kls_matmul_dots runs
// lane_dot along two contiguous runs, four rows at a time; kls_matmul_rows keeps the eight
// accumulators of that order for four neighbouring entries at once (one 4-lane vector per
// residue mod 8).
#include "CKernels.h"
#include "Lanes.h"

#pragma STDC FP_CONTRACT OFF

// lane_dot for four rows at once (rows a + k·a_row, k < 4, times b): the two accumulators of
// each row as lane_dot keeps them, then the four rows' lane sums transposed, so that the
// combination (l₀ + l₂) + (l₁ + l₃) and the tail add across rows, one row per lane. Row k's
// sum goes to out[k·out_step].
static inline __attribute__((always_inline)) void four_dots(double *out, ptrdiff_t out_step, const double *a,
                                                             ptrdiff_t a_row, const double *b, ptrdiff_t n) {
    const double *a0 = a, *a1 = a + a_row, *a2 = a + 2 * a_row, *a3 = a + 3 * a_row;
    v4 f0 = splat(0), f1 = splat(0), f2 = splat(0), f3 = splat(0);
    v4 g0 = splat(0), g1 = splat(0), g2 = splat(0), g3 = splat(0);
    ptrdiff_t t = 0;
    for (; t + 8 <= n; t += 8) {
        v4 lo = load(b + t), hi = load(b + t + 4);
        f0 += load(a0 + t) * lo;
        g0 += load(a0 + t + 4) * hi;
        f1 += load(a1 + t) * lo;
        g1 += load(a1 + t + 4) * hi;
        f2 += load(a2 + t) * lo;
        g2 += load(a2 + t + 4) * hi;
        f3 += load(a3 + t) * lo;
        g3 += load(a3 + t + 4) * hi;
    }
    v4 tail = splat(0);
    for (; t < n; t++) tail += (v4){a0[t], a1[t], a2[t], a3[t]} * splat(b[t]);
    v4 x0 = f0 + g0, x1 = f1 + g1, x2 = f2 + g2, x3 = f3 + g3;  // lane l: row k's l and 4 + l
    v4 even01 = __builtin_shufflevector(x0, x1, 0, 4, 2, 6), odd01 = __builtin_shufflevector(x0, x1, 1, 5, 3, 7);
    v4 even23 = __builtin_shufflevector(x2, x3, 0, 4, 2, 6), odd23 = __builtin_shufflevector(x2, x3, 1, 5, 3, 7);
    v4 l0 = __builtin_shufflevector(even01, even23, 0, 1, 4, 5), l2 = __builtin_shufflevector(even01, even23, 2, 3, 6, 7);
    v4 l1 = __builtin_shufflevector(odd01, odd23, 0, 1, 4, 5), l3 = __builtin_shufflevector(odd01, odd23, 2, 3, 6, 7);
    v4 s = ((l0 + l2) + (l1 + l3)) + tail;
    for (int k = 0; k < 4; k++) out[k * out_step] = s[k];
}

CLONES void kls_matmul_dots(double *out, ptrdiff_t out_row, ptrdiff_t out_col,
                            const double *a, ptrdiff_t a_row, const double *b, ptrdiff_t b_col,
                            ptrdiff_t rows, ptrdiff_t inner, ptrdiff_t cols) {
    for (ptrdiff_t j = 0; j < cols; j++) {
        const double *bj = b + j * b_col;
        ptrdiff_t i = 0;
        for (; i + 4 <= rows; i += 4) four_dots(out + i * out_row + j * out_col, out_row, a + i * a_row, a_row, bj, inner);
        for (; i < rows; i++) out[i * out_row + j * out_col] = lane_dot(a + i * a_row, bj, inner);
    }
}

// The entries j, j + 1, …, j + width − 1 of row i, for each j that fits, in accumulators of
// type T (width lanes): accumulator r takes the products of steps t ≡ r (mod 8) of the blocks
// of 8, then lane_dot's combination — lanes r and 4 + r added, ((l₀ + l₂) + (l₁ + l₃)) — and
// the tail. SPLAT(x) fills T with x, LOAD(p) reads width doubles at p.
#define COLUMNS(T, SPLAT, LOAD, width)                                                          \
    for (; j + (width) <= cols; j += (width)) {                                                 \
        T s0 = SPLAT(0), s1 = SPLAT(0), s2 = SPLAT(0), s3 = SPLAT(0);                           \
        T s4 = SPLAT(0), s5 = SPLAT(0), s6 = SPLAT(0), s7 = SPLAT(0), tail = SPLAT(0);          \
        ptrdiff_t t = 0;                                                                        \
        for (; t < blocks; t += 8) {                                                            \
            s0 += SPLAT(ai[t * a_inner]) * LOAD(b + t * b_inner + j);                           \
            s1 += SPLAT(ai[(t + 1) * a_inner]) * LOAD(b + (t + 1) * b_inner + j);               \
            s2 += SPLAT(ai[(t + 2) * a_inner]) * LOAD(b + (t + 2) * b_inner + j);               \
            s3 += SPLAT(ai[(t + 3) * a_inner]) * LOAD(b + (t + 3) * b_inner + j);               \
            s4 += SPLAT(ai[(t + 4) * a_inner]) * LOAD(b + (t + 4) * b_inner + j);               \
            s5 += SPLAT(ai[(t + 5) * a_inner]) * LOAD(b + (t + 5) * b_inner + j);               \
            s6 += SPLAT(ai[(t + 6) * a_inner]) * LOAD(b + (t + 6) * b_inner + j);               \
            s7 += SPLAT(ai[(t + 7) * a_inner]) * LOAD(b + (t + 7) * b_inner + j);               \
        }                                                                                       \
        for (; t < inner; t++) tail += SPLAT(ai[t * a_inner]) * LOAD(b + t * b_inner + j);      \
        T s = (((s0 + s4) + (s2 + s6)) + ((s1 + s5) + (s3 + s7))) + tail;                       \
        double lane[width];                                                                     \
        __builtin_memcpy(lane, &s, sizeof lane);                                                \
        for (int l = 0; l < (width); l++) oi[(j + l) * out_col] = lane[l];                      \
    }

typedef double v2 __attribute__((vector_size(16), aligned(8)));
#define splat2(x) ((v2){(x), (x)})
#define load2(p) (*(const v2 *)(p))
#define same(x) (x)
#define deref(p) (*(p))

CLONES void kls_matmul_rows(double *out, ptrdiff_t out_row, ptrdiff_t out_col,
                            const double *a, ptrdiff_t a_row, ptrdiff_t a_inner,
                            const double *b, ptrdiff_t b_inner,
                            ptrdiff_t rows, ptrdiff_t inner, ptrdiff_t cols) {
    ptrdiff_t blocks = inner - inner % 8;
    for (ptrdiff_t i = 0; i < rows; i++) {
        const double *ai = a + i * a_row;
        double *oi = out + i * out_row;
        ptrdiff_t j = 0;
        COLUMNS(v4, splat, load, 4)
        COLUMNS(v2, splat2, load2, 2)
        COLUMNS(double, same, deref, 1)
    }
}
