// Chapter 1's symmetric tridiagonal eigensolver — the kernel under the fast
// eigh (linear_algebra/decompositions.cpp), in three stages:
//
//   A  --(1) Householder-->  T = Qᵀ A Q  --(2) implicit QL-->  T = Z Λ Zᵀ
//                                         --(3) Q ← Q Z, rotations.cpp-->  A = (QZ) Λ (QZ)ᵀ
//
// 1. Reduction to tridiagonal form (Golub & Van Loan, Algorithm 8.3.1).
//    Step k reflects row/column k of the trailing block A₂₂ (size m = n−k−1)
//    onto its first entry with H = I − β v vᵀ, and updates
//        p = β A₂₂ v,   w = p − (β pᵀv / 2) v,   A₂₂ ← A₂₂ − v wᵀ − w vᵀ,
//    a matrix–vector product and a rank-2 update: 6 m² flops per step on m²
//    doubles, ~2 n³ flops in all (twice LAPACK's 4/3 n³: the full square is
//    kept instead of one triangle, so that every row is contiguous and
//    independent). Arithmetic intensity ~ 0.4 flop/byte: this stage is bound
//    by memory (level-2 BLAS), not by the FMA units. At n = 512 the matrix is
//    2 MiB, in L2/L3, so the bound is the cache bandwidth. The kernel halves
//    its traffic by fusing two steps: the rank-2 update of row i at step k
//    forms, in the same pass, that row's share of p for step k + 1 (the next
//    reflector needs only row k + 1, updated first), so each step reads A₂₂
//    once instead of twice. Rows run in parallel.
//
// 2. The implicit QL iteration with Wilkinson shifts on (d, e) (Golub & Van
//    Loan §8.3.5; the QL form of EISPACK's tql2): each iteration chases a
//    bulge up an unreduced block with m − l rotations, O(n) flops, and
//    converges cubically; O(n²) flops for all eigenvalues — negligible. The
//    rotations depend on T alone, so instead of applying each one to the
//    eigenvector matrix as it is made (LAPACK's dsteqr does this, one pass
//    over two columns per rotation), they are recorded — about 1.1 n² of
//    them on random matrices (280 138 at n = 512: two iterations per
//    eigenvalue, each a sweep over the rest of T) — and applied afterwards
//    by rotations.cpp, 6 n flops per rotation, ~6.4 n³ in all, the largest
//    share of the work, run from registers and L1/L2: this stage is bound by
//    the FMA units.
//
// 3. Backward accumulation of Q = H₀ H₁ ⋯ H_{n−3} (Golub & Van Loan §5.1.6):
//    H_k acts on the trailing block of the product of the later reflectors,
//    4 m² flops per step, 4/3 n³ in all. Reflectors go two at a time (a
//    compact WY form with blocks of two), so B = Q(k.., k..) is read twice
//    per pair, once to form both vᵀB in registers, once to update it. And a
//    reflector from the left mixes rows, never columns: a block of 64
//    columns takes all the reflectors in turn while it sits in L2 (256 KiB
//    at n = 512), and threads take whole blocks — the traffic beyond L2 is
//    one pass over Q. Measured at n = 512 on one thread, these two steps
//    took the stage from 22% of eigh's time to 13%. Then the recorded
//    rotations are applied to Q itself, Q ← Q G₀ G₁ ⋯: no n³ GEMM to form
//    Q Z.
//
// Accuracy: each stage is backward stable (orthogonal transformations,
// Golub & Van Loan §8.3.1 and §8.3.5), so the computed eigenvalues are
// those of A + E with ‖E‖₂ ≤ c n u ‖A‖₂: |λ̂ᵢ − λᵢ| ≤ c n u ‖A‖₂ (Weyl),
// the residual ‖A v̂ − λ̂ v̂‖ ≤ c n u ‖A‖₂ and ‖V̂ᵀV̂ − I‖ ≤ c n u. This is
// an absolute bound: unlike the Jacobi method, small eigenvalues of graded
// matrices have no relative accuracy.
//
// Rules of this file: OpenMP + xsimd; every SIMD loop ends with a scalar
// tail; each kernel says which bound (memory or compute) it attacks. No
// LAPACK: LAPACK is what the benchmarks compare against.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include <xsimd/xsimd.hpp>
#include <xtensor/xbuilder.hpp>

#include "tridiagonal.hpp"

#include "dlmath/fast/threads.hpp"
#include "dlmath/numeric.hpp"

#include "../dot.hpp"
#include "../simd.hpp"
#include "../parallel.hpp"

namespace dlmath::fast::detail {
namespace {

constexpr double u = unit_roundoff<double>();

// A step of the reduction or of the accumulation threads from a trailing
// block of this many rows: 128² doubles are 6·128² ≈ 10⁵ flops, tens of
// microseconds, against a team's wake-up of a few.
constexpr std::size_t tridiagonal_parallel_n = 128;

// Columns per block of the backward accumulation: 64 doubles are 512 bytes
// of each row, so a block of 512 rows is 256 KiB and stays in L2 through
// all the reflectors.
constexpr std::size_t accumulate_cols = 64;

// The recorded rotations are applied to Z in batches of about this many
// (1.5 MiB of index, c and s). A batch costs one transposition of Z in and
// out (2 n² moves, scalar); every chunk of rows reads the whole batch, 24
// bytes per rotation against 6 R flops on them (R = 16 or 32 rows), which
// L3 serves easily. Measured at n = 512: with batches of 16384 the
// transpositions took 10% of eigh's time, with 65536 3%. The record's
// memory is reused from batch to batch instead of growing to ~n² entries
// (7 MiB at n = 512, every page of it first touched — a page fault each —
// on every call, which made the QL stage ten times slower).
constexpr std::size_t rotation_batch = 65536;

// The QL iteration gives up on an eigenvalue after this many iterations
// (LAPACK's dsteqr allows 30 per eigenvalue on average; cubic convergence
// takes two or three): the current diagonal entry is then returned as it is.
constexpr int max_ql_iterations = 60;

//! [householder_vector]
// The reflector H = I − β v vᵀ with H x = α e₁ for x of length m ≥ 1
// (Golub & Van Loan Algorithm 5.1.1, with v₀ = x₀ − α unnormalised):
// α = −sign(x₀) ‖x‖ so that x₀ − α does not cancel, β = 2 / vᵀv. Writes v
// (length m, which may be x itself) and α; returns β, 0 when x is already
// a multiple of e₁ (H = I).
double householder(const double* x, std::size_t m, double* v, double& alpha) {
    const double sigma = m > 1 ? dot_block(x + 1, x + 1, 0, m - 1) : 0.0;  // ‖x₁..‖²
    const double x0 = x[0];
    if (sigma == 0.0) {
        alpha = x0;
        if (v != x) std::copy(x, x + m, v);
        return 0.0;
    }
    const double norm = std::sqrt(x0 * x0 + sigma);
    alpha = x0 >= 0.0 ? -norm : norm;
    const double v0 = x0 - alpha;  // |x₀| + ‖x‖: no cancellation
    if (v != x) std::copy(x + 1, x + m, v + 1);
    v[0] = v0;
    return 2.0 / (v0 * v0 + sigma);
}
//! [householder_vector]

// row[j] ← row[j] − vi·w[j] − wi·v[j] for j in [lo, hi): one row of the
// rank-2 update A₂₂ ← A₂₂ − v wᵀ − w vᵀ (v, w indexed by the column).
inline void rank2_row(double* row, std::size_t lo, std::size_t hi, double vi, double wi, const double* v,
                      const double* w) {
    const batch bv(vi), bw(wi);
    detail::for_each_batch<double>(
        lo, hi,
        [&](std::size_t j) {
            batch r = batch::load_unaligned(row + j);
            r = detail::fnma(bv, batch::load_unaligned(w + j), r);
            r = detail::fnma(bw, batch::load_unaligned(v + j), r);
            r.store_unaligned(row + j);
        },
        [&](std::size_t j) { row[j] = std::fma(-wi, v[j], std::fma(-vi, w[j], row[j])); });
}

// rank2_row, then the updated row's inner product with x over the same
// columns, in the same pass: 3 FMAs per 4 loads and 1 store, the row read
// once. Four accumulators, a fixed order (sum_batches): reproducible.
inline double rank2_row_dot(double* row, std::size_t lo, std::size_t hi, double vi, double wi, const double* v,
                            const double* w, const double* x) {
    const batch bv(vi), bw(wi);
    return sum_batches<double, 4>(
        lo, hi,
        [&](batch acc, std::size_t j) {
            batch r = batch::load_unaligned(row + j);
            r = detail::fnma(bv, batch::load_unaligned(w + j), r);
            r = detail::fnma(bw, batch::load_unaligned(v + j), r);
            r.store_unaligned(row + j);
            return detail::fma(r, batch::load_unaligned(x + j), acc);
        },
        [&](double acc, std::size_t j) {
            row[j] = std::fma(-wi, v[j], std::fma(-vi, w[j], row[j]));
            return acc + row[j] * x[j];
        });
}

//! [tridiagonal_reduction]
// Reduces the working copy `a` (n × n, symmetric, full storage) to the
// tridiagonal (d, e). Row k ends holding v_k in its columns k + 1 ..; beta[k]
// is its β.
void reduce(Matrix& a, std::vector<double>& d, std::vector<double>& e, std::vector<double>& beta) {
    const std::size_t n = a.shape(0);
    double* base = a.data();
    auto row = [base, n](std::size_t i) { return base + i * n; };
    // v, w, p and the next v, all indexed by the column of A
    std::vector<double> v(n), w(n), p(n), vnext(n);

    // the first reflector, from row 0, and p = β A₂₂ v for it
    beta[0] = householder(row(0) + 1, n - 1, row(0) + 1, e[0]);
    std::copy(row(0) + 1, row(0) + n, v.begin() + 1);
    const long long nn = static_cast<long long>(n);
    detail::parallel_for(1, nn, n - 1 >= tridiagonal_parallel_n, [&](long long ii) {
        const std::size_t i = static_cast<std::size_t>(ii);
        p[i] = beta[0] * dot_block(row(i), v.data(), 1, n);
    });

    for (std::size_t k = 0; k + 2 < n; ++k) {
        // v = v_k and p = β A₂₂ v on the columns [lo, n) of the trailing block
        const std::size_t lo = k + 1;
        d[k] = row(k)[k];
        const double K = 0.5 * beta[k] * dot_block(p.data(), v.data(), lo, n);
        for (std::size_t j = lo; j < n; ++j) w[j] = p[j] - K * v[j];
        // row k + 1 first: it gives the next reflector
        rank2_row(row(lo), lo, n, v[lo], w[lo], v.data(), w.data());
        const bool last = k + 3 == n;  // the trailing block is 2 × 2 after this step
        double next_beta = 0.0;
        if (!last) {
            next_beta = householder(row(lo) + lo + 1, n - lo - 1, row(lo) + lo + 1, e[lo]);
            std::copy(row(lo) + lo + 1, row(lo) + n, vnext.begin() + static_cast<long>(lo) + 1);
            beta[lo] = next_beta;
        }
        // the other rows: the rank-2 update, then (fused, while the row is
        // in L1) its entry of p = β A₂₂ v for the next step. Columns below
        // lo + 1 of these rows are never read again: skipped.
        const long long first = static_cast<long long>(lo) + 1;
        detail::parallel_for(first, nn, n - lo >= tridiagonal_parallel_n, [&](long long ii) {
            const std::size_t i = static_cast<std::size_t>(ii);
            if (last) rank2_row(row(i), lo + 1, n, v[i], w[i], v.data(), w.data());
            else p[i] = next_beta * rank2_row_dot(row(i), lo + 1, n, v[i], w[i], v.data(), w.data(), vnext.data());
        });
        std::swap(v, vnext);
    }
    // the last 2 × 2 block (all of A when n = 2)
    if (n >= 2) {
        d[n - 2] = row(n - 2)[n - 2];
        e[n - 2] = row(n - 2)[n - 1];
    }
    if (n >= 1) d[n - 1] = row(n - 1)[n - 1];
}
//! [tridiagonal_reduction]

// z[j − j0] += s·row[j] for j in [j0, j1): one row's share of z = vᵀ B.
inline void add_row(double* z, const double* row, double s, std::size_t j0, std::size_t j1) {
    const batch bs(s);
    detail::for_each_batch<double>(
        j0, j1,
        [&](std::size_t j) {
            detail::fma(bs, batch::load_unaligned(row + j), batch::load_unaligned(z + (j - j0))).store_unaligned(z + (j - j0));
        },
        [&](std::size_t j) { z[j - j0] = std::fma(s, row[j], z[j - j0]); });
}

// row[j] −= s·z[j − j0] for j in [j0, j1): one row of B ← B − β v zᵀ.
inline void subtract_from_row(double* row, const double* z, double s, std::size_t j0, std::size_t j1) {
    const batch bs(s);
    detail::for_each_batch<double>(
        j0, j1,
        [&](std::size_t j) {
            detail::fnma(bs, batch::load_unaligned(z + (j - j0)), batch::load_unaligned(row + j)).store_unaligned(row + j);
        },
        [&](std::size_t j) { row[j] = std::fma(-s, z[j - j0], row[j]); });
}

// The pair's first pass over the rows lo0 .. n − 1 of the columns [j0, j1):
// z0 = v₀ᵀ B (v0[t] for row lo0 + t) and z1 = v₁ᵀ B (v1[t] for row
// lo0 + 1 + t). Column groups of G registers are summed in registers down
// all the rows (2G FMAs per G loads, no store until the end); then single
// registers, then a scalar tail. Each entry's sum runs over the rows in
// order: the result does not depend on the grouping's thread.
template <std::size_t G>
inline std::size_t pair_sums_group(const double* q, std::size_t n, std::size_t lo0, const double* v0, const double* v1,
                                   std::size_t j, std::size_t j1, std::size_t j0, double* z0, double* z1) {
    for (; j + G * W <= j1; j += G * W) {
        std::array<batch, G> y0, y1;
        const double* r0 = q + lo0 * n + j;
        for (std::size_t g = 0; g < G; ++g) {
            y0[g] = batch(v0[0]) * batch::load_unaligned(r0 + g * W);
            y1[g] = batch(0.0);
        }
        for (std::size_t t = 0; lo0 + 1 + t < n; ++t) {
            const double* r = q + (lo0 + 1 + t) * n + j;
            const batch a0(v0[t + 1]), a1(v1[t]);
            for (std::size_t g = 0; g < G; ++g) {
                const batch x = batch::load_unaligned(r + g * W);
                y0[g] = detail::fma(a0, x, y0[g]);
                y1[g] = detail::fma(a1, x, y1[g]);
            }
        }
        for (std::size_t g = 0; g < G; ++g) {
            y0[g].store_unaligned(z0 + (j - j0) + g * W);
            y1[g].store_unaligned(z1 + (j - j0) + g * W);
        }
    }
    return j;
}

inline void pair_sums(const double* q, std::size_t n, std::size_t lo0, const double* v0, const double* v1,
                      std::size_t j0, std::size_t j1, double* z0, double* z1) {
    std::size_t j = pair_sums_group<4>(q, n, lo0, v0, v1, j0, j1, j0, z0, z1);
    j = pair_sums_group<1>(q, n, lo0, v0, v1, j, j1, j0, z0, z1);
    for (; j < j1; ++j) {  // scalar tail
        double y0 = v0[0] * q[lo0 * n + j], y1 = 0.0;
        for (std::size_t t = 0; lo0 + 1 + t < n; ++t) {
            const double x = q[(lo0 + 1 + t) * n + j];
            y0 = std::fma(v0[t + 1], x, y0);
            y1 = std::fma(v1[t], x, y1);
        }
        z0[j - j0] = y0;
        z1[j - j0] = y1;
    }
}

// row[j] −= s1·z1[j − j0] + s0·z0[j − j0] for j in [j0, j1): one row of the
// pair's update, the row loaded and stored once.
inline void subtract_two_from_row(double* row, const double* z1, double s1, const double* z0, double s0, std::size_t j0,
                                  std::size_t j1) {
    const batch b1(s1), b0(s0);
    detail::for_each_batch<double>(
        j0, j1,
        [&](std::size_t j) {
            batch r = batch::load_unaligned(row + j);
            r = detail::fnma(b1, batch::load_unaligned(z1 + (j - j0)), r);
            r = detail::fnma(b0, batch::load_unaligned(z0 + (j - j0)), r);
            r.store_unaligned(row + j);
        },
        [&](std::size_t j) { row[j] = std::fma(-s0, z0[j - j0], std::fma(-s1, z1[j - j0], row[j])); });
}

//! [backward_accumulation]
// Q = H₀ H₁ ⋯ H_{n−3}, backward: Q ← H_k Q for k = n−3, ..., 0. The product
// of H_{k+1}, ... is the identity outside rows and columns k + 2 .., so H_k
// changes only the block B = Q(k+1.., k+1..): z = vᵀ B, B ← B − β v zᵀ.
//
// Two reflectors at a time, H₀ H₁ B for the pair (k − 1, k) with vectors
// v₀, v₁ (compact WY with blocks of two, Golub & Van Loan §5.1.7): one pass
// forms y = v₀ᵀ B and z₁ = v₁ᵀ B, then z₀ = y − β₁ (v₀ᵀ v₁) z₁ is v₀ᵀ (H₁ B),
// and a second pass makes B ← B − β₁ v₁ z₁ᵀ − β₀ v₀ z₀ᵀ: two passes over B
// per pair instead of four.
//
// A reflector from the left mixes rows, never columns: each block of
// accumulate_cols columns takes all n − 2 reflectors in turn on its own,
// in L2, and the threads share the blocks — one parallel region, no
// barrier between reflectors. (Block j0.. skips the reflectors k with
// k + 1 ≥ its end: they do not reach it.)
Matrix accumulate_q(const Matrix& a, const std::vector<double>& beta) {
    const std::size_t n = a.shape(0);
    Matrix Q = Matrix::from_shape({n, n});
    std::fill(Q.data(), Q.data() + n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) Q(i, i) = 1.0;
    if (n < 3) return Q;
    double* q = Q.data();
    auto v_of = [&a, n](std::size_t k) { return a.data() + k * n + k + 1; };  // v_k, entry t for row k + 1 + t
    // β₁ v₀ᵀ v₁ for each pair (k − 1, k), the same for every block
    std::vector<double> coupling(n, 0.0);
    for (std::size_t k = n - 3; k >= 1; --k)
        coupling[k] = beta[k] * dot_block(v_of(k - 1) + 1, v_of(k), 0, n - k - 1);
    const std::size_t blocks = (n + accumulate_cols - 1) / accumulate_cols;
    // dynamic: the blocks on the right meet more reflectors than those on the left
#pragma omp parallel for schedule(dynamic, 1) if (n >= tridiagonal_parallel_n) num_threads(dlmath::fast::team_size())
    for (long long bb = 0; bb < static_cast<long long>(blocks); ++bb) {
        const std::size_t b0 = static_cast<std::size_t>(bb) * accumulate_cols;
        const std::size_t j1 = std::min(n, b0 + accumulate_cols);
        alignas(64) double z0[accumulate_cols], z1[accumulate_cols];
        std::size_t k = n - 2;  // the reflectors below k are still to come
        while (k > 0) {
            if (k >= 2) {  // the pair (k0, k1) = (k − 2, k − 1): H_{k0} (H_{k1} B)
                const std::size_t k1 = k - 1, k0 = k - 2, lo0 = k0 + 1;
                k -= 2;
                if (j1 <= lo0 || (beta[k0] == 0.0 && beta[k1] == 0.0)) continue;
                const std::size_t j0 = std::max(b0, lo0), w = j1 - j0;
                const double *v0 = v_of(k0), *v1 = v_of(k1);  // v1[t] and v0[t + 1] for row lo0 + 1 + t
                pair_sums(q, n, lo0, v0, v1, j0, j1, z0, z1);  // row lo0: only H_{k0} reaches it
                const double c = coupling[k1];
                for (std::size_t j = 0; j < w; ++j) z0[j] = std::fma(-c, z1[j], z0[j]);  // z₀ = v₀ᵀ (H₁ B)
                subtract_from_row(q + lo0 * n, z0, beta[k0] * v0[0], j0, j1);
                for (std::size_t t = 0; lo0 + 1 + t < n; ++t)
                    subtract_two_from_row(q + (lo0 + 1 + t) * n, z1, beta[k1] * v1[t], z0, beta[k0] * v0[t + 1], j0, j1);
            } else {  // the last, H₀ alone (n odd)
                k = 0;
                if (j1 <= 1 || beta[0] == 0.0) continue;
                const std::size_t j0 = std::max<std::size_t>(b0, 1), w = j1 - j0;
                const double* v = v_of(0);
                std::fill(z0, z0 + w, 0.0);
                for (std::size_t t = 0; 1 + t < n; ++t) add_row(z0, q + (1 + t) * n, v[t], j0, j1);
                for (std::size_t t = 0; 1 + t < n; ++t) subtract_from_row(q + (1 + t) * n, z0, beta[0] * v[t], j0, j1);
            }
        }
    }
    return Q;
}
//! [backward_accumulation]

// √(f² + g²) without overflow or harmful underflow: the plain formula where
// the squares are safely inside the double range, std::hypot otherwise.
inline double pythag(double f, double g) {
    const double s = f * f + g * g;
    if (s > 0x1p-900 && s < 0x1p900) return std::sqrt(s);
    return std::hypot(f, g);
}

}  // namespace

Tridiagonal tridiagonalize(const Matrix& A) {
    // A ~ (n, n), symmetric
    const std::size_t n = A.shape(0);
    Tridiagonal t{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0), Matrix()};
    if (n == 0) {
        t.Q = Matrix::from_shape({0, 0});
        return t;
    }
    Matrix a = A;
    std::vector<double> beta(n, 0.0);
    if (n >= 3) {
        reduce(a, t.d, t.e, beta);
    } else {
        t.d[0] = a(0, 0);
        if (n == 2) {
            t.d[1] = a(1, 1);
            t.e[0] = a(0, 1);
        }
    }
    t.Q = accumulate_q(a, beta);
    return t;
}

//! [implicit_ql]
// For each l from the top: find the first m ≥ l with e[m] negligible (T
// splits there); while m ≠ l, one QL step on the block l..m with the
// Wilkinson shift from its leading 2 × 2 (the eigenvalue of
// [[d_l, e_l], [e_l, d_{l+1}]] nearer d_l), chasing the bulge from the
// bottom up with rotations on (i, i + 1), i = m − 1, ..., l. Each rotation
// is recorded; once a batch of rotation_batch is reached (after a whole
// iteration), the batch is applied to Z and the record starts again.
void tridiagonal_ql(std::vector<double>& d, std::vector<double>& e, double* Z, std::size_t rows, std::size_t ld) {
    const std::size_t n = d.size();
    if (n == 0) return;
    RotationSequence g;
    auto flush = [&] {
        if (rows > 0) apply_rotations(g, Z, rows, n, ld);
        g.index.clear();
        g.c.clear();
        g.s.clear();
    };
    e.resize(n);
    e[n - 1] = 0.0;
    double tnorm = 0.0;  // ‖T‖_∞-sized scale for the absolute floor below
    for (std::size_t i = 0; i < n; ++i) tnorm = std::max(tnorm, std::fabs(d[i]) + 2.0 * std::fabs(e[i]));
    // e[m] is negligible next to its diagonal neighbours (relative u), or
    // below u²‖T‖, where changing it moves no eigenvalue by more than that
    const double floor = u * u * tnorm;
    const std::size_t capacity = std::min(rotation_batch, n * n) + n;  // a batch and one more iteration
    g.index.reserve(capacity);
    g.c.reserve(capacity);
    g.s.reserve(capacity);

    for (std::size_t l = 0; l < n; ++l) {
        for (int iteration = 0;; ++iteration) {
            std::size_t m = l;
            for (; m + 1 < n; ++m) {
                const double dd = std::fabs(d[m]) + std::fabs(d[m + 1]);
                if (!(std::fabs(e[m]) > u * dd) || !(std::fabs(e[m]) > floor)) break;
            }
            if (m == l || iteration == max_ql_iterations) break;
            // the shift μ: d_m − μ after the substitution of Wilkinson's formula
            double q = (d[l + 1] - d[l]) / (2.0 * e[l]);
            double r = std::hypot(q, 1.0);
            q = d[m] - d[l] + e[l] / (q + std::copysign(r, q));
            double s = 1.0, c = 1.0, p = 0.0;
            bool split = false;  // a rotation of the chase vanished: T split inside the block
            for (std::size_t i = m; i-- > l;) {
                const double f = s * e[i], b = c * e[i];
                r = pythag(f, q);
                e[i + 1] = r;
                if (r == 0.0) {  // the bulge vanished: deflate and start again
                    d[i + 1] -= p;
                    e[m] = 0.0;
                    split = true;
                    break;
                }
                s = f / r;
                c = q / r;
                q = d[i + 1] - p;
                r = (d[i] - q) * s + 2.0 * c * b;
                p = s * r;
                d[i + 1] = q + p;
                q = c * r - b;
                g.index.push_back(i);
                g.c.push_back(c);
                g.s.push_back(s);
            }
            if (g.index.size() >= rotation_batch) flush();
            if (split) continue;
            d[l] -= p;
            e[l] = q;
            e[m] = 0.0;
        }
    }
    flush();
}
//! [implicit_ql]

}  // namespace dlmath::fast::detail
