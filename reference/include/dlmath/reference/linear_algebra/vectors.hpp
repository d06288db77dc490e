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
/// Complexity: \f$ O(n) \f$, 2n flops.
/// \sa dlmath::fast::dot
double dot(const Vector& x, const Vector& y);

/// \ingroup chapter1
/// \brief The \f$ L^p \f$ norm of a vector, \f$ p \ge 1 \f$ or \f$ p = \infty \f$.
///
/// \f[ \|x\|_p = \Big( \sum_{i=1}^{n} |x_i|^p \Big)^{1/p}, \qquad
///     \|x\|_\infty = \max_i |x_i| \f]
///
/// For \f$ 1 < p < \infty \f$ it is evaluated as
/// \f$ m \big( \sum_i (|x_i|/m)^p \big)^{1/p} \f$ with \f$ m = \|x\|_\infty \f$,
/// so that no intermediate overflows or underflows where the norm itself is
/// a normal number (e.g. \f$ \|(10^{200}, 10^{200})\|_2 \f$ is finite).
///
/// Shapes: `x ~ (n)`; returns a scalar. The norm of the empty vector is 0.
/// NaN anywhere gives NaN; otherwise an infinite entry gives +inf (as NumPy).
/// \throws dlmath::domain_error if `p < 1` or `p` is NaN.
/// Accuracy: a relative error of a few \f$ (n + p) u \f$.
/// Complexity: \f$ O(n) \f$.
/// \sa dlmath::fast::norm
double norm(const Vector& x, double p = 2.0);

}  // namespace dlmath::reference
