// See include/CKernels.h: the two loops behind every matrix product. Each output entry is
// lane_dot's sum of its products (Lanes.h), whichever loop computes it: kls_matmul_dots runs
// lane_dot along two contiguous runs; kls_matmul_rows keeps the eight accumulators of that
// order for four neighbouring entries at once (one 4-lane vector per residue mod 8).
#include "CKernels.h"
#include "Lanes.h"

#pragma STDC FP_CONTRACT OFF

CLONES void kls_matmul_dots(double *out, ptrdiff_t out_row, ptrdiff_t out_col,
                            const double *a, ptrdiff_t a_row, const double *b, ptrdiff_t b_col,
                            ptrdiff_t rows, ptrdiff_t inner, ptrdiff_t cols) {
    for (ptrdiff_t i = 0; i < rows; i++) {
        for (ptrdiff_t j = 0; j < cols; j++) {
            out[i * out_row + j * out_col] = lane_dot(a + i * a_row, b + j * b_col, inner);
        }
    }
}

// One turn of the blocks of 8: accumulator r takes the product of step t + r.
#define BLOCK(S, A, B)                      \
    S##0 += A(0) * B(0);                    \
    S##1 += A(1) * B(1);                    \
    S##2 += A(2) * B(2);                    \
    S##3 += A(3) * B(3);                    \
    S##4 += A(4) * B(4);                    \
    S##5 += A(5) * B(5);                    \
    S##6 += A(6) * B(6);                    \
    S##7 += A(7) * B(7)

// lane_dot's combination of the eight residues: lanes l and 4 + l added, then
// ((l₀ + l₂) + (l₁ + l₃)), then the tail.
#define COMBINE(S, tail) ((((S##0 + S##4) + (S##2 + S##6)) + ((S##1 + S##5) + (S##3 + S##7))) + (tail))

CLONES void kls_matmul_rows(double *out, ptrdiff_t out_row, ptrdiff_t out_col,
                            const double *a, ptrdiff_t a_row, ptrdiff_t a_inner,
                            const double *b, ptrdiff_t b_inner,
                            ptrdiff_t rows, ptrdiff_t inner, ptrdiff_t cols) {
    ptrdiff_t blocks = inner - inner % 8;
    for (ptrdiff_t i = 0; i < rows; i++) {
        const double *ai = a + i * a_row;
        double *oi = out + i * out_row;
        ptrdiff_t j = 0;
        for (; j + 4 <= cols; j += 4) {
            v4 s0 = splat(0), s1 = splat(0), s2 = splat(0), s3 = splat(0);
            v4 s4 = splat(0), s5 = splat(0), s6 = splat(0), s7 = splat(0), tail = splat(0);
            ptrdiff_t t = 0;
            for (; t < blocks; t += 8) {
#define A(r) splat(ai[(t + r) * a_inner])
#define B(r) load(b + (t + r) * b_inner + j)
                BLOCK(s, A, B);
#undef A
#undef B
            }
            for (; t < inner; t++) tail += splat(ai[t * a_inner]) * load(b + t * b_inner + j);
            v4 s = COMBINE(s, tail);
            for (int l = 0; l < 4; l++) oi[(j + l) * out_col] = s[l];
        }
        for (; j < cols; j++) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, tail = 0;
            ptrdiff_t t = 0;
            for (; t < blocks; t += 8) {
#define A(r) ai[(t + r) * a_inner]
#define B(r) b[(t + r) * b_inner + j]
                BLOCK(s, A, B);
#undef A
#undef B
            }
            for (; t < inner; t++) tail += ai[t * a_inner] * b[t * b_inner + j];
            oi[j * out_col] = COMBINE(s, tail);
        }
    }
}
