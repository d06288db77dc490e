// The GEMM ladder, steps 1 to 5 — see gemm.cpp's header comment for what
// each step changes and which bound it attacks, and gemm_ladder.hpp for how
// the steps are measured. Each step is a small change over the one before;
// step 3 is gemm.cpp's blocked loops with the first tile and fixed blocks,
// steps 4 and 5 the final kernel of gemm.cpp, on one thread and on the
// OpenMP team.

#include "gemm_ladder.hpp"

#include <cstddef>

#include <xsimd/xsimd.hpp>

#include "dlmath/errors.hpp"
#include "../axpy.hpp"
#include "../simd.hpp"
#include "gemm.hpp"

namespace dlmath::fast::detail::ladder {
namespace {

// C = 0 of the product's shape, after the shapes are checked.
Matrix zero_product(const char* function, const Matrix& A, const Matrix& B) {
    if (A.shape(1) != B.shape(0)) {
        throw shape_error(dlmath::detail::message(function, ": inner dimensions differ (A is ", shape_string(A), ", B is ",
                                                  shape_string(B), ")"));
    }
    return xt::zeros<double>({A.shape(0), B.shape(1)});
}

//! [gemm_step1]
// Step 1 on rows [i0, i1) and columns [j0, j1) of C: for each row i and
// each p, C(i, j0:j1) += A(i, p) · B(p, j0:j1) — an axpy along unit-stride
// rows of B and C, W doubles per FMA (kernels/axpy.hpp).
void ipj_loops(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1, std::size_t k, const double* a,
               const double* b, double* c, std::size_t n) {
    for (std::size_t i = i0; i < i1; ++i)
        for (std::size_t p = 0; p < k; ++p) axpy(j1 - j0, a[i * k + p], b + p * n + j0, c + i * n + j0);
}
//! [gemm_step1]

//! [gemm_step2]
// Step 2: the 6 × 2W tile C[i0:i0+6, j0:j0+2W] in 12 registers while p
// runs over all of k, reading A(i, p) with stride k and row p of B in
// place; the tile is added to C once, at the end.
constexpr std::size_t MR = 6, NR = 2 * W;  // the tile of the final micro-kernel

void register_tile(std::size_t i0, std::size_t j0, std::size_t k, const double* a, const double* b, double* c,
                   std::size_t n) {
    batch c_0_lo(0.0), c_0_hi(0.0), c_1_lo(0.0), c_1_hi(0.0), c_2_lo(0.0), c_2_hi(0.0);
    batch c_3_lo(0.0), c_3_hi(0.0), c_4_lo(0.0), c_4_hi(0.0), c_5_lo(0.0), c_5_hi(0.0);
    const double* a_p = a + i0 * k;  // A(i0, p); A(i0 + r, p) is r·k further on
    const double* b_p = b + j0;      // B(p, j0)
    for (std::size_t p = 0; p < k; ++p, ++a_p, b_p += n) {
        const batch b_lo = xsimd::load_unaligned(b_p), b_hi = xsimd::load_unaligned(b_p + W);
        batch a_i(a_p[0]);
        c_0_lo = detail::fma(a_i, b_lo, c_0_lo); c_0_hi = detail::fma(a_i, b_hi, c_0_hi);
        a_i = batch(a_p[k]);
        c_1_lo = detail::fma(a_i, b_lo, c_1_lo); c_1_hi = detail::fma(a_i, b_hi, c_1_hi);
        a_i = batch(a_p[2 * k]);
        c_2_lo = detail::fma(a_i, b_lo, c_2_lo); c_2_hi = detail::fma(a_i, b_hi, c_2_hi);
        a_i = batch(a_p[3 * k]);
        c_3_lo = detail::fma(a_i, b_lo, c_3_lo); c_3_hi = detail::fma(a_i, b_hi, c_3_hi);
        a_i = batch(a_p[4 * k]);
        c_4_lo = detail::fma(a_i, b_lo, c_4_lo); c_4_hi = detail::fma(a_i, b_hi, c_4_hi);
        a_i = batch(a_p[5 * k]);
        c_5_lo = detail::fma(a_i, b_lo, c_5_lo); c_5_hi = detail::fma(a_i, b_hi, c_5_hi);
    }
    auto update = [c, n, i0, j0](std::size_t r, batch lo, batch hi) {
        double* row = c + (i0 + r) * n + j0;
        (xsimd::load_unaligned(row) + lo).store_unaligned(row);
        (xsimd::load_unaligned(row + W) + hi).store_unaligned(row + W);
    };
    update(0, c_0_lo, c_0_hi); update(1, c_1_lo, c_1_hi); update(2, c_2_lo, c_2_hi);
    update(3, c_3_lo, c_3_hi); update(4, c_4_lo, c_4_hi); update(5, c_5_lo, c_5_hi);
}
//! [gemm_step2]

}  // namespace

Matrix gemm_step1(const Matrix& A, const Matrix& B) {
    Matrix C = zero_product("gemm_step1", A, B);
    const std::size_t m = A.shape(0), k = A.shape(1), n = B.shape(1);
    ipj_loops(0, m, 0, n, k, A.data(), B.data(), C.data(), n);
    return C;
}

// The full tiles go through register_tile; the rows and columns left over
// at the edges (fewer than 6 rows, fewer than 2W columns) through step 1.
//
//        0          n_full   n
//      0 ┌──────────┬────┐
//        │  tiles   │ s1 │     s1: step 1's loops
// m_full ├──────────┴────┤
//        │      s1       │
//      m └───────────────┘
Matrix gemm_step2(const Matrix& A, const Matrix& B) {
    Matrix C = zero_product("gemm_step2", A, B);
    const std::size_t m = A.shape(0), k = A.shape(1), n = B.shape(1);
    const std::size_t m_full = m / MR * MR, n_full = n / NR * NR;
    const double *a = A.data(), *b = B.data();
    double* c = C.data();
    for (std::size_t i0 = 0; i0 < m_full; i0 += MR)
        for (std::size_t j0 = 0; j0 < n_full; j0 += NR) register_tile(i0, j0, k, a, b, c, n);
    ipj_loops(0, m_full, n_full, n, k, a, b, c, n);  // right edge
    ipj_loops(m_full, m, 0, n, k, a, b, c, n);       // bottom edge
    return C;
}

Matrix gemm_step3(const Matrix& A, const Matrix& B) {
    Matrix C = zero_product("gemm_step3", A, B);
    const std::size_t m = A.shape(0), k = A.shape(1), n = B.shape(1);
    gemm_fixed_blocks(m, n, k, View{A.data(), k, 1}, View{B.data(), n, 1}, C.data(), n);
    return C;
}

Matrix gemm_step4(const Matrix& A, const Matrix& B) {
    Matrix C = zero_product("gemm_step4", A, B);
    const std::size_t m = A.shape(0), k = A.shape(1), n = B.shape(1);
    gemm(m, n, k, View{A.data(), k, 1}, View{B.data(), n, 1}, C.data(), n, Part::full, /*threads=*/false);
    return C;
}

Matrix gemm_step5(const Matrix& A, const Matrix& B) {
    Matrix C = zero_product("gemm_step5", A, B);
    const std::size_t m = A.shape(0), k = A.shape(1), n = B.shape(1);
    gemm(m, n, k, View{A.data(), k, 1}, View{B.data(), n, 1}, C.data(), n, Part::full, /*threads=*/true);
    return C;
}

}  // namespace dlmath::fast::detail::ladder
