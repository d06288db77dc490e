/// \file
/// \brief Exercise (chapter 3): the composite Simpson rule on sampled values.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The composite Simpson rule on \f$ n + 1 \f$ equally spaced samples
/// \f$ y_i = f(x_0 + i h) \f$ (see \ref exercise_composite_simpson), as
/// `scipy.integrate.simpson(y, dx=h)` for an even number of panels:
/// \f[ S = \frac h3 \Big( y_0 + 4 \sum_{i \text{ odd}} y_i + 2 \sum_{0 < i < n,\ i \text{ even}} y_i + y_n \Big) . \f]
///
/// \param y the samples \f$ y_0, \ldots, y_n \f$: \f$ n = \f$ `y.size() - 1` panels
/// \param h the spacing of the samples (negative for a reversed interval)
/// \returns the approximation of \f$ \int_{x_0}^{x_0 + n h} f(x)\,dx \f$
/// \throws dlmath::shape_error when \p y is empty
/// \throws dlmath::domain_error when the number of panels n is odd or 0 (the message names
///         the function and n), or when \p h is NaN or infinite
double composite_simpson(const Vector& y, double h);

}  // namespace dlmath::exercises
