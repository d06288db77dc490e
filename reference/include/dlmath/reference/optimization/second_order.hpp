/// \file
/// \brief Chapter 4, Newton's method and quasi-Newton methods — reference
/// twin: Newton's method (one linear solve with the Hessian per step), BFGS
/// (a dense inverse-Hessian estimate updated from gradient differences) and
/// L-BFGS (the same estimate kept implicitly as the last M pairs), both with
/// the strong Wolfe line search of section 4.2.
#pragma once

#include <cstddef>

#include "dlmath/optimization.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter4
/// \brief Newton's method for minimisation: the minimiser of the second-order Taylor model at each step.
///
/// \f[ f(x + h) \approx f(x) + \nabla f(x)^\top h + \tfrac12 h^\top H h, \quad
///     \nabla f(x + h) \approx \nabla f(x) + H h = 0 \;\Rightarrow\;
///     H_t d_t = -\nabla f(x_t), \quad x_{t+1} = x_t + d_t \f]
///
/// The system is solved by LU (dlmath::reference::solve), never with an inverse. On a quadratic
/// with positive definite Hessian the model is exact and one step reaches the minimiser. Needs
/// `f.hessian`. A direction that does not descend (\f$ \nabla f^\top d \ge 0 \f$, as at a saddle
/// or a maximum of the model) stops with not_descent; a singular Hessian stops with
/// curvature_not_positive; a Hessian with a NaN or infinite entry stops with non_finite. An
/// indefinite Hessian whose direction still descends is used as it is (pure Newton).
/// Cost per step: \f$ n^2 \f$ numbers for H and \f$ \tfrac23 n^3 \f$ flops for the solve.
/// \throws dlmath::domain_error if the objective has no Hessian, or as check_optimizer_inputs;
/// dlmath::shape_error if the start or the Hessian returned has the wrong shape.
OptimizeResult newton(const Objective& f, const Vector& x0, const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief BFGS (SciPy: `scipy.optimize.minimize(method='BFGS')`): a quasi-Newton method that updates
/// an estimate \f$ H_t \approx (\nabla^2 f)^{-1} \f$ from the step and the change of the gradient.
///
/// \f[ d_t = -H_t \nabla f(x_t), \quad x_{t+1} = x_t + \alpha_t d_t \; (\alpha_t \text{ strong Wolfe},
///     c_1 = 10^{-4}, c_2 = 0.9), \quad s_t = x_{t+1} - x_t, \; y_t = \nabla f(x_{t+1}) - \nabla f(x_t), \f]
/// \f[ H_{t+1} = (I - \rho_t s_t y_t^\top) H_t (I - \rho_t y_t s_t^\top) + \rho_t s_t s_t^\top,
///     \quad \rho_t = 1 / y_t^\top s_t, \f]
/// so that \f$ H_{t+1} y_t = s_t \f$ (the secant condition). \f$ H_0 = I \f$ for the first step;
/// before the first update it is rescaled to \f$ (y_0^\top s_0 / y_0^\top y_0) I \f$ (Nocedal and
/// Wright, 6.20). A pair with \f$ y^\top s \le 0 \f$ (possible only by rounding after a Wolfe
/// step) would break positive definiteness and is skipped. Stops with line_search_failed when
/// the line search finds no Wolfe step, with not_descent if \f$ d_t \f$ does not descend.
/// Memory \f$ n^2 \f$ numbers, work \f$ O(n^2) \f$ per step.
/// \throws dlmath::domain_error, dlmath::shape_error as check_optimizer_inputs.
OptimizeResult bfgs(const Objective& f, const Vector& x0, const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief L-BFGS: BFGS with the estimate kept implicitly as the last `memory` pairs
/// \f$ (s_i, y_i) \f$ and applied by the two-loop recursion.
///
/// \f[ q = \nabla f(x_t); \quad \text{for } i = t-1, \ldots, t-m: \; a_i = \rho_i s_i^\top q,\;
///     q \leftarrow q - a_i y_i; \quad r = \gamma q; \quad \text{for } i = t-m, \ldots, t-1:\;
///     b = \rho_i y_i^\top r,\; r \leftarrow r + (a_i - b) s_i; \quad d_t = -r, \f]
/// with m = min(t, memory) and the same strong Wolfe line search and skipping rule as bfgs.
/// The scaling \f$ \gamma = s^\top y / y^\top y \f$ is taken from the oldest pair kept, so that
/// r is exactly what BFGS started m steps ago (with the scaling 6.20) would compute; with
/// memory >= the number of iterations L-BFGS is BFGS up to rounding. (Nocedal and Wright's
/// 7.20 takes it from the newest pair instead.) Memory \f$ 2 M n \f$ numbers, work
/// \f$ O(M n) \f$ per step, so \f$ O(k M n) \f$ for k steps — linear in n, where BFGS is
/// quadratic.
/// \throws dlmath::domain_error if memory is 0, or as check_optimizer_inputs;
/// dlmath::shape_error as check_optimizer_inputs.
OptimizeResult lbfgs(const Objective& f, const Vector& x0, std::size_t memory = 10,
                     const OptimizeOptions& options = {});

}  // namespace dlmath::reference
