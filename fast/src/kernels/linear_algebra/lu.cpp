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

#include "gemm.hpp"
#include "lu.hpp"

#include "dlmath/fast/config.hpp"
#include "dlmath/fast/threads.hpp"

#include "../axpy.hpp"
#include "../dot.hpp"
#include "../simd.hpp"
#include "../parallel.hpp"

namespace dlmath::fast::detail {
namespace {

using detail::axpy;  // y += a x, the row operations inside a panel or a block of rows
using detail::batch;
constexpr std::size_t nb = 32;  // panel width of the blocked LU, and the row blocks of the solves

// −M for the block M ~ (rows, cols) of a row-major matrix with leading
// dimension ld, copied contiguous. The GEMM adds A·B; elimination subtracts,
// so the smaller operand is negated once (negation is exact: the same bits
// as a fused subtraction would round to).
std::vector<double> negated(const double* m, std::size_t ld, std::size_t rows, std::size_t cols) {
    std::vector<double> out(rows * cols);
    for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t j = 0; j < cols; ++j) out[i * cols + j] = -m[i * ld + j];
    }
    return out;
}

// C −= A·B with A ~ (m, k) given as −A, B ~ (k, n) with leading dimension ldb,
// C with leading dimension ldc: the fast GEMM, with its threads from
// gemm_parallel_threshold multiply-adds (config.hpp) as every GEMM-based product.
void subtract_product(std::size_t m, std::size_t n, std::size_t k, const std::vector<double>& minus_a,
                      const double* b, std::size_t ldb, double* c, std::size_t ldc) {
    if (m == 0 || n == 0 || k == 0) return;
    const bool threads = m * n * k >= gemm_parallel_threshold;
    gemm(m, n, k, View{minus_a.data(), k, 1}, View{b, ldb, 1}, c, ldc, Part::full, threads);
}

using dlmath::detail::LU;  // the same record as the reference LU

}  // namespace

//! [blocked_lu]
// Right-looking blocked LU with partial pivoting, in place. At step k:
//
//        k    k+nb
//      +----+------+        1. factor the panel [A11; A21] column by column
//   k  | A11| A12  |           (pivot search and row swaps over full rows)
//      +----+------+        2. U12 = L11^{-1} A12   (unit lower triangular solve)
// k+nb | A21| A22  |        3. A22 -= L21 U12       (the fast GEMM)
//      +----+------+
//
// Step 3 holds 2/3 n^3 of the flops, and it is a matrix product of inner
// dimension 32: the GEMM's packed, register-tiled micro-kernel does it at
// its own rate, on the team from gemm_parallel_threshold on, so the
// factorisation attacks the compute bound where steps 1-2 (O(n^2 nb) flops
// in rows of at most 32 entries) cannot.
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
        // 3. A22 -= L21 U12
        subtract_product(n - e, n - e, kb, negated(a + e * n + k, n, n - e, kb), a + k * n + e, n, a + e * n + e, n);
    }
    return f;
}
//! [blocked_lu]

namespace {

//! [narrow_solve]
// One right-hand side y (a column of P B, copied contiguous), solved in
// place by substitution in inner-product form, x_i = (y_i − Σ_j u_ij x_j) / u_ii
// with the sum over a contiguous row of U (or of L going forward), so a
// vector b is read along the rows of LU with SIMD instead of one column
// entry at a time. Bound attacked: memory — LU's n^2 entries are read once.
void solve_column(const double* a, std::size_t n, double* y) {
    for (std::size_t i = 1; i < n; ++i) y[i] -= dot_block(a + i * n, y, 0, i);
    for (std::size_t i = n; i-- > 0;) y[i] = (y[i] - dot_block(a + i * n + i + 1, y + i + 1, 0, n - i - 1)) / a[i * n + i];
}
//! [narrow_solve]

// The triangular solve inside the diagonal block [i0, i1) of L (forward,
// unit diagonal) or U (backward), on the columns [c0, c1) of X: row
// operations along the columns, xsimd axpys.
void forward_in_block(const double* a, std::size_t n, std::size_t i0, std::size_t i1, double* x, std::size_t r,
                      std::size_t c0, std::size_t c1) {
    for (std::size_t i = i0 + 1; i < i1; ++i) {
        for (std::size_t j = i0; j < i; ++j) axpy(c1 - c0, -a[i * n + j], x + j * r + c0, x + i * r + c0);
    }
}
void backward_in_block(const double* a, std::size_t n, std::size_t i0, std::size_t i1, double* x, std::size_t r,
                       std::size_t c0, std::size_t c1) {
    for (std::size_t i = i1; i-- > i0;) {
        double* xi = x + i * r;
        for (std::size_t j = i + 1; j < i1; ++j) axpy(c1 - c0, -a[i * n + j], x + j * r + c0, xi + c0);
        for (std::size_t c = c0; c < c1; ++c) xi[c] /= a[i * n + i];
    }
}

// Runs block(c0, c1) over the columns of X in chunks of 64, the chunks
// shared among threads when X is wide enough (lu_parallel_columns).
template <class Block>
void by_column_chunks(std::size_t r, Block block) {
    constexpr std::size_t cb = 64;
    const long long chunks = static_cast<long long>((r + cb - 1) / cb);
    detail::parallel_for(0, chunks, r >= lu_parallel_columns, [&](long long t) {
        const std::size_t c0 = static_cast<std::size_t>(t) * cb;
        block(c0, std::min(r, c0 + cb));
    });
}

}  // namespace

//! [fast_lu_solve]
// X = U^{-1} L^{-1} P B for B ~ (n, r). Fewer right-hand sides than a SIMD
// register holds: each one by substitution in inner-product form
// (solve_column). More: blocked substitution, 32 rows at a time — the rows
// above (forward) or below (backward) the block are subtracted in one GEMM,
// X_blk −= L_blk,0:i0 X_0:i0, which holds almost all of the 2n^2 r flops,
// and only the triangle inside the block is left to row operations.
Matrix lu_solve(const LU& f, const Matrix& B) {
    const std::size_t n = f.lu.shape(0), r = B.shape(1);
    Matrix X = Matrix::from_shape({n, r});
    const double* a = f.lu.data();
    double* x = X.data();
    for (std::size_t i = 0; i < n; ++i) std::copy_n(B.data() + f.row[i] * r, r, x + i * r);  // P B
    if (r < W) {
        std::vector<double> y(n);
        for (std::size_t c = 0; c < r; ++c) {
            for (std::size_t i = 0; i < n; ++i) y[i] = x[i * r + c];
            solve_column(a, n, y.data());
            for (std::size_t i = 0; i < n; ++i) x[i * r + c] = y[i];
        }
        return X;
    }
    for (std::size_t i0 = 0; i0 < n; i0 += nb) {  // forward: L y = P b
        const std::size_t i1 = std::min(n, i0 + nb);
        subtract_product(i1 - i0, r, i0, negated(a + i0 * n, n, i1 - i0, i0), x, r, x + i0 * r, r);
        by_column_chunks(r, [&](std::size_t c0, std::size_t c1) { forward_in_block(a, n, i0, i1, x, r, c0, c1); });
    }
    for (std::size_t i1 = n; i1 > 0;) {  // backward: U x = y, from the last block up
        const std::size_t i0 = (i1 - 1) / nb * nb;
        subtract_product(i1 - i0, r, n - i1, negated(a + i0 * n + i1, n, i1 - i0, n - i1), x + i1 * r, r,
                         x + i0 * r, r);
        by_column_chunks(r, [&](std::size_t c0, std::size_t c1) { backward_in_block(a, n, i0, i1, x, r, c0, c1); });
        i1 = i0;
    }
    return X;
}
//! [fast_lu_solve]

}  // namespace dlmath::fast::detail
