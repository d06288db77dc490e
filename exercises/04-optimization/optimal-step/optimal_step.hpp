/// \file
/// \brief Exercise (chapter 4): the optimal step on a quadratic, and steepest descent with it.
#pragma once

#include <cstddef>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The step size that minimises a quadratic along \f$ -g \f$ (see \ref exercise_optimal_step):
/// \f[ \epsilon^* = \frac{g^\top g}{g^\top H g} . \f]
///
/// \param g the gradient \f$ g \sim (n) \f$
/// \param H the Hessian \f$ H \sim (n, n) \f$
/// \returns \f$ \epsilon^* > 0 \f$
/// \throws dlmath::shape_error when H is not n x n for g ~ (n)
/// \throws dlmath::domain_error when an entry of g or H is NaN or infinite, or when
///         \f$ g^\top H g \le 0 \f$ (no minimum along \f$ -g \f$, or g = 0)
double optimal_step(const Vector& g, const Matrix& H);

/// The outcome of steepest_descent.
struct SteepestDescentResult {
    Vector x;                ///< the last iterate \f$ x_k \f$
    std::size_t iterations;  ///< k, the number of updates performed
    bool converged;          ///< whether \f$ \|\nabla f(x_k)\|_2 \le \mathrm{tol} \f$
};

/// Steepest descent with the optimal step on \f$ f(x) = \tfrac12 x^\top A x - b^\top x \f$
/// (see \ref exercise_optimal_step): \f$ g_k = A x_k - b \f$,
/// \f$ x_{k+1} = x_k - \epsilon^*_k g_k \f$ with \f$ \epsilon^*_k = \f$ optimal_step(g_k, A),
/// stopping at the first k with \f$ \|g_k\|_2 \le \mathrm{tol} \f$ (converged) or at
/// k = max_iter (not converged).
///
/// \param A the Hessian \f$ A \sim (n, n) \f$ (symmetric positive definite for a minimum)
/// \param b \f$ b \sim (n) \f$
/// \param x0 the start \f$ x_0 \sim (n) \f$
/// \param tol the tolerance of the stopping rule (\f$ \ge 0 \f$)
/// \param max_iter the most updates allowed
/// \throws dlmath::shape_error when A is not n x n for b, x0 ~ (n)
/// \throws dlmath::domain_error when an entry of A, b or x0 is NaN or infinite, tol is
///         negative, NaN or infinite, or (from optimal_step) \f$ g_k^\top A g_k \le 0 \f$
SteepestDescentResult steepest_descent(const Matrix& A, const Vector& b, const Vector& x0, double tol,
                                       std::size_t max_iter);

}  // namespace dlmath::exercises
