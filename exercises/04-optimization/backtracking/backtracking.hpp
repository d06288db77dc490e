/// \file
/// \brief Exercise (chapter 4): the Armijo backtracking line search.
#pragma once

#include <cstddef>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The outcome of backtracking.
struct BacktrackingResult {
    double alpha;             ///< the accepted step \f$ \alpha = \alpha_0 \rho^k \f$
    std::size_t evaluations;  ///< the evaluations of f made, the one at x included
};

/// The Armijo backtracking line search (see \ref exercise_backtracking) on the quadratic
/// \f$ f(x) = \tfrac12 x^\top A x - b^\top x \f$ (\f$ \nabla f(x) = A x - b \f$ for a symmetric A): with
/// \f$ s = \nabla f(x)^\top d < 0 \f$, try \f$ \alpha = \alpha_0, \rho\alpha_0, \rho^2\alpha_0, \ldots \f$
/// and accept the first with the sufficient decrease
/// \f[ f(x + \alpha d) \le f(x) + c_1 \alpha s . \f]
///
/// \param A the symmetric matrix of the quadratic, \f$ A \sim (n, n) \f$
/// \param b \f$ b \sim (n) \f$
/// \param x the point \f$ x \sim (n) \f$
/// \param d the direction \f$ d \sim (n) \f$, a descent direction (\f$ s < 0 \f$)
/// \param alpha0 the first trial step, finite and \f$ > 0 \f$
/// \param rho the shrink factor, \f$ 0 < \rho < 1 \f$
/// \param c1 the sufficient-decrease constant, \f$ 0 < c_1 < 1 \f$
/// \param max_shrinks the most shrinks allowed
/// \throws dlmath::shape_error when A is not n x n or b, x and d do not all have length n
/// \throws dlmath::domain_error when an entry of A, b, x or d is NaN or infinite, a
///         parameter is outside its range, d does not descend (\f$ s \ge 0 \f$), or no trial
///         step within max_shrinks shrinks decreases f enough
BacktrackingResult backtracking(const Matrix& A, const Vector& b, const Vector& x, const Vector& d, double alpha0, double rho, double c1,
                                std::size_t max_shrinks);

}  // namespace dlmath::exercises
