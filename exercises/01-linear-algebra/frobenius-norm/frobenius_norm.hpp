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

/// What the trace route computes: the diagonal of \f$ AA^\top \f$, and the
/// norm as the root of its sum.
struct FrobeniusByTrace {
    Vector diagonal;    ///< \f$ (AA^\top)_{ii} = \sum_k A_{ik}^2 \f$, the squared length of row \f$ i \f$; \f$ \sim (m) \f$
    double norm = 0.0;  ///< \f$ \sqrt{\operatorname{Tr}(AA^\top)} = \sqrt{\sum_i (AA^\top)_{ii}} \f$
};

/// The Frobenius norm as a trace (see \ref exercise_frobenius_norm):
/// \f[ \lVert A \rVert_F = \sqrt{\operatorname{Tr}(A A^\top)}, \qquad
///     (A A^\top)_{ii} = \sum_{k=1}^{n} A_{ik} A_{ik} \f]
///
/// \param A a matrix \f$ A \sim (m, n) \f$; an empty one has norm 0
/// \returns the \f$ m \f$ diagonal entries of \f$ AA^\top \f$ and
///          \f$ \lVert A \rVert_F \f$, equal to frobenius_norm_entries() up to rounding
FrobeniusByTrace frobenius_norm_trace(const Matrix& A);

}  // namespace dlmath::exercises
