/// \file
/// \brief Exercise (chapter 1): the matrix product row by row, and with a transposed operand.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The matrix product \f$ C = AB \f$ built row by row (see
/// \ref exercise_matrix_product): row \f$ i \f$ of \f$ C \f$ is a combination
/// of the rows of \f$ B \f$, weighted by row \f$ i \f$ of \f$ A \f$,
/// \f[ C_{i,:} = \sum_{k=1}^{n} A_{ik}\, B_{k,:} , \qquad\text{so}\qquad
///     C_{ij} = \sum_{k=1}^{n} A_{ik} B_{kj} . \f]
/// The loops run over \f$ i \f$, then \f$ k \f$, then \f$ j \f$.
///
/// \param A a matrix \f$ A \sim (m, n) \f$
/// \param B a matrix \f$ B \sim (n, p) \f$
/// \returns \f$ C \sim (m, p) \f$; when \f$ n = 0 \f$ every entry is the empty sum 0
/// \throws dlmath::shape_error when the inner dimensions differ, naming the
///         function and both shapes
Matrix matrix_product(const Matrix& A, const Matrix& B);

/// The product \f$ C = AB^\top \f$ with a transposed second operand, without
/// forming \f$ B^\top \f$: entry \f$ (i, j) \f$ is the inner product of row
/// \f$ i \f$ of \f$ A \f$ with row \f$ j \f$ of \f$ B \f$,
/// \f[ C_{ij} = \sum_{k=1}^{n} A_{ik} B_{jk} . \f]
/// A batch \f$ X \sim (b, d) \f$ through a linear layer with weights
/// \f$ W \sim (h, d) \f$ is `matrix_product_transposed(X, W)`.
///
/// \param A a matrix \f$ A \sim (m, n) \f$
/// \param B a matrix \f$ B \sim (p, n) \f$
/// \returns \f$ C \sim (m, p) \f$; when \f$ n = 0 \f$ every entry is the empty sum 0
/// \throws dlmath::shape_error when \p A and \p B have different numbers of
///         columns, naming the function and both shapes
Matrix matrix_product_transposed(const Matrix& A, const Matrix& B);

}  // namespace dlmath::exercises
