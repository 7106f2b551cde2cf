// What the kernels share (private to CKernels): the 4-lane vector type, the clone attribute,
// and the one summation order of a dot product. Each .c file also turns contraction off.
#ifndef KLS_LANES_H
#define KLS_LANES_H

#include <stddef.h>

#pragma STDC FP_CONTRACT OFF

typedef double v4 __attribute__((vector_size(32), aligned(8)));

// Clones need the loader's ifunc support (ELF, x86-64); elsewhere one plain build.
#if defined(__x86_64__) && defined(__ELF__)
#define CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define CLONES
#endif

// Macros, not functions: a function taking or returning v4 would not be cloned with the
// kernels, and its calling convention would differ between the clones.
#define load(p) (*(const v4 *)(p))
#define store(p, v) (*(v4 *)(p) = (v))
#define splat(x) ((v4){(x), (x), (x), (x)})
#define lanes(v) (((v)[0] + (v)[2]) + ((v)[1] + (v)[3]))

// Σ a[i]·b[i] for i < n in the order of every dot product and matrix entry: two 4-lane
// accumulators over blocks of 8 (lane l of the first takes i ≡ l, of the second i ≡ 4 + l,
// mod 8), added lane-wise and combined as (l₀ + l₂) + (l₁ + l₃), then the tail one by one.
// Always inlined, so each clone gets its own copy compiled for its target.
static inline __attribute__((always_inline)) double lane_dot(const double *a, const double *b, ptrdiff_t n) {
    v4 s0 = splat(0), s1 = splat(0);
    ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8) {
        s0 += load(a + i) * load(b + i);
        s1 += load(a + i + 4) * load(b + i + 4);
    }
    double tail = 0;
    for (; i < n; i++) tail += a[i] * b[i];
    return lanes(s0 + s1) + tail;
}

#endif
