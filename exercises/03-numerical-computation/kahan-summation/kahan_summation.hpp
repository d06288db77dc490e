/// \file
/// \brief Exercise (chapter 3): Kahan's compensated summation.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The sum of the entries of \p x by Kahan's compensated summation (see
/// \ref exercise_kahan_summation):
/// \f[ y = x_i - c,\quad t = s + y,\quad c = (t - s) - y,\quad s = t, \f]
/// with error at most \f$ (2u + O(n u^2)) \sum_i |x_i| \f$ — independent of
/// n to first order, where the naive sum's bound is \f$ (n - 1) u \sum_i |x_i| \f$.
///
/// \param x the terms \f$ x_0, \dots, x_{n-1} \f$ (any length; the empty sum is 0)
/// \returns \f$ \sum_i x_i \f$; when a term or the sum is infinite or NaN,
/// the IEEE sum (inf, −inf or NaN), as the naive sum gives it
double kahan_sum(const Vector& x);

}  // namespace dlmath::exercises
