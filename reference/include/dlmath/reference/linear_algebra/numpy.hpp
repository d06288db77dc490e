/// \file
/// \brief Chapter 1, NumPy's linear-algebra surface — reference twin.
///
/// The functions a user checks first against `numpy.linalg`, with NumPy's
/// names and its conventions at the edges: `slogdet`, `matrix_power`, the
/// matrix norms and the norms along an axis, `cond` in every order, and
/// `lstsq` with its four results. The vector norm of every order is
/// dlmath::reference::norm (vectors.hpp); `matrix_rank(A, tol)` and
/// `pinv(A, rcond)` (decompositions.hpp) already take NumPy's explicit
/// tolerances.
#pragma once

#include <concepts>
#include <cstddef>

#include "dlmath/linear_algebra_types.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter1
/// \brief Sign and natural logarithm of \f$ |\det A| \f$, as NumPy's `slogdet`.
///
/// \f[ PA = LU:\quad \mathrm{sign} = \det(P) \prod_{i=1}^{n} \operatorname{sign}(u_{ii}), \qquad
///     \mathrm{logabsdet} = \sum_{i=1}^{n} \ln |u_{ii}| \f]
/// so that \f$ \det A = \mathrm{sign} \cdot e^{\mathrm{logabsdet}} \f$. A sum of
/// logarithms does not overflow or underflow where the determinant does:
/// \f$ \det(0.1 I_{500}) = 10^{-500} \f$ underflows to 0, while slogdet gives
/// \f$ (1, -500 \ln 10) \f$.
/// Shapes: `A ~ (n, n)`. A singular A (a zero pivot) gives \f$ (0, -\infty) \f$;
/// the 0×0 matrix gives \f$ (1, 0) \f$ (the empty product is 1).
/// \throws dlmath::shape_error if A is not square.
/// \throws dlmath::domain_error if an entry is NaN or infinite.
/// Accuracy: the LU's backward error (Higham, Thm 9.3) plus \f$ n \f$ rounded logarithms:
/// \f$ |\Delta \mathrm{logabsdet}| \lesssim \gamma_n \sum_i |\ln|u_{ii}|| + \kappa\text{-dependent LU error} \f$.
/// Complexity: \f$ \tfrac{2}{3} n^3 \f$ flops and \f$ n \f$ logarithms.
/// \sa dlmath::fast::slogdet, dlmath::reference::det
SlogDet slogdet(const Matrix& A);

/// \ingroup chapter1
/// \brief Integer power of a square matrix, as NumPy's `matrix_power`.
///
/// \f[ A^0 = I, \qquad A^n = \prod_{j : b_j = 1} A^{2^j} \text{ for } n = \sum_j b_j 2^j > 0, \qquad
///     A^{n} = (A^{-1})^{|n|} \text{ for } n < 0 \f]
/// Repeated squaring takes at most \f$ 2 \lfloor \log_2 |n| \rfloor \f$
/// products, in NumPy's order. \f$ A^0 = I \f$ even for a singular A.
/// Shapes: `A ~ (m, m)`; returns `(m, m)` (0×0 for the 0×0 matrix).
/// \throws dlmath::shape_error if A is not square.
/// \throws dlmath::domain_error if an entry is NaN/inf, or \f$ n < 0 \f$ and A is singular.
/// Accuracy: each product adds \f$ \gamma_m \f$ relative to \f$ |X||Y| \f$; the
/// error grows with \f$ |n| \f$ and with \f$ \kappa(A) \f$ for \f$ n < 0 \f$.
/// Overflow gives ±inf or NaN entries by IEEE rules.
/// Complexity: \f$ O(m^3 \log |n|) \f$ (plus one inverse for \f$ n < 0 \f$).
/// \sa dlmath::fast::matrix_power
Matrix matrix_power(const Matrix& A, long long n);

// The two matrix norms of two arguments are templates that take a Matrix
// and nothing else: an expression such as `x + y` converts to a Vector and
// to a Matrix alike, and must keep choosing the vector norm.

/// \ingroup chapter1
/// \brief Matrix norm of a numeric order, as NumPy's `norm(A, ord)`.
///
/// \f[ \|A\|_1 = \max_j \sum_i |a_{ij}|, \quad \|A\|_\infty = \max_i \sum_j |a_{ij}|, \quad
///     \|A\|_2 = \sigma_1 \f]
/// and the orders -1, -inf, -2 with the minimum (over columns, rows, singular
/// values) in place of the maximum. Orders 1, 2, inf are norms (induced by the
/// vector norms of the same order); -1, -2, -inf are not (a non-zero matrix can
/// give 0, and the triangle inequality fails).
/// Shapes: `A ~ (m, n)`. An empty A gives 0 for the orders 1, 2, inf (the zero map).
/// NaN entries give NaN for 1, -1, inf, -inf.
/// \throws dlmath::domain_error if `ord` is not one of 1, -1, 2, -2, inf, -inf, or
/// (for ±2) an entry is NaN or infinite.
/// \throws dlmath::shape_error for -1, -inf, -2 when there is no column, row or
/// singular value to take the minimum over.
/// Accuracy: 1 and inf, recursive sums, \f$ \gamma_m \f$ or \f$ \gamma_n \f$ relative;
/// 2 and -2, those of the SVD (\f$ c\, n\, u\, \sigma_1 \f$ absolute).
/// Complexity: \f$ O(mn) \f$ for 1, inf; one SVD for 2, -2.
/// \sa dlmath::fast::norm, dlmath::reference::norm(const Vector&, double)
template <std::same_as<Matrix> M>
double norm(const M& A, double ord);

/// \ingroup chapter1
/// \brief Frobenius or nuclear norm of a matrix, as NumPy's `norm(A, "fro")` and `norm(A, "nuc")`.
///
/// \f[ \|A\|_F = \Big( \sum_{i,j} a_{ij}^2 \Big)^{1/2} = \Big( \sum_i \sigma_i^2 \Big)^{1/2}, \qquad
///     \|A\|_* = \sum_i \sigma_i \f]
/// Both are norms. The Frobenius norm is the 2-norm of the entries read as one
/// vector, scaled as that is (no overflow for entries near \f$ 10^{200} \f$).
/// Shapes: `A ~ (m, n)`; an empty A gives 0 (the empty sum). `norm(A)` is the
/// Frobenius norm, as NumPy's `norm(A)` for a matrix.
/// \throws dlmath::domain_error for the nuclear norm if an entry is NaN or infinite.
/// Accuracy: Frobenius, that of the vector 2-norm; nuclear, the SVD's.
/// Complexity: \f$ O(mn) \f$ (Frobenius); one SVD (nuclear).
/// \sa dlmath::fast::norm
template <std::same_as<Matrix> M>
double norm(const M& A, MatrixNorm ord = MatrixNorm::fro);

/// \ingroup chapter1
/// \brief Vector norms along an axis, as NumPy's `norm(A, ord, axis)`.
///
/// \f[ \text{axis } 0:\; r_j = \|a_{:j}\|_{\mathrm{ord}} \quad (j = 1..n), \qquad
///     \text{axis } 1:\; r_i = \|a_{i:}\|_{\mathrm{ord}} \quad (i = 1..m) \f]
/// with every vector order of dlmath::reference::norm(const Vector&, double).
/// Shapes: `A ~ (m, n)`; returns `(n)` for axis 0, `(m)` for axis 1.
/// \throws dlmath::shape_error if `axis` is not 0 or 1, or `ord` is -inf and the lines are empty.
/// \throws dlmath::domain_error if `ord` is NaN.
/// Accuracy: that of the vector norm, per line. Complexity: \f$ O(mn) \f$.
/// \sa dlmath::fast::norm
Vector norm(const Matrix& A, double ord, std::size_t axis);

/// \ingroup chapter1
/// \brief Condition number in the matrix norm of order p, as NumPy's `cond(A, p)`.
///
/// \f[ \kappa_p(A) = \|A\|_p \, \|A^{-1}\|_p, \qquad
///     \kappa_2(A) = \frac{\sigma_1}{\sigma_{\min}}, \qquad \kappa_{-2}(A) = \frac{\sigma_{\min}}{\sigma_1} \f]
/// For ±2 it works for any shape (from the singular values); the other orders
/// need \f$ A^{-1} \f$, hence a square A. A singular A gives \f$ +\infty \f$ in
/// every order, never an exception — except -2, the reciprocal of \f$ \kappa_2 \f$, which
/// gives \f$ \sigma_{\min} / \sigma_1 = 0 \f$ as NumPy does (+inf for the zero matrix, 0/0).
/// Shapes: `A ~ (m, n)`, not empty; square unless p is ±2.
/// \throws dlmath::domain_error if `p` is not 1, -1, 2, -2, inf, -inf, or an entry is NaN/inf.
/// \throws dlmath::shape_error if A is empty, or not square for p other than ±2.
/// Accuracy: for \f$ \kappa \gtrsim 1/(n u) \f$ only the order of magnitude is meaningful.
/// Complexity: one SVD (±2); one LU and inverse, \f$ 2 n^3 \f$ flops (the others).
/// \sa dlmath::fast::cond, dlmath::reference::cond(const Matrix&)
double cond(const Matrix& A, double p);

/// \ingroup chapter1
/// \brief Condition number in the Frobenius or nuclear norm, as NumPy's `cond(A, "fro")`.
///
/// \f[ \kappa_F(A) = \|A\|_F \, \|A^{-1}\|_F, \qquad \kappa_*(A) = \|A\|_* \, \|A^{-1}\|_* \f]
/// A singular A gives \f$ +\infty \f$.
/// Shapes: `A ~ (n, n)`, not empty.
/// \throws dlmath::shape_error if A is not square or is empty.
/// \throws dlmath::domain_error if an entry is NaN or infinite.
/// Complexity: one LU and inverse (plus two SVDs for the nuclear norm).
/// \sa dlmath::fast::cond
double cond(const Matrix& A, MatrixNorm p);

/// \ingroup chapter1
/// \brief Least squares with NumPy's four results, for several right-hand sides.
///
/// \f[ X = V D^+ U^\top B = \arg\min_X \|AX - B\|_F \text{ (of least norm)}, \qquad
///     D^+_{ll} = \begin{cases} 1/\sigma_l & \sigma_l > \mathrm{rcond}\cdot\sigma_1 \\ 0 & \text{otherwise} \end{cases} \f]
/// Returns X, the residual sums of squares \f$ \|b_j - A x_j\|_2^2 \f$ (only when
/// rank = n < m, otherwise empty, as NumPy), the rank (the number of kept
/// singular values) and the singular values of A. `Rcond{}` is NumPy's default
/// cut-off \f$ \varepsilon \max(m, n) \f$, \f$ \varepsilon = 2^{-52} \f$.
/// Shapes: `A ~ (m, n)`, `B ~ (m, k)`; `x ~ (n, k)`, `residuals ~ (k)` or `(0)`,
/// `s ~ (min(m, n))`. An empty A gives \f$ X = 0 \f$ and rank 0.
/// \throws dlmath::shape_error if B's row count differs from m.
/// \throws dlmath::domain_error if an entry of A or B is NaN/inf, or rcond is NaN.
/// Accuracy: relative error \f$ \lesssim c\, n\, u\, \kappa(A) \f$ on the kept subspace (plus
/// \f$ \kappa^2 \f$ times the relative residual for tall systems).
/// Complexity: one SVD plus \f$ 2 (m + n) r k \f$ flops, \f$ r = \min(m, n) \f$.
/// \sa dlmath::fast::lstsq, dlmath::reference::lstsq(const Matrix&, const Vector&, double)
LeastSquares<Matrix> lstsq(const Matrix& A, const Matrix& B, Rcond rcond = {});

/// \ingroup chapter1
/// \brief Least squares with NumPy's four results, for one right-hand side.
///
/// \f[ x = V D^+ U^\top b \f]
/// As the matrix overload with B the single column b; `residuals` has one entry
/// \f$ \|b - Ax\|_2^2 \f$ when rank = n < m and none otherwise. (The two-argument
/// `lstsq(A, b)` of decompositions.hpp returns x alone.)
/// Shapes: `A ~ (m, n)`, `b ~ (m)`; `x ~ (n)`.
/// \throws dlmath::shape_error if b's length differs from m.
/// \throws dlmath::domain_error if an entry is NaN/inf, or rcond is NaN.
/// Complexity: one SVD plus \f$ 2 (m + n) r \f$ flops.
/// \sa dlmath::fast::lstsq
LeastSquares<Vector> lstsq(const Matrix& A, const Vector& b, Rcond rcond);

}  // namespace dlmath::reference
