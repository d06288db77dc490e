/// \file
/// \brief Exercise (chapter 4): gradient descent with a fixed learning rate and a gradient-norm stopping rule.
#pragma once

#include <cstddef>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The outcome of gradient_descent.
struct GradientDescentResult {
    Vector x;                ///< the last iterate \f$ x_k \f$
    std::size_t iterations;  ///< k, the number of updates performed
    bool converged;          ///< whether \f$ \|\nabla f(x_k)\|_2 \le \mathrm{tol} \f$
};

/// Gradient descent on the separable quadratic (see \ref exercise_gradient_descent)
/// \f[ f(x) = \tfrac12 \sum_i h_i (x_i - c_i)^2 , \qquad \nabla f(x)_i = h_i (x_i - c_i) , \f]
/// with the update \f$ x_{k+1} = x_k - \eta \nabla f(x_k) \f$, stopping at the first k with
/// \f$ \|\nabla f(x_k)\|_2 \le \mathrm{tol} \f$ (converged) or at k = max_iter (not converged).
///
/// \param h the curvatures \f$ h_i \f$ (the Hessian's diagonal), \f$ h \sim (n) \f$
/// \param c the minimiser \f$ c \sim (n) \f$ (when every \f$ h_i > 0 \f$)
/// \param x0 the start \f$ x_0 \sim (n) \f$
/// \param learning_rate \f$ \eta > 0 \f$
/// \param tol the tolerance of the stopping rule (\f$ \ge 0 \f$)
/// \param max_iter the most updates allowed
/// \throws dlmath::shape_error when h, c and x0 do not have the same length
/// \throws dlmath::domain_error when an entry of h, c or x0 is NaN or infinite, the learning
///         rate is not a finite positive number, or tol is negative, NaN or infinite
GradientDescentResult gradient_descent(const Vector& h, const Vector& c, const Vector& x0,
                                       double learning_rate, double tol, std::size_t max_iter);

}  // namespace dlmath::exercises
