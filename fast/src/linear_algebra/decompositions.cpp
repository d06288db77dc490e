// Chapter 1, linear systems and decompositions — fast twin: det, solve and
// inv on the blocked LU (kernels/linear_algebra/lu.cpp); svd by Householder
// bidiagonalisation and the implicit-shift bidiagonal QR, its rotations
// applied to the vectors in one pass (kernels/linear_algebra/bidiagonal.cpp,
// rotations.cpp); eigh on the Householder reduction to tridiagonal form and
// the implicit QL iteration, its rotations recorded and applied to Q in one
// sweep (kernels/linear_algebra/tridiagonal.cpp, rotations.cpp); rank,
// condition number, pseudoinverse, least squares and PCA on the fast SVD;
// power iteration and the matrix exponential on the fast products. The composites (rank,
// cond, PCA, power iteration, expm) are written once in
// dlmath/detail/composites/linear_algebra.hpp and run here on the fast
// kernels; pinv and lstsq differ from the reference: they form V D+ and
// multiply with the fast GEMM, and lstsq of a tall or square A never forms
// U: it carries b through the reflectors and rotations instead.
//
// Rules of this file: OpenMP + xsimd (through the kernels it calls), same
// signatures and checks as the reference twin.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

#include <xtensor/xview.hpp>

#include "dlmath/detail/checks/linear_algebra.hpp"
#include "dlmath/detail/composites/linear_algebra.hpp"
#include "dlmath/detail/scaling.hpp"
#include "dlmath/fast/linear_algebra/decompositions.hpp"
#include "dlmath/fast/linear_algebra/products.hpp"
#include "dlmath/fast/linear_algebra/vectors.hpp"
#include "dlmath/reference/linear_algebra/decompositions.hpp"
#include "dlmath/fast/threads.hpp"

#include "../kernels/dot.hpp"
#include "../kernels/linear_algebra/bidiagonal.hpp"
#include "../kernels/linear_algebra/lu.hpp"
#include "../kernels/linear_algebra/tridiagonal.hpp"

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

//! [fast_det]
double det(const Matrix& A) {
    dlmath::detail::check_det(A);
    return dlmath::detail::lu_determinant(detail::lu_factor(A));  // product in index order: reproducible
}
//! [fast_det]

Matrix solve(const Matrix& A, const Matrix& B) {
    dlmath::detail::check_solve(A, B);
    const detail::LU f = detail::lu_factor(A);
    dlmath::detail::check_nonsingular(dlmath::detail::fn::solve, f.singular, A);
    Matrix X = detail::lu_solve(f, B);
    dlmath::detail::check_no_overflow(dlmath::detail::fn::solve, X, A, "the solution");
    return X;
}

Vector solve(const Matrix& A, const Vector& b) {
    dlmath::detail::check_solve(A, b);
    const Matrix B = xt::reshape_view(b, {b.size(), std::size_t{1}});
    const Matrix X = solve(A, B);
    return xt::flatten(X);
}

Matrix inv(const Matrix& A) {
    dlmath::detail::check_inv(A);
    const detail::LU f = detail::lu_factor(A);
    dlmath::detail::check_nonsingular(dlmath::detail::fn::inv, f.singular, A);
    Matrix X = detail::lu_solve(f, xt::eye<double>(A.shape(0)));
    dlmath::detail::check_no_overflow(dlmath::detail::fn::inv, X, A, "the inverse");
    return X;
}

//! [fast_svd]
SVD svd(const Matrix& A) {
    dlmath::detail::check_svd(A);
    // on 2^e A with max |a_ij| in [1, 2), as the reference: no sum of squares overflows
    return dlmath::detail::scaled_svd(A, [](Matrix As) -> SVD {
        if (As.shape(0) >= As.shape(1)) return detail::bidiagonal_svd(std::move(As));  // 2^e A, no second copy
        const SVD t = detail::bidiagonal_svd(xt::transpose(As));  // A^T = U' S V'^T, so A = V' S U'^T
        return {xt::transpose(t.Vt), t.S, xt::transpose(t.U)};
    });
}
//! [fast_svd]

//! [fast_eigh]
namespace {
// The tridiagonal eigensolver on a symmetric A whose largest entry lies in [1, 2).
Eigh tridiagonal_eigh(const Matrix& A) {
    // A ~ (n, n), symmetric
    const std::size_t n = A.shape(0);
    // 1. A = Q T Qᵀ by Householder reflections
    detail::Tridiagonal t = detail::tridiagonalize(A);
    // 2. T = Z Λ Zᵀ by the implicit QL iteration, Z = G_0 G_1 ⋯ recorded, not
    //    formed, and 3. the eigenvectors Q Z: the rotations applied to Q in place
    detail::tridiagonal_ql(t.d, t.e, t.Q.data(), n, n);
    // ascending eigenvalues, eigenvectors the columns of Q Z (ties in index order, as the reference)
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return t.d[x] < t.d[y]; });
    Eigh r{Vector::from_shape({n}), Matrix::from_shape({n, n})};
    for (std::size_t j = 0; j < n; ++j) r.eigenvalues(j) = t.d[order[j]];
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t j = 0; j < n; ++j) r.eigenvectors(k, j) = t.Q(k, order[j]);
    return r;
}
}  // namespace

Eigh eigh(const Matrix& A) {
    dlmath::detail::check_eigh(A);
    // on 2^e A with max |a_ij| in [1, 2), as the reference: lambda_i(A) = 2^-e lambda_i(2^e A)
    return dlmath::detail::scaled_eigh(A, tridiagonal_eigh);
}
//! [fast_eigh]

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

//! [fast_lstsq]
Vector lstsq(const Matrix& A, const Vector& b, double rcond) {
    dlmath::detail::check_lstsq(A, b, rcond);
    if (A.size() == 0) return xt::zeros<double>({A.shape(1)});
    if (A.shape(0) >= A.shape(1)) {
        // tall or square: U^T b from the reflectors and rotations, U never formed;
        // on 2^e A as svd, so sigma_l = 2^-e sigma_l(2^e A) and U, V are those of A
        const int e = dlmath::detail::balancing_exponent(A);
        SVD d = detail::bidiagonal_svd(dlmath::detail::scaled(A, e), &b);
        d.S = dlmath::detail::scaled(d.S, -e);
        const Vector Utb = xt::flatten(d.U);
        return matvec(v_times_dplus(d, rcond), Utb);  // x = (V D+) (U^T b)
    }
    const SVD d = svd(A);
    const Matrix Ut = xt::transpose(d.U);
    return matvec(v_times_dplus(d, rcond), matvec(Ut, b));  // x = (V D+) (U^T b)
}
//! [fast_lstsq]

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

// ---------------------------------------------------------------- the lessons' twins: cofactors, change of basis

double det_cofactor(const Matrix& A) {
    return reference::det_cofactor(A);  // O(n!) for n <= 4: a lesson, not a kernel
}

ChangeOfBasis change_of_basis(const Matrix& forward) {
    dlmath::detail::check_change_of_basis(forward);
    const detail::LU f = detail::lu_factor(forward);
    dlmath::detail::check_basis(f.singular, forward);
    Matrix B = detail::lu_solve(f, xt::eye<double>(forward.shape(0)));  // B = F^{-1} on the blocked LU
    dlmath::detail::check_no_overflow(dlmath::detail::fn::change_of_basis, B, forward, "the backward matrix F^-1",
                                      "F");
    return {forward, B};
}

Vector to_new_basis(const ChangeOfBasis& basis, const Vector& v) {
    dlmath::detail::check_to_new_basis(basis.forward, basis.backward, v);
    return matvec(basis.backward, v);  // v~ = B v
}

Vector to_old_basis(const ChangeOfBasis& basis, const Vector& v_new) {
    dlmath::detail::check_to_old_basis(basis.forward, basis.backward, v_new);
    return matvec(basis.forward, v_new);  // v = F v~
}

Matrix map_in_new_basis(const ChangeOfBasis& basis, const Matrix& M) {
    dlmath::detail::check_map_in_new_basis(basis.forward, basis.backward, M);
    return matmul(matmul(basis.backward, M), basis.forward);  // M~ = (B M) F
}

}  // namespace dlmath::fast
