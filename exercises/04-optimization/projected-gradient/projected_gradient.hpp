/// \file
/// \brief Exercise (chapter 4): the projection onto a ball and projected gradient descent with it.
#pragma once

#include <cstddef>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The projection onto the ball \f$ \{ y : \|y - c\|_2 \le r \} \f$ (see \ref exercise_projected_gradient):
/// \f[ P(x) = \begin{cases} x & \|x - c\|_2 \le r \\ c + \dfrac{r}{\|x - c\|_2}\,(x - c) & \text{otherwise.} \end{cases} \f]
/// A point inside or on the ball comes back unchanged, bit for bit.
///
/// \param x the point \f$ x \sim (n) \f$
/// \param center the centre \f$ c \sim (n) \f$
/// \param radius \f$ r > 0 \f$
/// \throws dlmath::shape_error when x and center do not have the same length
/// \throws dlmath::domain_error when an entry of x or center is NaN or infinite, or radius is
///         not a finite number > 0
Vector project_ball(const Vector& x, const Vector& center, double radius);

/// The outcome of projected_gradient.
struct ProjectedGradientResult {
    Vector x;                ///< the last iterate \f$ x_k \f$ (inside the ball)
    std::size_t iterations;  ///< k, the number of updates performed
    bool converged;          ///< whether the projected-gradient step at \f$ x_k \f$ was \f$ \le \mathrm{tol} \f$
};

/// Projected gradient descent on the ball \f$ \|x - c\| \le r \f$ for the separable quadratic
/// \f[ f(x) = \tfrac12 \sum_i h_i (x_i - b_i)^2 , \qquad \nabla f(x)_i = h_i (x_i - b_i) : \f]
/// \f[ x_0 = P(x_{\text{start}}), \qquad x_{k+1} = P\big(x_k - \eta \nabla f(x_k)\big), \f]
/// stopping at the first k with \f$ \|x_k - P(x_k - \eta\nabla f(x_k))\|_2 / \eta \le \mathrm{tol} \f$
/// (converged) or at k = max_iter (not converged).
///
/// \param h the curvatures \f$ h_i \f$, \param b the unconstrained minimiser (when every \f$ h_i > 0 \f$)
/// \param x_start the start (projected before the first update)
/// \param center the ball's centre c, \param radius its radius r > 0
/// \param learning_rate \f$ \eta > 0 \f$, \param tol the tolerance (\f$ \ge 0 \f$), \param max_iter the most updates
/// \throws dlmath::shape_error when h, b, x_start and center do not all have the same length
/// \throws dlmath::domain_error as project_ball, when an entry of h or b is NaN or infinite, the
///         learning rate is not finite and > 0, or tol is negative, NaN or infinite
ProjectedGradientResult projected_gradient(const Vector& h, const Vector& b, const Vector& x_start,
                                           const Vector& center, double radius, double learning_rate, double tol,
                                           std::size_t max_iter);

}  // namespace dlmath::exercises
