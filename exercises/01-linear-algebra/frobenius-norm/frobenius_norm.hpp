/// \file
/// \brief Exercise (chapter 1): the Frobenius norm from the entries and from a trace.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The Frobenius norm from the entries (see \ref exercise_frobenius_norm):
/// \f[ \lVert A \rVert_F = \sqrt{\textstyle\sum_{i,j} A_{ij}^2} \f]
///
/// \param A a matrix \f$ A \sim (m, n) \f$; an empty one has norm 0
/// \returns \f$ \lVert A \rVert_F \ge 0 \f$
double frobenius_norm_entries(const Matrix& A);

/// The Frobenius norm as a trace (see \ref exercise_frobenius_norm):
/// \f[ \lVert A \rVert_F = \sqrt{\operatorname{Tr}(A A^\top)} \f]
///
/// \param A a matrix \f$ A \sim (m, n) \f$; an empty one has norm 0
/// \returns \f$ \lVert A \rVert_F \ge 0 \f$, equal to frobenius_norm_entries()
///          up to rounding
double frobenius_norm_trace(const Matrix& A);

}  // namespace dlmath::exercises
