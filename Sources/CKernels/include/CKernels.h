// The vector loops that dominate a fit, in C so that each is compiled twice — for x86-64-v3
// (AVX2, 4 doubles per instruction) and for the baseline — and the loader picks the clone
// the CPU runs (target_clones; on ELF x86-64, elsewhere one plain build). Contraction into
// FMA is off and every sum keeps the same lanes in both clones, so results are
// bit-identical on every machine.
#ifndef KLS_CKERNELS_H
#define KLS_CKERNELS_H

#include <stddef.h>

/// Σ a[i]·b[i] for i < n.
double kls_dot(const double *a, const double *b, ptrdiff_t n);

/// Σ x[i] for i < n (0 when n is 0): the one summation order of every sum and reduction.
double kls_sum(const double *x, ptrdiff_t n);

/// kl_div's pointwise terms for a plain target: out[i] = e[i] − t[i]·x[i] for i < n, where
/// e[i] = xlogy(t[i], t[i]) and x holds log q. Returns 1 when some x[i] > 0 (an input that
/// is not log-probabilities), else 0.
int kls_kl_div_terms(double *out, const double *x, const double *t, const double *e, ptrdiff_t n);

/// out[i] = c·x[i] for i < n.
void kls_scale(double *out, const double *x, ptrdiff_t n, double c);

/// The normal log-density: out[i] = offset − ½z², z = (x[i] − mu)·inverse_sigma, for i < n
/// (nan where x[i] is nan).
void kls_normal_log_density(double *out, const double *x, ptrdiff_t n,
                            double mu, double inverse_sigma, double offset);

/// The sums behind the normal (log-)density's parameter gradients, with w = g[i] (or
/// g[i]·y[i] when y is not NULL) and z = (x[i] − mu)·inverse_sigma over i < n:
/// sums[0] = Σ w, sums[1] = Σ w·z, sums[2] = Σ w·z².
void kls_normal_sums(const double *x, const double *y, const double *g, ptrdiff_t n,
                     double mu, double inverse_sigma, double sums[3]);

/// Matrix products: out[i·out_row + j·out_col] = Σ_t A[i, t]·B[t, j] for i < rows, j < cols,
/// t < inner, every entry summed in kls_dot's order (as kls_dot of row i of A and column j
/// of B). The two kernels read A and B with different strides:
///
/// kls_matmul_dots: A[i, t] = a[i·a_row + t], B[t, j] = b[j·b_col + t] (both runs along t
/// contiguous: a matrix times a vector, a·bᵀ).
void kls_matmul_dots(double *out, ptrdiff_t out_row, ptrdiff_t out_col,
                     const double *a, ptrdiff_t a_row, const double *b, ptrdiff_t b_col,
                     ptrdiff_t rows, ptrdiff_t inner, ptrdiff_t cols);

/// kls_matmul_rows: A[i, t] = a[i·a_row + t·a_inner], B[t, j] = b[t·b_inner + j] (B's rows
/// contiguous; four entries of a row of the result at a time: a·b, aᵀ·b).
void kls_matmul_rows(double *out, ptrdiff_t out_row, ptrdiff_t out_col,
                     const double *a, ptrdiff_t a_row, ptrdiff_t a_inner,
                     const double *b, ptrdiff_t b_inner,
                     ptrdiff_t rows, ptrdiff_t inner, ptrdiff_t cols);

#endif
