/// \file
/// \brief Completing the left singular vectors of a rank-deficient SVD,
/// shared by both twins (it is bookkeeping, not a kernel worth a fast twin).
#pragma once

#include "dlmath/linear_algebra_types.hpp"

namespace dlmath::detail {

/// For every zero singular value \f$ \sigma_j = 0 \f$ of `r`, replaces the
/// (zero) column \f$ u_j \f$ of `r.U` by a unit vector orthogonal to the
/// other columns: the first standard basis vector that survives two
/// Gram–Schmidt passes. Cost: \f$ O(m^2 k) \f$ per zero singular value at most.
void complete_left_singular_vectors(SVD& r);

}  // namespace dlmath::detail
