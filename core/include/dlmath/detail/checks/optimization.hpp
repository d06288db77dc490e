/// \file
/// \brief Chapter 4's input checks: one `check_<function>` per public
/// function, called first thing by both twins, so that the reference and the
/// fast function reject exactly the same inputs with the same message. Each
/// function's name is written once, in `fn::`. One block per area of the
/// chapter (objectives, gradient methods, momentum and adaptive methods,
/// second-order methods, constrained problems, empirical risk, batched
/// optimisers), each with its own `fn` names.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

#include "dlmath/detail/checks/common.hpp"
#include "dlmath/optimization.hpp"

namespace dlmath::detail {

// ------------------------------------------------------------- shared by every optimiser

/// An optimiser's objective, start and options: value and gradient present,
/// the start of the objective's dimension with finite entries, tolerances
/// finite and >= 0, at least one iteration, a positive divergence threshold.
inline void check_optimizer_inputs(std::string_view function, const Objective& f, const Vector& x0,
                                   const OptimizeOptions& o) {
    if (!f.value || !f.gradient) {
        throw domain_error(message(function, ": the objective needs a value and a gradient"));
    }
    if (x0.size() != f.dim) {
        throw shape_error(message(function, ": the start has ", x0.size(), " entries but the objective ",
                                  f.name.empty() ? std::string("f") : f.name, " takes ", f.dim));
    }
    for (std::size_t i = 0; i < x0.size(); ++i) {
        if (!std::isfinite(x0(i))) {
            throw domain_error(message(function, ": the start must be finite (x0[", i, "] = ", x0(i), ")"));
        }
    }
    if (!(o.gradient_tolerance >= 0.0) || !std::isfinite(o.gradient_tolerance)) {
        throw domain_error(message(function, ": gradient_tolerance must be finite and >= 0 (got ",
                                   o.gradient_tolerance, ")"));
    }
    if (!(o.step_tolerance >= 0.0) || !std::isfinite(o.step_tolerance)) {
        throw domain_error(message(function, ": step_tolerance must be finite and >= 0 (got ", o.step_tolerance, ")"));
    }
    if (o.max_iterations == 0) {
        throw domain_error(message(function, ": max_iterations must be >= 1 (got 0)"));
    }
    if (!(o.divergence_threshold > 0.0)) {
        throw domain_error(message(function, ": divergence_threshold must be > 0 (got ", o.divergence_threshold, ")"));
    }
}

/// A step size, learning rate or other named parameter that must be finite and > 0.
inline void check_positive(std::string_view function, std::string_view name, double v) {
    if (!(v > 0.0) || !std::isfinite(v)) {
        throw domain_error(message(function, ": ", name, " must be finite and > 0 (got ", name, " = ", v, ")"));
    }
}

/// A decay or momentum parameter in [0, 1).
inline void check_unit_interval(std::string_view function, std::string_view name, double v) {
    if (!(v >= 0.0 && v < 1.0)) {
        throw domain_error(message(function, ": ", name, " must lie in [0, 1) (got ", name, " = ", v, ")"));
    }
}

// ------------------------------------------------------------- gradient methods (4.2)

namespace fn {
inline constexpr std::string_view random_search = "random_search", gradient_descent = "gradient_descent",
                                  optimal_step = "optimal_step",
                                  gradient_descent_optimal_step = "gradient_descent_optimal_step",
                                  backtracking_line_search = "backtracking_line_search",
                                  gradient_descent_backtracking = "gradient_descent_backtracking",
                                  line_search = "line_search";
}  // namespace fn

/// `random_search(f, x0, radius, samples, seed, options)`: a positive radius and at least one sample.
inline void check_random_search(double radius, std::size_t samples) {
    check_positive(fn::random_search, "radius", radius);
    if (samples == 0) throw domain_error(message(fn::random_search, ": samples must be >= 1 (got samples = 0)"));
}

/// A parameter that must lie strictly inside (0, 1): Armijo's c1, the shrink factor rho.
inline void check_open_unit_interval(std::string_view function, std::string_view name, double v) {
    if (!(v > 0.0 && v < 1.0)) {
        throw domain_error(message(function, ": ", name, " must lie in (0, 1) (got ", name, " = ", v, ")"));
    }
}

/// `optimal_step(g, H)`: H square with g's dimension.
inline void check_optimal_step(const Vector& g, const Matrix& H) {
    if (H.shape(0) != g.size() || H.shape(1) != g.size()) {
        throw shape_error(message(fn::optimal_step, ": H is (", H.shape(0), ", ", H.shape(1), ") but g has ",
                                  g.size(), " entries (H must be (", g.size(), ", ", g.size(), "))"));
    }
}

/// A line search's objective, point and direction: value and gradient present, x and d of the
/// objective's dimension with finite entries.
inline void check_line_search_inputs(std::string_view function, const Objective& f, const Vector& x, const Vector& d) {
    if (!f.value || !f.gradient) {
        throw domain_error(message(function, ": the objective needs a value and a gradient"));
    }
    if (x.size() != f.dim || d.size() != f.dim) {
        throw shape_error(message(function, ": x has ", x.size(), " entries and d has ", d.size(),
                                  " but the objective takes ", f.dim));
    }
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!std::isfinite(x(i)) || !std::isfinite(d(i))) {
            throw domain_error(message(function, ": x and d must be finite (x[", i, "] = ", x(i), ", d[", i,
                                       "] = ", d(i), ")"));
        }
    }
}

/// Backtracking (Armijo): a positive first step alpha0, rho and c1 in (0, 1).
inline void check_backtracking(std::string_view function, double alpha0, double rho, double c1) {
    check_positive(function, "alpha0", alpha0);
    check_open_unit_interval(function, "rho", rho);
    check_open_unit_interval(function, "c1", c1);
}

/// A budget of trials (a line search's max_steps or max_evaluations): at least one.
inline void check_budget(std::string_view function, std::string_view name, std::size_t n) {
    if (n == 0) throw domain_error(message(function, ": ", name, " must be >= 1 (got 0)"));
}

/// Strong Wolfe: 0 < c1 < c2 < 1, a positive first step alpha0 <= alpha_max.
inline void check_wolfe(double alpha0, double c1, double c2, double alpha_max) {
    if (!(c1 > 0.0 && c1 < c2 && c2 < 1.0)) {
        throw domain_error(message(fn::line_search, ": the Wolfe constants need 0 < c1 < c2 < 1 (got c1 = ", c1,
                                   ", c2 = ", c2, ")"));
    }
    check_positive(fn::line_search, "alpha0", alpha0);
    check_positive(fn::line_search, "alpha_max", alpha_max);
    if (alpha0 > alpha_max) {
        throw domain_error(message(fn::line_search, ": alpha0 = ", alpha0, " exceeds alpha_max = ", alpha_max));
    }
}

}  // namespace dlmath::detail
