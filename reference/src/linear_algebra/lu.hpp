// The LU factorisation of the reference twin (internal): det, solve and inv
// in decompositions.cpp, slogdet and the inverse checks in numpy.cpp.
#pragma once

#include "dlmath/detail/linear_algebra.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

// PA = LU with partial pivoting (plain loops, no blocking).
detail::LU lu_factor(const Matrix& A);

}  // namespace dlmath::reference
