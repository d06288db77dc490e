/// \file
/// \brief Chapter 3, Newton's method and bisection — reference twin: Newton's
/// root finder and its 1-D minimiser, bisection, the multivariate Newton step
/// \f$ x - H^{-1}\nabla f \f$, and the order of convergence measured from the
/// iterates. Reference only: each step is one or two scalar evaluations (or
/// one small solve); there is nothing to spread over threads.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter3
/// \brief How a scalar iteration stopped.
enum class RootStatus {
    converged,        ///< the stopping rule was met
    zero_derivative,  ///< Newton: the derivative at the current iterate is exactly 0 (no step is defined)
    max_iterations,   ///< max_iter steps were taken without meeting the stopping rule
    non_finite,       ///< f, its derivative or the next iterate is NaN or infinite
};

/// \ingroup chapter3
/// \brief The outcome of newton, newton_minimize or bisect (as SciPy's `RootResults`).
///
/// Never NaN: when the iteration cannot go on, `root` is the last finite iterate and
/// `status` and `reason` say why.
struct RootResult {
    double root = 0.0;               ///< the last finite iterate (the root or stationary point when converged)
    std::size_t iterations = 0;      ///< steps taken (Newton updates, or bisection halvings)
    RootStatus status = RootStatus::converged;  ///< why the iteration stopped
    std::string reason;              ///< the same in words, with the values involved
    std::vector<double> iterates;    ///< \f$ x_0, x_1, \ldots \f$ (bisection: the midpoints) when recorded
};

/// \ingroup chapter3
/// \brief Newton's method for a root of f (SciPy: `scipy.optimize.newton(f, x0, fprime)`).
///
/// \f[ x_{k+1} = x_k - \frac{f(x_k)}{f'(x_k)} \f]
///
/// The tangent at \f$ x_k \f$ crosses zero at \f$ x_{k+1} \f$. Stops (converged) when
/// \f$ f(x_k) = 0 \f$ exactly, or after a step with \f$ |x_{k+1} - x_k| \le \mathrm{tol} \f$
/// (SciPy's rule with rtol = 0), returning \f$ x_{k+1} \f$. Otherwise stops with
/// zero_derivative when \f$ f'(x_k) = 0 \f$ (never divides by it), non_finite when
/// \f$ f(x_k) \f$, \f$ f'(x_k) \f$ or \f$ x_{k+1} \f$ is NaN or infinite, and max_iterations
/// after max_iter steps. Convergence: quadratic near a simple root,
/// \f$ |e_{k+1}| \approx \frac{|f''|}{2|f'|} e_k^2 \f$; linear (rate 1/2) at a double root;
/// local only (a start far away may diverge or cycle).
/// \param f the function whose root is sought
/// \param df its derivative \f$ f' \f$
/// \param x0 the start
/// \param tol the step size below which the iteration has converged
/// \param max_iter the most steps taken
/// \param record keep the iterates \f$ x_0, x_1, \ldots \f$ in the result
/// \throws dlmath::domain_error if x0 is NaN/inf or tol is negative, NaN or infinite.
/// \sa newton_minimize, bisect, convergence_order
RootResult newton(const std::function<double(double)>& f, const std::function<double(double)>& df, double x0,
                  double tol = 1.48e-8, std::size_t max_iter = 50, bool record = false);

/// \ingroup chapter3
/// \brief Newton's method for a stationary point of f: Newton's root finder on f'.
///
/// \f[ x_{k+1} = x_k - \frac{f'(x_k)}{f''(x_k)} \f]
///
/// Each step jumps to the minimiser (or maximiser, where f'' < 0) of the second-order Taylor
/// model of f at \f$ x_k \f$: one step reaches the minimiser of a quadratic. The statuses and
/// the stopping rule are newton's, with f' and f'' in place of f and f'; zero_derivative
/// means \f$ f''(x_k) = 0 \f$.
/// \throws dlmath::domain_error if x0 is NaN/inf or tol is negative, NaN or infinite.
RootResult newton_minimize(const std::function<double(double)>& df, const std::function<double(double)>& d2f,
                           double x0, double tol = 1.48e-8, std::size_t max_iter = 50, bool record = false);

/// \ingroup chapter3
/// \brief Bisection on a bracket [a, b] where f changes sign (SciPy: `scipy.optimize.bisect`).
///
/// \f[ c_k = \frac{a_k + b_k}{2}; \quad [a_{k+1}, b_{k+1}] =
///     \begin{cases} [a_k, c_k] & \operatorname{sign} f(c_k) \ne \operatorname{sign} f(a_k) \\ [c_k, b_k] & \text{otherwise} \end{cases} \f]
///
/// The bracket halves every step: \f$ b_k - a_k = (b - a)/2^k \f$, so the midpoint is within
/// \f$ (b - a)/2^{k+1} \f$ of a root, whatever f is (continuous). Stops (converged) when
/// \f$ f(c_k) = 0 \f$ or the half-width \f$ (b_k - a_k)/2 \le \mathrm{xtol} \f$, or when the
/// bracket cannot shrink further in double; max_iterations after max_iter halvings.
/// `iterations` counts the halvings; the recorded iterates are the midpoints.
/// \throws dlmath::domain_error if a, b are not finite with a < b, xtol is negative, NaN or
/// infinite, or f(a), f(b) are not finite and of opposite signs (the message gives both
/// values). A zero at an end is returned at once.
RootResult bisect(const std::function<double(double)>& f, double a, double b, double xtol = 2e-12,
                  std::size_t max_iter = 100, bool record = false);

/// \ingroup chapter3
/// \brief One multivariate Newton step for a minimum: \f$ x - H^{-1} \nabla f(x) \f$.
///
/// \f[ x_{+} = x - H^{-1} g, \qquad g = \nabla f(x), \quad H = \nabla^2 f(x) \f]
///
/// Solves \f$ H s = g \f$ with chapter 1's solve (never forms \f$ H^{-1} \f$). From the
/// expansion \f$ \nabla f(x + s) \approx \nabla f(x) + H s = 0 \f$. On a quadratic
/// \f$ \tfrac12 x^\top A x - b^\top x \f$ (g = Ax − b, H = A) one step lands on the
/// minimiser \f$ A^{-1} b \f$ from any x. Costs \f$ O(d^3) \f$ per step: why deep learning
/// does not use it on millions of parameters.
/// Shapes: `x ~ (d)`, `g ~ (d)`, `H ~ (d, d)`; returns `(d)`.
/// \throws dlmath::shape_error if H is not square or x, g have another length.
/// \throws dlmath::domain_error if an entry is NaN/inf or H is singular (from solve).
Vector newton_step(const Vector& x, const Vector& g, const Matrix& H);

/// \ingroup chapter3
/// \brief The order of convergence measured from the iterates of a method, given the root.
///
/// \f[ q \approx \frac{\log(e_{k+1}/e_k)}{\log(e_k/e_{k-1})}, \qquad e_k = |x_k - x^*| \f]
///
/// for the last three errors that rounding has not yet swamped: errors at or below
/// \f$ 16 u \max(|x^*|, 2^{-1022}) \f$ are left out. If \f$ e_{k+1} \approx C e_k^q \f$ the ratio
/// tends to q: 2 for Newton near a simple root, 1 for bisection or Newton at a double root.
/// \throws dlmath::domain_error if the root or an iterate is NaN/inf, or fewer than three
/// errors are above the rounding floor (the message gives how many).
double convergence_order(const std::vector<double>& iterates, double root);

}  // namespace dlmath::reference
