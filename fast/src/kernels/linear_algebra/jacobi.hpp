// The parallel one-sided Jacobi of the fast twin (internal): eigh calls it.
#pragma once

#include "dlmath/linear_algebra_types.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast::detail {

// Rotates the rows of Wt ~ (k, m) (the columns of the matrix, stored as
// rows) until they are mutually orthogonal to the tolerance m u, applying
// every rotation to the rows of Vt ~ (k, n) too. Blocks of columns in
// parallel from jacobi_parallel_n columns (config.hpp); the result is
// bitwise the same for any thread count.
void one_sided_jacobi(Matrix& Wt, Matrix& Vt);

}  // namespace dlmath::fast::detail
