// Chapter 1, NumPy's linear-algebra surface — fast twin: the composites of
// dlmath/detail/composites/linear_algebra.hpp on the fast kernels (the
// blocked LU of kernels/linear_algebra/lu.cpp, the fast matmul and svd, the
// SIMD vector norm). No kernel of its own: each function is bound by the
// kernels it calls.
//
// Rules of this file: OpenMP + xsimd (through the kernels it calls), same
// signatures and checks as the reference twin.

#include "dlmath/fast/linear_algebra/numpy.hpp"

#include <optional>

#include <xtensor/xbuilder.hpp>

#include "dlmath/detail/checks/linear_algebra.hpp"
#include "dlmath/detail/composites/linear_algebra.hpp"
#include "dlmath/fast/linear_algebra/decompositions.hpp"
#include "dlmath/fast/linear_algebra/products.hpp"
#include "dlmath/fast/linear_algebra/vectors.hpp"

#include "../kernels/linear_algebra/lu.hpp"

namespace dlmath::fast {
namespace {

// A^{-1} from one blocked LU, or no value when it meets a zero pivot.
std::optional<Matrix> inverse_if_regular(const Matrix& A) {
    const detail::LU f = detail::lu_factor(A);
    if (f.singular) return std::nullopt;
    return detail::lu_solve(f, xt::eye<double>(A.shape(0)));
}

double vector_norm(const Vector& x, double p) { return norm(x, p); }

Vector norms_along(const Matrix& A, double p, std::size_t axis) {
    return dlmath::detail::norm_axis(A, p, axis, vector_norm);
}

}  // namespace

//! [fast_slogdet]
SlogDet slogdet(const Matrix& A) {
    dlmath::detail::check_slogdet(A);
    return dlmath::detail::slogdet(detail::lu_factor(A));  // the blocked LU; the logs summed in index order
}
//! [fast_slogdet]

Matrix matrix_power(const Matrix& A, long long n) {
    dlmath::detail::check_matrix_power(A);
    return dlmath::detail::matrix_power(A, n, matmul, inverse_if_regular);
}

template <std::same_as<Matrix> M>
double norm(const M& A, double ord) {
    dlmath::detail::check_norm(A, ord);
    return dlmath::detail::matrix_norm(A, ord, norms_along, svd);
}

template <std::same_as<Matrix> M>
double norm(const M& A, MatrixNorm ord) {
    dlmath::detail::check_norm(A, ord);
    return dlmath::detail::matrix_norm(A, ord, vector_norm, svd);
}

template double norm<Matrix>(const Matrix&, double);
template double norm<Matrix>(const Matrix&, MatrixNorm);

Vector norm(const Matrix& A, double ord, std::size_t axis) {
    dlmath::detail::check_norm(A, ord, axis);
    return norms_along(A, ord, axis);
}

double cond(const Matrix& A, double p) {
    dlmath::detail::check_cond(A, p);
    const auto matrix_norm = [](const Matrix& X, double q) {
        return dlmath::detail::matrix_norm(X, q, norms_along, svd);
    };
    return dlmath::detail::cond(A, p, matrix_norm, inverse_if_regular, svd);
}

double cond(const Matrix& A, MatrixNorm p) {
    dlmath::detail::check_cond(A, p);
    const auto matrix_norm = [](const Matrix& X, MatrixNorm q) {
        return dlmath::detail::matrix_norm(X, q, vector_norm, svd);
    };
    return dlmath::detail::cond(A, p, matrix_norm, inverse_if_regular, svd);
}

LeastSquares<Matrix> lstsq(const Matrix& A, const Matrix& B, Rcond rcond) {
    dlmath::detail::check_lstsq(A, B, rcond);
    return dlmath::detail::lstsq(A, B, rcond, svd, matmul);
}

LeastSquares<Vector> lstsq(const Matrix& A, const Vector& b, Rcond rcond) {
    dlmath::detail::check_lstsq(A, b, rcond);
    return dlmath::detail::lstsq(A, b, rcond, svd, matmul);
}

}  // namespace dlmath::fast
