/// \file
/// \brief Exercise (chapter 1): least squares through a QR factorisation,
/// accurate where the normal equations are not.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The solution of a least-squares problem and the size of what it leaves
/// unexplained.
struct LeastSquaresResult {
    Vector x;              ///< the minimiser \f$ x \sim (n) \f$ of \f$ \|Ax - b\|_2 \f$
    double residual_norm;  ///< \f$ \|Ax - b\|_2 \f$ at that minimiser
};

/// The least-squares solution of \f$ Ax \approx b \f$ for a matrix of full
/// column rank (see \ref exercise_least_squares):
/// \f[ x = \arg\min_x \|Ax - b\|_2 , \f]
/// computed by a backward-stable method (a QR factorisation \f$ A = QR \f$,
/// then \f$ Rx = (Q^\top b)_{1:n} \f$), never by the normal equations
/// \f$ A^\top A x = A^\top b \f$, which square the condition number.
///
/// \param A a matrix \f$ A \sim (m, n) \f$ with \f$ m \ge n \f$, finite entries
/// \param b the right-hand side \f$ b \sim (m) \f$, finite
/// \returns \f$ x \f$ and \f$ \|Ax - b\|_2 \f$; every answer that is a
///          representable double is computed (entries near the overflow or
///          underflow threshold included)
/// \throws dlmath::shape_error when \f$ b \f$ does not have \f$ m \f$ entries
///         or \f$ m < n \f$
/// \throws dlmath::domain_error for a non-finite entry, or when \f$ A \f$ is
///         rank-deficient: some \f$ |R_{kk}| \le \max(m, n)\,\varepsilon \max_j |R_{jj}| \f$
LeastSquaresResult least_squares(const Matrix& A, const Vector& b);

}  // namespace dlmath::exercises
