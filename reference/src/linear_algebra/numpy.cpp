// Chapter 1, NumPy's linear-algebra surface — reference twin: slogdet from
// the LU, matrix_power by repeated squaring, the matrix norms and the norms
// along an axis, cond in every order, and lstsq with NumPy's four results.
// Each is a composite written once in dlmath/detail/composites/linear_algebra.hpp;
// this file passes it the reference kernels (the plain-loop LU, matmul, svd,
// the vector norm).
//
// Rules of this file: each function reads like its formula; plain loops;
// no intrinsics, no OpenMP.

#include "dlmath/reference/linear_algebra/numpy.hpp"

#include <optional>

#include "dlmath/detail/checks/linear_algebra.hpp"
#include "dlmath/detail/composites/linear_algebra.hpp"
#include "dlmath/reference/linear_algebra/decompositions.hpp"
#include "dlmath/reference/linear_algebra/products.hpp"
#include "dlmath/reference/linear_algebra/vectors.hpp"
#include "lu.hpp"

namespace dlmath::reference {
namespace {

// A^{-1}, or no value when the LU of A meets a zero pivot (A singular).
std::optional<Matrix> inverse_if_regular(const Matrix& A) {
    if (lu_factor(A).singular) return std::nullopt;
    return inv(A);
}

// The vector norm as a kernel for the composites.
double vector_norm(const Vector& x, double p) { return norm(x, p); }

// The norms of the columns (axis 0) or rows (axis 1), as a kernel.
Vector norms_along(const Matrix& A, double p, std::size_t axis) { return detail::norm_axis(A, p, axis, vector_norm); }

}  // namespace

//! [ref_slogdet]
SlogDet slogdet(const Matrix& A) {
    // A ~ (n, n)
    detail::check_slogdet(A);
    return detail::slogdet(lu_factor(A));  // sign = det(P) prod sign(u_ii), log|det| = sum ln|u_ii|
}
//! [ref_slogdet]

Matrix matrix_power(const Matrix& A, long long n) {
    detail::check_matrix_power(A);
    return detail::matrix_power(A, n, matmul, inverse_if_regular);
}

template <std::same_as<Matrix> M>
double norm(const M& A, double ord) {
    detail::check_norm(A, ord);
    return detail::matrix_norm(A, ord, norms_along, svd);
}

template <std::same_as<Matrix> M>
double norm(const M& A, MatrixNorm ord) {
    detail::check_norm(A, ord);
    return detail::matrix_norm(A, ord, vector_norm, svd);
}

template double norm<Matrix>(const Matrix&, double);
template double norm<Matrix>(const Matrix&, MatrixNorm);

Vector norm(const Matrix& A, double ord, std::size_t axis) {
    detail::check_norm(A, ord, axis);
    return norms_along(A, ord, axis);
}

double cond(const Matrix& A, double p) {
    detail::check_cond(A, p);
    const auto matrix_norm = [](const Matrix& X, double q) { return detail::matrix_norm(X, q, norms_along, svd); };
    return detail::cond(A, p, matrix_norm, inverse_if_regular, svd);
}

double cond(const Matrix& A, MatrixNorm p) {
    detail::check_cond(A, p);
    const auto matrix_norm = [](const Matrix& X, MatrixNorm q) { return detail::matrix_norm(X, q, vector_norm, svd); };
    return detail::cond(A, p, matrix_norm, inverse_if_regular, svd);
}

LeastSquares<Matrix> lstsq(const Matrix& A, const Matrix& B, Rcond rcond) {
    detail::check_lstsq(A, B, rcond);
    return detail::lstsq(A, B, rcond, svd, matmul);
}

LeastSquares<Vector> lstsq(const Matrix& A, const Vector& b, Rcond rcond) {
    detail::check_lstsq(A, b, rcond);
    return detail::lstsq(A, b, rcond, svd, matmul);
}

}  // namespace dlmath::reference
