/// \file
/// \brief Chapter 3's input checks: one `check_<function>` per public
/// function, called first thing by both twins, so that the reference and the
/// fast function reject exactly the same inputs with the same message. Each
/// function's name is written once, in `fn::`. One block per area of the
/// chapter, each with its own `fn` names.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dlmath/detail/checks/common.hpp"

namespace dlmath::detail {

// ------------------------------------------------------------- floating point and summation

// ------------------------------------------------------------- stable formulas

// ------------------------------------------------------------- derivatives, changes of variables, Taylor

// ------------------------------------------------------------- conditioning, integration, Newton

/// The names of the conditioning, quadrature and Newton functions, as the messages write them.
namespace fn {
inline constexpr std::string_view solve_perturbation = "solve_perturbation";
inline constexpr std::string_view riemann_left = "riemann_left", riemann_midpoint = "riemann_midpoint",
                                  trapezoid = "trapezoid", simpson = "simpson";
inline constexpr std::string_view newton = "newton", newton_minimize = "newton_minimize", bisect = "bisect",
                                  newton_step = "newton_step", convergence_order = "convergence_order";
}  // namespace fn

/// `solve_perturbation(A, b, db)`: A square, b and db of its order, all finite, b not zero
/// (the relative change of b is \f$ \|\delta b\| / \|b\| \f$).
inline void check_solve_perturbation(const Matrix& A, const Vector& b, const Vector& db) {
    require_square(fn::solve_perturbation, A);
    require_rhs_rows(fn::solve_perturbation, A, b);
    require_rhs_rows(fn::solve_perturbation, A, db, "A", "db");
    require_finite(fn::solve_perturbation, A);
    require_finite(fn::solve_perturbation, b, "b");
    require_finite(fn::solve_perturbation, db, "db");
    bool zero = true;
    for (std::size_t i = 0; i < b.size(); ++i) zero = zero && b(i) == 0.0;
    if (zero) {
        throw domain_error(message(fn::solve_perturbation, ": b must not be zero (b is ", shape_string(b),
                                   "; the relative change ||db|| / ||b|| is undefined)"));
    }
}

/// A composite rule on [a, b] with n panels: a and b finite, n >= 1.
inline void check_quadrature(std::string_view function, double a, double b, std::size_t n) {
    if (!std::isfinite(a) || !std::isfinite(b)) {
        throw domain_error(message(function, ": the limits must be finite (got a = ", a, ", b = ", b, ")"));
    }
    if (n == 0) throw domain_error(message(function, ": n must be at least 1 panel (got n = 0)"));
}

/// `simpson(f, a, b, n)`: as every rule, and n even (the rule fits a parabola to each pair
/// of panels).
inline void check_simpson(double a, double b, std::size_t n) {
    check_quadrature(fn::simpson, a, b, n);
    if (n % 2 != 0) {
        throw domain_error(message(fn::simpson, ": n must be an even number of panels (got n = ", n,
                                   "; Simpson's rule fits one parabola to each pair of panels)"));
    }
}

/// An iteration's settings: x0 finite, tol finite and >= 0.
inline void check_iteration(std::string_view function, double x0, double tol) {
    if (!std::isfinite(x0)) throw domain_error(message(function, ": x0 must be finite (got x0 = ", x0, ")"));
    require_nonnegative(function, "tol", tol);
}

/// `bisect(f, a, b, xtol)`: finite limits with a < b, xtol finite and >= 0.
inline void check_bisect_bracket(double a, double b, double xtol) {
    if (!std::isfinite(a) || !std::isfinite(b) || !(a < b)) {
        throw domain_error(message(fn::bisect, ": the bracket must be finite with a < b (got a = ", a, ", b = ", b,
                                   ")"));
    }
    require_nonnegative(fn::bisect, "xtol", xtol);
}

/// `bisect`: f(a) and f(b) finite and of opposite signs (a zero at either end is allowed).
inline void check_bisect_signs(double a, double b, double fa, double fb) {
    if (!std::isfinite(fa) || !std::isfinite(fb) || (fa > 0.0 && fb > 0.0) || (fa < 0.0 && fb < 0.0)) {
        throw domain_error(message(fn::bisect, ": f(a) and f(b) must be finite and of opposite signs (f(", a,
                                   ") = ", fa, ", f(", b, ") = ", fb, ")"));
    }
}

/// `newton_step(x, g, H)`: H square of x's order, g of x's order, all finite.
inline void check_newton_step(const Vector& x, const Vector& g, const Matrix& H) {
    require_square(fn::newton_step, H, "H");
    require_rhs_rows(fn::newton_step, H, x, "H", "x");
    require_rhs_rows(fn::newton_step, H, g, "H", "g");
    require_finite(fn::newton_step, x, "x");
    require_finite(fn::newton_step, g, "g");
    require_finite(fn::newton_step, H, "H");
}

/// `convergence_order(iterates, root)`: a finite root, finite iterates.
inline void check_convergence_order(const std::vector<double>& iterates, double root) {
    if (!std::isfinite(root)) {
        throw domain_error(message(fn::convergence_order, ": root must be finite (got root = ", root, ")"));
    }
    for (std::size_t k = 0; k < iterates.size(); ++k) {
        if (!std::isfinite(iterates[k])) {
            throw domain_error(message(fn::convergence_order, ": iterate ", k, " is not finite (", iterates[k], ")"));
        }
    }
}

}  // namespace dlmath::detail
