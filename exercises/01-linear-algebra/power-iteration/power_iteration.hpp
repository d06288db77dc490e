/// \file
/// \brief Exercise (chapter 1): power iteration for the dominant eigenpair.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// What power iteration found, and whether it converged.
struct PowerIterationResult {
    double eigenvalue = 0.0;  ///< the Rayleigh quotient \f$ \lambda = x^\top A x \f$ of the last iterate
    Vector eigenvector;       ///< the last iterate \f$ x \f$, with \f$ \|x\|_2 = 1 \f$
    int iterations = 0;       ///< matrix–vector products performed, at most `max_iterations`
    bool converged = false;   ///< whether \f$ \|Ax - \lambda x\|_2 \le \text{tolerance} \cdot |\lambda| \f$ was reached
};

/// Power iteration (see \ref exercise_power_iteration): repeat
/// \f[ x \leftarrow \frac{A x}{\|A x\|_2}, \qquad \lambda = x^\top A x \f]
/// until the residual \f$ \|Ax - \lambda x\|_2 \le \text{tolerance} \cdot |\lambda| \f$
/// or \p max_iterations products have been made. Each product \f$ Ax \f$
/// serves twice: it gives the Rayleigh quotient and the residual of
/// \f$ x \f$, and, normalised, the next iterate. The result is the last
/// iterate whose Rayleigh quotient was computed, so after \f$ t \f$ products
/// it is \f$ A^{j} x_0 / \|A^{j} x_0\|_2 \f$ with \f$ j \le t - 1 \f$.
///
/// \param A a square matrix \f$ A \sim (n, n) \f$, \f$ n \ge 1 \f$
/// \param x0 the start vector \f$ x_0 \sim (n) \f$, not zero
/// \param max_iterations at most this many products (\f$ \ge 1 \f$)
/// \param tolerance relative residual to reach (\f$ > 0 \f$)
/// \returns the eigenpair estimate; `converged` is false when the iteration
///          stopped at \p max_iterations (e.g. two eigenvalues of equal magnitude)
/// \throws dlmath::shape_error when \p A is not square, is empty, or \p x0 has the wrong length
/// \throws dlmath::domain_error when \p x0 is zero, \f$ Ax = 0 \f$ is reached, or the
///         iteration limits are not positive
PowerIterationResult power_iteration(const Matrix& A, const Vector& x0, int max_iterations = 1000,
                                     double tolerance = 1e-12);

}  // namespace dlmath::exercises
