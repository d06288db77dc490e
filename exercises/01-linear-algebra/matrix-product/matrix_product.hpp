/// \file
/// \brief Exercise (chapter 1): the matrix product from its definition.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The matrix product \f$ C = AB \f$ computed from its definition (see
/// \ref exercise_matrix_product):
/// \f[ C_{ij} = \sum_{k=1}^{n} A_{ik} B_{kj} \f]
///
/// \param A a matrix \f$ A \sim (m, n) \f$
/// \param B a matrix \f$ B \sim (n, p) \f$
/// \returns \f$ C \sim (m, p) \f$; when \f$ n = 0 \f$ every entry is the empty sum 0
/// \throws dlmath::shape_error when the inner dimensions differ
Matrix matrix_product(const Matrix& A, const Matrix& B);

}  // namespace dlmath::exercises
