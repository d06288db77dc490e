/// \file
/// \brief Chapter 4, gradient descent and line searches — reference twin:
/// random search, gradient descent with a fixed step, with the optimal step
/// \f$ \varepsilon^* = g^\top g / g^\top H g \f$ and with a backtracking
/// (Armijo) line search, and a line search meeting the strong Wolfe
/// conditions (SciPy's `line_search`), used later by BFGS.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "dlmath/optimization.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter4
/// \brief The step a line search accepted along a direction d from x.
///
/// When `ok`, \f$ x + \alpha d \f$ meets the search's conditions; otherwise `reason` says why
/// not (not_descent: \f$ \nabla f(x)^\top d \ge 0 \f$; non_finite: the objective returned NaN or
/// an infinite value; line_search_failed: no step met the conditions within the search's
/// budget) and `alpha` is the last step tried.
struct LineSearchResult {
    double alpha = 0.0;                   ///< the step \f$ \alpha \f$
    double value = 0.0;                   ///< \f$ f(x + \alpha d) \f$
    Vector gradient;                      ///< \f$ \nabla f(x + \alpha d) \f$ (Wolfe only; empty after backtracking)
    std::size_t evaluations = 0;          ///< calls of f, the one at x included
    std::size_t gradient_evaluations = 0; ///< calls of the gradient, the one at x included
    bool ok = false;                      ///< the conditions hold at alpha
    StopReason reason = StopReason::line_search_failed;  ///< why not, when !ok
    std::string message;                  ///< the same in words
};

/// \ingroup chapter4
/// \brief Random search, the first optimiser: keep the best of random points around the best so far.
///
/// Each iteration draws `samples` points uniformly from the cube
/// \f$ x_t + [-r, r]^n \f$ (r = radius) and moves to the best of them when it is better than
/// \f$ x_t \f$:
/// \f[ x_{t+1} = \arg\min \{ f(x_t), f(y_1), \ldots, f(y_s) \}. \f]
/// The value never rises, so the result is never worse than the start. A round that finds
/// nothing better is a zero step and stops the run with step_tolerance; NaN values drawn are
/// never better. The gradient is evaluated only at the iterates, for the stopping rule.
/// The same seed gives the same run (std::mt19937_64).
/// \throws dlmath::domain_error if radius is not finite and > 0, samples is 0, or the
/// objective, start or options are bad (check_optimizer_inputs); dlmath::shape_error if the
/// start's dimension is not the objective's.
OptimizeResult random_search(const Objective& f, const Vector& x0, double radius, std::size_t samples,
                             std::uint64_t seed, const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief Gradient descent with a fixed step (PyTorch: `torch.optim.SGD` without momentum).
///
/// \f[ x_{t+1} = x_t - \varepsilon \nabla f(x_t) \f]
///
/// On a quadratic with Hessian eigenvalues \f$ 0 < \lambda_{\min} \le \ldots \le \lambda_{\max} \f$
/// the error shrinks in every eigendirection by \f$ |1 - \varepsilon\lambda_i| \f$: it
/// converges when \f$ \varepsilon < 2/\lambda_{\max} \f$ and diverges (reported as `diverged`)
/// when \f$ \varepsilon > 2/\lambda_{\max} \f$; with \f$ \varepsilon = 1/\lambda_{\max} \f$ the
/// slowest direction shrinks by \f$ 1 - 1/\kappa \f$ per step.
/// \throws dlmath::domain_error if learning_rate is not finite and > 0, or as check_optimizer_inputs.
OptimizeResult gradient_descent(const Objective& f, const Vector& x0, double learning_rate,
                                const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief The optimal step size along \f$ -g \f$ from the second-order Taylor expansion.
///
/// \f[ f(x - \varepsilon g) \approx f(x) - \varepsilon g^\top g + \tfrac12 \varepsilon^2 g^\top H g
///     \quad\Rightarrow\quad \varepsilon^* = \frac{g^\top g}{g^\top H g} \quad (g^\top H g > 0). \f]
///
/// On a quadratic the expansion is exact, so \f$ x - \varepsilon^* g \f$ is the minimiser along
/// the line (exact line search) and \f$ g^\top \nabla f(x - \varepsilon^* g) = 0 \f$.
/// \throws dlmath::shape_error if H is not (n, n) for g of n entries; dlmath::domain_error if
/// \f$ g^\top H g \le 0 \f$ or is not finite (the model has no minimum along -g), which
/// includes g = 0.
double optimal_step(const Vector& g, const Matrix& H);

/// \ingroup chapter4
/// \brief Gradient descent with the optimal step \f$ \varepsilon_t^* = g_t^\top g_t / g_t^\top H_t g_t \f$
/// (exact line search on a quadratic), using `f.hessian`.
///
/// \f[ x_{t+1} = x_t - \varepsilon_t^* g_t, \qquad g_t = \nabla f(x_t), \; H_t = \nabla^2 f(x_t) \f]
///
/// Stops with curvature_not_positive when \f$ g_t^\top H_t g_t \le 0 \f$ (a saddle or a
/// maximum along -g), and with non_finite when H has a NaN or infinite entry. On a convex
/// quadratic every step decreases f; successive steps are orthogonal (the zig-zag), and the
/// error shrinks per step by at most \f$ (\kappa - 1)/(\kappa + 1) \f$ in the A-norm.
/// \throws dlmath::domain_error if the objective has no Hessian, or as check_optimizer_inputs;
/// dlmath::shape_error if the Hessian returned is not (n, n).
OptimizeResult gradient_descent_optimal_step(const Objective& f, const Vector& x0,
                                             const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief Backtracking line search with Armijo's sufficient-decrease condition.
///
/// Tries \f$ \alpha = \alpha_0, \rho\alpha_0, \rho^2\alpha_0, \ldots \f$ and accepts the first with
/// \f[ f(x + \alpha d) \le f(x) + c_1 \alpha \nabla f(x)^\top d. \f]
/// Along a descent direction (\f$ \nabla f(x)^\top d < 0 \f$) such an \f$ \alpha \f$ exists
/// for every smooth f; when \f$ \nabla f(x)^\top d \ge 0 \f$ the result is not_descent, with no
/// step tried. Gives up (line_search_failed) after `max_steps` trials, or non_finite when
/// f(x) or its gradient is not finite. A NaN value at a trial step counts as too large a step.
/// \param f the objective; \param x the point; \param d the direction
/// \param alpha0 the first step (> 0); \param rho the shrink factor in (0, 1); \param c1 Armijo's constant in (0, 1)
/// \param max_steps the most trial steps (>= 1)
/// \throws dlmath::domain_error for alpha0 <= 0, rho or c1 outside (0, 1), max_steps = 0, a
/// non-finite x or d; dlmath::shape_error if x or d is not of the objective's dimension.
LineSearchResult backtracking_line_search(const Objective& f, const Vector& x, const Vector& d, double alpha0 = 1.0,
                                          double rho = 0.5, double c1 = 1e-4, std::size_t max_steps = 60);

/// \ingroup chapter4
/// \brief Gradient descent along \f$ d_t = -\nabla f(x_t) \f$ with a backtracking (Armijo) line search.
///
/// \f[ x_{t+1} = x_t - \alpha_t \nabla f(x_t), \quad \alpha_t = \rho^{k}\alpha_0 \text{ the first with }
///     f(x_{t+1}) \le f(x_t) - c_1 \alpha_t \|\nabla f(x_t)\|^2 \f]
///
/// Every accepted step decreases f by at least \f$ c_1\alpha_t\|\nabla f(x_t)\|^2 \f$. Stops with
/// line_search_failed when 60 halvings find no such step (f flat to rounding) and non_finite
/// when a trial value is NaN at every step tried.
/// \throws dlmath::domain_error for alpha0 <= 0, rho or c1 outside (0, 1), or as check_optimizer_inputs.
OptimizeResult gradient_descent_backtracking(const Objective& f, const Vector& x0, double alpha0 = 1.0,
                                             double rho = 0.5, double c1 = 1e-4,
                                             const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief A line search meeting the strong Wolfe conditions (SciPy: `scipy.optimize.line_search`),
/// by bracketing and zoom (Nocedal and Wright, Algorithms 3.5 and 3.6).
///
/// Finds \f$ \alpha > 0 \f$ with, for \f$ \varphi(\alpha) = f(x + \alpha d) \f$,
/// \f[ \varphi(\alpha) \le \varphi(0) + c_1\alpha\varphi'(0) \quad\text{(sufficient decrease)}, \qquad
///     |\varphi'(\alpha)| \le c_2 |\varphi'(0)| \quad\text{(curvature)}, \f]
/// with \f$ 0 < c_1 < c_2 < 1 \f$. The bracketing phase doubles \f$ \alpha \f$ from alpha0
/// (at most to alpha_max) until an interval must contain such a step; zoom shrinks it, trying
/// the minimiser of the quadratic through \f$ \varphi(\alpha_{lo}), \varphi'(\alpha_{lo}),
/// \varphi(\alpha_{hi}) \f$ (kept inside the middle 80% of the interval, else its midpoint).
/// The result carries \f$ \nabla f(x + \alpha d) \f$, which BFGS needs. not_descent when
/// \f$ \varphi'(0) \ge 0 \f$; line_search_failed after `max_evaluations` trial steps.
/// \throws dlmath::domain_error unless 0 < c1 < c2 < 1 and 0 < alpha0 <= alpha_max, or for
/// max_evaluations = 0 or a non-finite x or d; dlmath::shape_error for a dimension mismatch.
LineSearchResult line_search(const Objective& f, const Vector& x, const Vector& d, double c1 = 1e-4,
                             double c2 = 0.9, double alpha0 = 1.0, double alpha_max = 1e10,
                             std::size_t max_evaluations = 40);

}  // namespace dlmath::reference
