// The blocked LU of the fast twin (internal): det, solve and inv call it.
#pragma once

#include "dlmath/detail/linear_algebra.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast::detail {

using dlmath::detail::LU;  // the same record as the reference LU

// PA = LU with partial pivoting, blocked in panels of 32 columns; the
// trailing update runs in parallel over rows from lu_parallel_n (config.hpp).
LU lu_factor(const Matrix& A);

// X = U^{-1} L^{-1} P B for B ~ (n, r); blocks of columns in parallel.
Matrix lu_solve(const LU& f, const Matrix& B);

}  // namespace dlmath::fast::detail
