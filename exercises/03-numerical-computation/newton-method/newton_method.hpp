/// \file
/// \brief Exercise (chapter 3): Newton's method with a stopping rule, on a polynomial.
#pragma once

#include <cstddef>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// How the iteration stopped.
enum class NewtonStatus {
    converged,        ///< \f$ |p(x)| \le \mathrm{tol} \f$
    zero_derivative,  ///< \f$ p'(x) = 0 \f$: no step is defined
    max_iterations,   ///< max_iter steps taken without meeting the rule
    non_finite,       ///< the next iterate would be NaN or infinite
};

/// The outcome: never NaN; `root` is the last finite iterate.
struct NewtonResult {
    double root;             ///< the last iterate
    std::size_t iterations;  ///< the number of Newton updates performed
    NewtonStatus status;     ///< why the iteration stopped
};

/// Newton's method for a root of the polynomial
/// \f$ p(x) = c_0 + c_1 x + \cdots + c_d x^d \f$ (see \ref exercise_newton_method):
/// \f[ x_{k+1} = x_k - \frac{p(x_k)}{p'(x_k)} , \f]
/// stopping as the statement specifies.
///
/// \param c the coefficients \f$ c_0, \ldots, c_d \f$ (lowest degree first)
/// \param x0 the start
/// \param tol the tolerance of the stopping rule \f$ |p(x_k)| \le \mathrm{tol} \f$
/// \param max_iter the most updates allowed
/// \throws dlmath::shape_error when \p c is empty
/// \throws dlmath::domain_error when an entry of \p c or \p x0 is NaN or infinite, or
///         \p tol is negative, NaN or infinite
NewtonResult newton_polynomial(const Vector& c, double x0, double tol, std::size_t max_iter);

}  // namespace dlmath::exercises
