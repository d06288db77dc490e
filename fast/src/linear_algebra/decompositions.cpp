// Chapter 1, decompositions: rank, condition number, pseudoinverse, least
// squares and PCA on the fast SVD; power iteration and the matrix
// exponential on the fast products — fast twin. The composites (rank,
// cond, PCA, power iteration, expm) are written once in
// dlmath/detail/composites/linear_algebra.hpp and run here on the fast
// kernels; pinv and lstsq differ from the reference: they form V D+ and
// multiply with the fast GEMM.
//
// Rules of this file: OpenMP + xsimd (through the kernels it calls), same
// signatures and checks as the reference twin.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include <xtensor/xview.hpp>

#include "dlmath/detail/checks/linear_algebra.hpp"
#include "dlmath/detail/composites/linear_algebra.hpp"
#include "dlmath/fast/linear_algebra/decompositions.hpp"
#include "dlmath/fast/linear_algebra/products.hpp"
#include "dlmath/fast/linear_algebra/vectors.hpp"

namespace dlmath::fast {
namespace {

// V D+ ~ (n, k) from the SVD: column l is v_l / sigma_l, or 0 below the cutoff.
Matrix v_times_dplus(const SVD& d, double rcond) {
    const std::size_t k = d.S.size(), n = d.Vt.shape(1);
    const double cutoff = k > 0 ? rcond * d.S(0) : 0.0;
    Matrix VD = xt::zeros<double>({n, k});
    for (std::size_t l = 0; l < k; ++l) {
        if (!(d.S(l) > cutoff) || d.S(l) == 0.0) continue;
        const double inv_sigma = 1.0 / d.S(l);
        for (std::size_t i = 0; i < n; ++i) VD(i, l) = d.Vt(l, i) * inv_sigma;
    }
    return VD;
}

}  // namespace

std::size_t matrix_rank(const Matrix& A, double tol) {
    dlmath::detail::check_matrix_rank(A, tol);
    return dlmath::detail::matrix_rank(A, tol, svd);  // the reference's composite on the fast svd
}

double cond(const Matrix& A) {
    dlmath::detail::check_cond(A);
    return dlmath::detail::cond(A, svd);
}

//! [fast_pinv]
Matrix pinv(const Matrix& A, double rcond) {
    dlmath::detail::check_pinv(A, rcond);
    if (A.size() == 0) return xt::zeros<double>({A.shape(1), A.shape(0)});
    const SVD d = svd(A);
    const Matrix Ut = xt::transpose(d.U);
    return matmul(v_times_dplus(d, rcond), Ut);  // A+ = (V D+) U^T
}
//! [fast_pinv]

Vector lstsq(const Matrix& A, const Vector& b, double rcond) {
    dlmath::detail::check_lstsq(A, b, rcond);
    if (A.size() == 0) return xt::zeros<double>({A.shape(1)});
    const SVD d = svd(A);
    const Matrix Ut = xt::transpose(d.U);
    return matvec(v_times_dplus(d, rcond), matvec(Ut, b));  // x = (V D+) (U^T b)
}

//! [fast_pca]
PCA pca(const Matrix& X, std::size_t k) {
    dlmath::detail::check_pca(X, k);
    return dlmath::detail::pca(X, k, svd, matmul);  // the composite, on the fast svd and matmul
}
//! [fast_pca]

//! [fast_power_iteration]
PowerIteration power_iteration(const Matrix& A, std::size_t max_iterations, double tol) {
    dlmath::detail::check_power_iteration(A, tol);
    return dlmath::detail::power_iteration(
        A, max_iterations, tol, matvec, [](const Vector& x, const Vector& y) { return dot(x, y); },
        [](const Vector& x) { return norm(x); });
}
//! [fast_power_iteration]

//! [fast_expm]
Matrix expm(const Matrix& A) {
    dlmath::detail::check_expm(A);
    return dlmath::detail::expm(A, matmul, [](const Matrix& D, const Matrix& N) { return solve(D, N); });
}
//! [fast_expm]

}  // namespace dlmath::fast
