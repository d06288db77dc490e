// Chapter 1's blocked LU with partial pivoting and its triangular solves —
// the kernels under the fast det, solve and inv (linear_algebra/decompositions.cpp).
//
// Rules of this file: OpenMP + xsimd, same signatures and checks as the
// reference twin; every SIMD loop ends with a scalar tail; each kernel says
// which bound (memory or compute) it attacks.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

#include <xsimd/xsimd.hpp>

#include "lu.hpp"

#include "dlmath/fast/config.hpp"
#include "dlmath/fast/threads.hpp"

#include "../axpy.hpp"
#include "../simd.hpp"

namespace dlmath::fast::detail {
namespace {

using detail::axpy;  // y += a x, the update of every row operation (with a = -l_ij)
using detail::batch;
constexpr std::size_t nb = 32;  // panel width of the blocked LU (threads: lu_parallel_n, config.hpp)

//! [trailing_update]
// y[j] -= a0 x0[j] + a1 x1[j] + a2 x2[j] + a3 x3[j]: four rank-1 updates in
// one pass, so the row y is loaded and stored once per four (2 loads of y
// per 8 FMAs instead of 1 per 2).
inline void axpy4_minus(double* y, const double* const x[4], const double a[4], std::size_t len) {
    const batch a0(a[0]), a1(a[1]), a2(a[2]), a3(a[3]);
    detail::for_each_batch<double>(
        0, len,
        [&](std::size_t j) {
            batch acc = xsimd::load_unaligned(y + j);
            acc = detail::fnma(a0, xsimd::load_unaligned(x[0] + j), acc);
            acc = detail::fnma(a1, xsimd::load_unaligned(x[1] + j), acc);
            acc = detail::fnma(a2, xsimd::load_unaligned(x[2] + j), acc);
            acc = detail::fnma(a3, xsimd::load_unaligned(x[3] + j), acc);
            acc.store_unaligned(y + j);
        },
        [&](std::size_t j) { y[j] -= a[0] * x[0][j] + a[1] * x[1][j] + a[2] * x[2][j] + a[3] * x[3][j]; });
}
//! [trailing_update]

using dlmath::detail::LU;  // the same record as the reference LU

//! [blocked_lu]
// Right-looking blocked LU with partial pivoting, in place. At step k:
//
//        k    k+nb
//      +----+------+        1. factor the panel [A11; A21] column by column
//   k  | A11| A12  |           (pivot search and row swaps over full rows)
//      +----+------+        2. U12 = L11^{-1} A12   (unit lower triangular solve)
// k+nb | A21| A22  |        3. A22 -= L21 U12       (parallel over rows, xsimd)
//      +----+------+
//
// Step 3 holds 2/3 n^3 of the flops; it is a rank-nb update done four
// columns of L21 at a time (axpy4_minus), the rest one at a time (axpy).
}  // namespace

LU lu_factor(const Matrix& A) {
    const std::size_t n = A.shape(0);
    LU f{A, std::vector<std::size_t>(n), 1, false};
    double* a = f.lu.data();
    for (std::size_t i = 0; i < n; ++i) f.row[i] = i;
    auto at = [a, n](std::size_t i, std::size_t j) -> double& { return a[i * n + j]; };

    for (std::size_t k = 0; k < n; k += nb) {
        const std::size_t kb = std::min(nb, n - k);  // this panel's width
        const std::size_t e = k + kb;                // first column after the panel

        // 1. panel: unblocked LU of columns [k, e), all rows below k
        for (std::size_t j = k; j < e; ++j) {
            std::size_t p = j;
            for (std::size_t i = j + 1; i < n; ++i) {
                if (std::fabs(at(i, j)) > std::fabs(at(p, j))) p = i;
            }
            if (at(p, j) == 0.0) {
                f.singular = true;
                continue;
            }
            if (p != j) {
                std::swap_ranges(a + j * n, a + j * n + n, a + p * n);
                std::swap(f.row[j], f.row[p]);
                f.sign = -f.sign;
            }
            // l_ij = a_ij * (1 / pivot); when 1 / pivot overflows (|pivot| < 2^-1024)
            // divide instead, as the reference does, so that 0 / pivot stays 0
            const double pivot = at(j, j), inv_pivot = 1.0 / pivot;
            const bool reciprocal = std::isfinite(inv_pivot);
            for (std::size_t i = j + 1; i < n; ++i) {
                at(i, j) = reciprocal ? at(i, j) * inv_pivot : at(i, j) / pivot;
                axpy(e - j - 1, -at(i, j), a + j * n + j + 1, a + i * n + j + 1);
            }
        }
        if (e == n) break;
        // 2. U12 = L11^{-1} A12: row i of A12 -= l_ij * row j, for j < i in the panel
        for (std::size_t i = k + 1; i < e; ++i) {
            for (std::size_t j = k; j < i; ++j) axpy(n - e, -at(i, j), a + j * n + e, a + i * n + e);
        }
        // 3. A22 -= L21 U12, rows in parallel
        const long long first = static_cast<long long>(e), last = static_cast<long long>(n);
#pragma omp parallel for schedule(static) if (n >= lu_parallel_n) num_threads(dlmath::fast::team_size())
        for (long long ii = first; ii < last; ++ii) {
            const std::size_t i = static_cast<std::size_t>(ii);
            double* y = a + i * n + e;
            std::size_t j = k;
            for (; j + 4 <= e; j += 4) {
                const double* x[4] = {a + j * n + e, a + (j + 1) * n + e, a + (j + 2) * n + e, a + (j + 3) * n + e};
                const double l[4] = {a[i * n + j], a[i * n + j + 1], a[i * n + j + 2], a[i * n + j + 3]};
                axpy4_minus(y, x, l, n - e);
            }
            for (; j < e; ++j) axpy(n - e, -a[i * n + j], a + j * n + e, y);
        }
    }
    return f;
}
//! [blocked_lu]

//! [fast_lu_solve]
// X = U^{-1} L^{-1} P B for B ~ (n, r): the right-hand sides are split into
// column blocks solved in parallel; within a block each row update is an
// xsimd axpy along the columns.
Matrix lu_solve(const LU& f, const Matrix& B) {
    const std::size_t n = f.lu.shape(0), r = B.shape(1);
    Matrix X = Matrix::from_shape({n, r});
    const double* a = f.lu.data();
    constexpr std::size_t cb = 64;  // columns per block
    const long long nblocks = static_cast<long long>((r + cb - 1) / cb);
#pragma omp parallel for schedule(static) if (n * r >= lu_parallel_n * lu_parallel_n) num_threads(dlmath::fast::team_size())
    for (long long blk = 0; blk < nblocks; ++blk) {
        const std::size_t c0 = static_cast<std::size_t>(blk) * cb, c1 = std::min(r, c0 + cb), w = c1 - c0;
        for (std::size_t i = 0; i < n; ++i) {  // forward: y_i = (P b)_i - sum_{j<i} l_ij y_j
            double* xi = X.data() + i * r + c0;
            std::copy_n(B.data() + f.row[i] * r + c0, w, xi);
            for (std::size_t j = 0; j < i; ++j) axpy(w, -a[i * n + j], X.data() + j * r + c0, xi);
        }
        for (std::size_t i = n; i-- > 0;) {  // backward: x_i = (y_i - sum_{j>i} u_ij x_j) / u_ii
            double* xi = X.data() + i * r + c0;
            for (std::size_t j = i + 1; j < n; ++j) axpy(w, -a[i * n + j], X.data() + j * r + c0, xi);
            for (std::size_t c = 0; c < w; ++c) xi[c] /= a[i * n + i];
        }
    }
    return X;
}
//! [fast_lu_solve]

}  // namespace dlmath::fast::detail
