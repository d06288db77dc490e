/// \file
/// \brief Exercise (chapter 4): gradient descent with momentum, in the syllabus's indexing.
#pragma once

#include <cstddef>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// Momentum on the separable quadratic (see \ref exercise_momentum)
/// \f[ f(x) = \tfrac12 \sum_i h_i (x_i - c_i)^2 , \qquad \nabla f(x)_i = h_i (x_i - c_i) , \f]
/// with the velocity \f$ g_0 = 0 \f$ and, for t = 1, ..., steps,
/// \f[ g_t = -\eta \nabla f(x_{t-1}) + \lambda g_{t-1} , \qquad x_t = x_{t-1} + g_t . \f]
///
/// \param h the curvatures \f$ h_i \f$, \f$ h \sim (n) \f$
/// \param c the minimiser \f$ c \sim (n) \f$ (when every \f$ h_i > 0 \f$)
/// \param x0 the start \f$ x_0 \sim (n) \f$
/// \param learning_rate \f$ \eta > 0 \f$
/// \param lambda the momentum coefficient \f$ \lambda \in [0, 1) \f$ (0: gradient descent)
/// \param steps the number of updates T
/// \returns \f$ x_T \sim (n) \f$ (\f$ x_0 \f$ when steps = 0)
/// \throws dlmath::shape_error when h, c and x0 do not have the same length
/// \throws dlmath::domain_error when an entry of h, c or x0 is NaN or infinite, the learning
///         rate is not a finite positive number, or lambda is outside [0, 1)
Vector momentum(const Vector& h, const Vector& c, const Vector& x0, double learning_rate, double lambda,
                std::size_t steps);

}  // namespace dlmath::exercises
