/// \file
/// \brief Exercise (chapter 1): change of basis in the plane.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The backward matrix \f$ B = F^{-1} \f$ of a change of basis in the plane
/// (see \ref exercise_change_of_basis). Column \f$ j \f$ of the forward matrix
/// \f$ F \f$ holds the new basis vector \f$ \tilde e_j \f$ in old coordinates.
/// \f[ F = \begin{pmatrix} a & b \\ c & d \end{pmatrix}, \qquad
///     F^{-1} = \frac{1}{ad - bc} \begin{pmatrix} d & -b \\ -c & a \end{pmatrix} \f]
/// \param F the forward matrix, \f$ F \sim (2, 2) \f$
/// \returns \f$ B = F^{-1} \sim (2, 2) \f$
/// \throws dlmath::shape_error when \p F is not 2x2
/// \throws dlmath::domain_error when \f$ \det F = 0 \f$ (the new vectors are no basis)
Matrix backward_matrix(const Matrix& F);

/// The coordinates \f$ \tilde v = F^{-1} v \f$ in the new basis of the vector
/// whose old coordinates are \p v.
/// \param F the forward matrix, \f$ F \sim (2, 2) \f$
/// \param v old coordinates, \f$ v \sim (2) \f$
/// \returns new coordinates \f$ \tilde v \sim (2) \f$
/// \throws dlmath::shape_error when a shape is not as stated
/// \throws dlmath::domain_error when \f$ \det F = 0 \f$
Vector to_new_basis(const Matrix& F, const Vector& v);

/// The matrix of the linear map \f$ L \f$ (matrix \p M in the old basis)
/// written in the new basis: \f$ \tilde M = F^{-1} M F \f$.
/// \param F the forward matrix, \f$ F \sim (2, 2) \f$
/// \param M the map in old coordinates, \f$ M \sim (2, 2) \f$
/// \returns \f$ \tilde M \sim (2, 2) \f$
/// \throws dlmath::shape_error when a shape is not 2x2
/// \throws dlmath::domain_error when \f$ \det F = 0 \f$
Matrix map_in_new_basis(const Matrix& F, const Matrix& M);

}  // namespace dlmath::exercises
