// The blocked LU of the fast twin (internal): det, solve and inv call it.
#pragma once

#include "dlmath/detail/linear_algebra.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast::detail {

using dlmath::detail::LU;  // the same record as the reference LU

// PA = LU with partial pivoting, blocked in panels of 32 columns; the
// trailing update is a product on the fast GEMM.
LU lu_factor(const Matrix& A);

// X = U^{-1} L^{-1} P B for B ~ (n, r): one column at a time in inner-product
// form when r is below the SIMD width, else blocked substitution on the GEMM.
Matrix lu_solve(const LU& f, const Matrix& B);

}  // namespace dlmath::fast::detail
