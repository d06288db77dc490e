/// \file
/// \brief Exercise (chapter 4): Adam with bias correction (PyTorch's update rule).
#pragma once

#include <cstddef>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// Adam on the separable quadratic (see \ref exercise_adam)
/// \f[ f(x) = \tfrac12 \sum_i h_i (x_i - c_i)^2 , \qquad \nabla f(x)_i = h_i (x_i - c_i) , \f]
/// with \f$ m_0 = v_0 = 0 \f$ and, for t = 1, ..., steps, \f$ g = \nabla f(x_{t-1}) \f$ and per coordinate
/// \f[ m_t = \beta_1 m_{t-1} + (1 - \beta_1) g , \quad v_t = \beta_2 v_{t-1} + (1 - \beta_2) g^2 , \quad
///     \hat m = \frac{m_t}{1 - \beta_1^t} , \quad \hat v = \frac{v_t}{1 - \beta_2^t} , \quad
///     x_t = x_{t-1} - \eta \frac{\hat m}{\sqrt{\hat v} + \epsilon} . \f]
///
/// \param h the curvatures \f$ h_i \f$, \f$ h \sim (n) \f$
/// \param c the minimiser \f$ c \sim (n) \f$ (when every \f$ h_i > 0 \f$)
/// \param x0 the start \f$ x_0 \sim (n) \f$
/// \param learning_rate \f$ \eta > 0 \f$ (PyTorch's default: 0.001)
/// \param beta1 \f$ \beta_1 \in [0, 1) \f$ (default 0.9)
/// \param beta2 \f$ \beta_2 \in [0, 1) \f$ (default 0.999)
/// \param eps \f$ \epsilon > 0 \f$ (default 1e-8)
/// \param steps the number of updates T
/// \returns \f$ x_T \sim (n) \f$ (\f$ x_0 \f$ when steps = 0)
/// \throws dlmath::shape_error when h, c and x0 do not have the same length
/// \throws dlmath::domain_error when an entry of h, c or x0 is NaN or infinite, the learning
///         rate or eps is not a finite positive number, or beta1 or beta2 is outside [0, 1)
Vector adam(const Vector& h, const Vector& c, const Vector& x0, double learning_rate, double beta1, double beta2,
            double eps, std::size_t steps);

}  // namespace dlmath::exercises
