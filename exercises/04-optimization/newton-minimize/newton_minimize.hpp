/// \file
/// \brief Exercise (chapter 4): Newton's method for minimisation, given the gradient and the Hessian.
#pragma once

#include <cstddef>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The outcome of newton_minimize.
struct NewtonMinimizeResult {
    Vector x;                ///< the last iterate \f$ x_k \f$
    std::size_t iterations;  ///< k, the number of Newton steps taken
    bool converged;          ///< whether \f$ \|\nabla f(x_k)\|_2 \le \mathrm{tol} \f$
};

/// Newton's method for minimisation (see \ref exercise_newton_minimize) on a quadratic with a
/// quartic term,
/// \f[ f(x) = \tfrac12 x^\top A x - b^\top x + \tfrac{c}{4} \sum_i x_i^4, \quad
///     \nabla f(x) = A x - b + c\, x^3, \quad \nabla^2 f(x) = A + 3c\,\operatorname{diag}(x^2) \f]
/// (powers entrywise), with the step
/// \f[ \nabla^2 f(x_k)\, d_k = -\nabla f(x_k), \qquad x_{k+1} = x_k + d_k , \f]
/// stopping at the first k with \f$ \|\nabla f(x_k)\|_2 \le \mathrm{tol} \f$ (converged) or at
/// k = max_iter (not converged). The linear system is solved by Gaussian elimination with
/// partial pivoting, never with an inverse.
///
/// \param A the quadratic part \f$ A \sim (n, n) \f$ (symmetric)
/// \param b the linear part \f$ b \sim (n) \f$
/// \param c the weight of the quartic term (\f$ \ge 0 \f$; 0: a quadratic)
/// \param x0 the start \f$ x_0 \sim (n) \f$, n >= 1
/// \param tol the tolerance of the stopping rule (\f$ \ge 0 \f$)
/// \param max_iter the most steps allowed
/// \throws dlmath::shape_error when A is not (n, n) or b is not (n) for x0 ~ (n)
/// \throws dlmath::domain_error when x0 is empty, an entry of A, b or x0 is NaN or infinite,
///         c is negative, NaN or infinite, tol is negative, NaN or infinite, or a Hessian is
///         singular (no nonzero pivot in a column of the elimination)
NewtonMinimizeResult newton_minimize(const Matrix& A, const Vector& b, double c, const Vector& x0, double tol,
                                     std::size_t max_iter);

}  // namespace dlmath::exercises
