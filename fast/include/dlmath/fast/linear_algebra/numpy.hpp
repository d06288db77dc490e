/// \file
/// \brief Chapter 1, NumPy's linear-algebra surface — fast twin.
///
/// Every function here is a composite (dlmath/detail/composites/linear_algebra.hpp)
/// run on the fast kernels: the blocked LU, the GEMM, the bidiagonal-QR SVD
/// and the SIMD vector norm. None has a kernel of its own; each is as fast as
/// the kernels it calls.
#pragma once

#include <concepts>
#include <cstddef>

#include "dlmath/linear_algebra_types.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast {

/// \ingroup chapter1
/// \copydoc dlmath::reference::slogdet
///
/// \par Fast twin
/// The reference formula on the blocked, threaded LU (compute-bound, \f$ \tfrac{2}{3} n^3 \f$ flops
/// on \f$ n^2 \f$ doubles); the \f$ n \f$ logarithms are summed in index order.
/// \sa dlmath::reference::slogdet
SlogDet slogdet(const Matrix& A);

/// \ingroup chapter1
/// \copydoc dlmath::reference::matrix_power
///
/// \par Fast twin
/// The same repeated squaring on the fast GEMM (compute-bound) and, for \f$ n < 0 \f$, the blocked LU.
/// \sa dlmath::reference::matrix_power
Matrix matrix_power(const Matrix& A, long long n);

/// \ingroup chapter1
/// \copydoc dlmath::reference::norm(const M&, double)
///
/// \par Fast twin
/// Orders ±1, ±inf: the row or column sums by the SIMD vector 1-norm (memory-bound); ±2: the fast SVD.
/// \sa dlmath::reference::norm(const M&, double)
template <std::same_as<Matrix> M>
double norm(const M& A, double ord);

/// \ingroup chapter1
/// \copydoc dlmath::reference::norm(const M&, MatrixNorm)
///
/// \par Fast twin
/// Frobenius: the SIMD vector 2-norm of the entries (memory-bound, one pass unless it must rescale);
/// nuclear: the fast SVD.
/// \sa dlmath::reference::norm(const M&, MatrixNorm)
template <std::same_as<Matrix> M>
double norm(const M& A, MatrixNorm ord = MatrixNorm::fro);

/// \ingroup chapter1
/// \copydoc dlmath::reference::norm(const Matrix&, double, std::size_t)
///
/// \par Fast twin
/// Each row or column is copied into a contiguous vector and measured by the SIMD vector norm
/// (memory-bound); lines longer than the threading threshold are threaded inside the norm.
/// \sa dlmath::reference::norm(const Matrix&, double, std::size_t)
Vector norm(const Matrix& A, double ord, std::size_t axis);

/// \ingroup chapter1
/// \copydoc dlmath::reference::cond(const Matrix&, double)
///
/// \par Fast twin
/// The same formula on the fast SVD (±2) or the blocked LU and the fast matrix norms.
/// \sa dlmath::reference::cond(const Matrix&, double)
double cond(const Matrix& A, double p);

/// \ingroup chapter1
/// \copydoc dlmath::reference::cond(const Matrix&, MatrixNorm)
///
/// \par Fast twin
/// The same formula on the blocked LU and the fast matrix norms.
/// \sa dlmath::reference::cond(const Matrix&, MatrixNorm)
double cond(const Matrix& A, MatrixNorm p);

/// \ingroup chapter1
/// \copydoc dlmath::reference::lstsq(const Matrix&, const Matrix&, Rcond)
///
/// \par Fast twin
/// The same formula on the fast SVD and GEMM (compute-bound).
/// \sa dlmath::reference::lstsq(const Matrix&, const Matrix&, Rcond)
LeastSquares<Matrix> lstsq(const Matrix& A, const Matrix& B, Rcond rcond = {});

/// \ingroup chapter1
/// \copydoc dlmath::reference::lstsq(const Matrix&, const Vector&, Rcond)
///
/// \par Fast twin
/// The same formula on the fast SVD and GEMM (compute-bound).
/// \sa dlmath::reference::lstsq(const Matrix&, const Vector&, Rcond)
LeastSquares<Vector> lstsq(const Matrix& A, const Vector& b, Rcond rcond);

}  // namespace dlmath::fast
