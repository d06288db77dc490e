/// \file
/// \brief Exercise (chapter 1): the determinant by cofactor (Laplace) expansion.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The determinant of a square matrix by cofactor expansion along the first
/// row (see \ref exercise_determinant_cofactor):
/// \f[ \det A = \sum_{j=1}^{n} (-1)^{1+j}\, a_{1j}\, \det M_{1j} \f]
/// where \f$ M_{1j} \f$ is \f$ A \f$ without row 1 and column \f$ j \f$.
///
/// \param A a square matrix \f$ A \sim (n, n) \f$, \f$ n \le 8 \f$
/// \returns \f$ \det A \f$; the determinant of the \f$ 0 \times 0 \f$ matrix is 1
/// \throws dlmath::shape_error when \p A is not square
/// \throws dlmath::domain_error when \f$ n > 8 \f$ (the expansion costs \f$ O(n!) \f$)
double determinant_cofactor(const Matrix& A);

}  // namespace dlmath::exercises
