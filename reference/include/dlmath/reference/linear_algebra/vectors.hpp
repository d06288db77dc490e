/// \file
/// \brief Chapter 1, inner products and norms — reference twin.
#pragma once

#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter1
/// \brief Inner (dot) product of two vectors.
///
/// \f[ \langle x, y \rangle = x^\top y = \sum_{i=1}^{n} x_i\, y_i \f]
///
/// Shapes: `x ~ (n)`, `y ~ (n)`; returns a scalar. The empty sum is 0.
/// \throws dlmath::shape_error if the lengths differ.
/// Accuracy: recursive summation, \f$ |\hat s - s| \le \gamma_n \sum_i |x_i y_i| \f$
/// with \f$ \gamma_n = n u / (1 - n u) \f$, \f$ u = 2^{-53} \f$.
/// Overflow: when x and y are finite but the sum overflows on the way, it is
/// computed again from x and y scaled by powers of two, so the result is ±inf
/// only where the true value is beyond the range
/// (\f$ (10^{200}, -10^{200}) \cdot (10^{200}, 10^{200}) = 0 \f$, not NaN);
/// where the error bound above is itself beyond the range, so may the result be.
/// Complexity: \f$ O(n) \f$, 2n flops.
/// \sa dlmath::fast::dot
double dot(const Vector& x, const Vector& y);

/// \ingroup chapter1
/// \brief The \f$ L^p \f$ norm of a vector, and every other order NumPy's `norm(x, ord)` accepts.
///
/// \f[ \|x\|_p = \Big( \sum_{i=1}^{n} |x_i|^p \Big)^{1/p}, \qquad
///     \|x\|_\infty = \max_i |x_i|, \qquad \|x\|_{-\infty} = \min_i |x_i|, \qquad
///     \|x\|_0 = \#\{ i : x_i \ne 0 \} \f]
///
/// Only \f$ p \ge 1 \f$ and \f$ p = \infty \f$ give norms. For \f$ 0 < p < 1 \f$ the
/// triangle inequality fails (\f$ \|(1,0) + (0,1)\|_{1/2} = 4 > 2 \f$); \f$ p = 0 \f$
/// counts the non-zero entries (not homogeneous: \f$ \|2x\|_0 = \|x\|_0 \f$);
/// \f$ p < 0 \f$ and \f$ -\infty \f$ are 0 as soon as one entry is 0.
///
/// For \f$ 0 < p < \infty \f$ it is evaluated as
/// \f$ m \big( \sum_i (|x_i|/m)^p \big)^{1/p} \f$ with \f$ m = \|x\|_\infty \f$
/// (\f$ m = \min_i |x_i| \f$ for \f$ p < 0 \f$), so that no intermediate overflows or
/// underflows where the result is a normal number (e.g. \f$ \|(10^{200}, 10^{200})\|_2 \f$ is finite).
///
/// Shapes: `x ~ (n)`; returns a scalar. The empty vector gives 0 for \f$ p \ge 0 \f$ and
/// \f$ +\infty \f$ for finite \f$ p < 0 \f$ (NumPy's \f$ 0^{1/p} \f$).
/// NaN anywhere gives NaN (but \f$ p = 0 \f$ counts it as non-zero, as NumPy); otherwise an
/// infinite entry gives +inf for \f$ p > 0 \f$.
/// \throws dlmath::domain_error if `p` is NaN.
/// \throws dlmath::shape_error if \f$ p = -\infty \f$ and x is empty (the minimum of nothing).
/// Accuracy: a relative error of a few \f$ (n + |p|) u \f$; \f$ p = 0, \pm\infty \f$ exact.
/// Complexity: \f$ O(n) \f$.
/// \sa dlmath::fast::norm, dlmath::reference::norm(const M&, double) for matrices
double norm(const Vector& x, double p = 2.0);

}  // namespace dlmath::reference
