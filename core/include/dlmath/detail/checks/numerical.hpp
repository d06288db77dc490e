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

/// The names of the summation functions, as the messages write them.
namespace fn {
inline constexpr std::string_view sum_in_blocks = "sum_in_blocks";
}  // namespace fn

/// `sum_in_blocks(x, blocks)`: `domain_error` unless there is at least one
/// block (the sums themselves accept every vector: the empty sum is 0, and
/// infinities and NaN give the IEEE sum).
inline void check_sum_in_blocks(std::size_t blocks) {
    if (blocks == 0) throw domain_error(message(fn::sum_in_blocks, ": blocks must be >= 1 (got blocks = 0)"));
}

// ------------------------------------------------------------- stable formulas

namespace fn {
inline constexpr std::string_view logsumexp = "logsumexp", logsumexp_signed = "logsumexp_signed",
                                  softmax = "softmax", log_softmax = "log_softmax", logit = "logit",
                                  cross_entropy_from_logits = "cross_entropy_from_logits",
                                  cross_entropy_from_probabilities = "cross_entropy_from_probabilities";
}  // namespace fn

/// The axis of a matrix reduction: 0 (down each column, one result per
/// column) or 1 (along each row, one result per row), as NumPy's `axis`.
inline void check_axis(std::string_view function, const std::string& shape, int axis) {
    if (axis != 0 && axis != 1) {
        throw domain_error(message(function, ": axis must be 0 (columns) or 1 (rows) (got axis = ", axis,
                                   " for a matrix of shape ", shape, ")"));
    }
}

/// Weights b of a weighted logsumexp: one per term of a.
inline void check_logsumexp_weights(std::string_view function, std::size_t na, std::size_t nb) {
    if (na != nb) {
        throw shape_error(message(function, ": a and b must have the same length (a has ", na, " elements, b has ",
                                  nb, ")"));
    }
}

/// logit(p) is defined for a probability p in [0, 1] (NaN passes through).
inline void check_logit(double p) {
    if (p < 0.0 || p > 1.0) throw domain_error(message(fn::logit, ": p must be in [0, 1] (got p = ", p, ")"));
}

/// A class label for k scores or probabilities: 0 <= label < k, k > 0.
inline void check_label(std::string_view function, std::size_t k, std::size_t label) {
    if (k == 0) throw shape_error(message(function, ": there are no classes (the scores are empty)"));
    if (label >= k) {
        throw domain_error(message(function, ": label must be below the number of classes (got label = ", label,
                                   " for ", k, " classes)"));
    }
}

/// A probability target t for k logits: same length, entries in [0, 1]
/// summing to 1 within 8(k + 1)u.
inline void check_probability_target(std::string_view function, std::size_t k, const double* t, std::size_t nt) {
    if (k == 0) throw shape_error(message(function, ": there are no classes (the logits are empty)"));
    if (nt != k) {
        throw shape_error(message(function, ": the target must have one entry per logit (logits has ", k,
                                  " elements, target has ", nt, ")"));
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < nt; ++i) {
        if (!(t[i] >= 0.0 && t[i] <= 1.0)) {
            throw domain_error(message(function, ": target(", i, ") must be a probability in [0, 1] (got ", t[i], ")"));
        }
        sum += t[i];
    }
    const double tol = 8.0 * static_cast<double>(nt + 1) * unit_roundoff<double>();
    if (std::fabs(sum - 1.0) > tol) {
        throw domain_error(message(function, ": the target must sum to 1 (its ", nt, " entries sum to ", sum, ")"));
    }
}

/// cross_entropy_from_probabilities needs probabilities p in [0, 1].
inline void check_probabilities(std::string_view function, const double* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
            throw domain_error(message(function, ": p(", i, ") must be a probability in [0, 1] (got ", p[i], ")"));
        }
    }
}

// ------------------------------------------------------------- derivatives, changes of variables, Taylor

/// The names of the derivative, change-of-variables and Taylor functions, as
/// the messages write them.
namespace fn {
inline constexpr std::string_view forward_difference = "forward_difference",
                                  central_difference = "central_difference", gradient = "gradient",
                                  directional_derivative = "directional_derivative", jacobian = "jacobian",
                                  hessian = "hessian", jvp = "jvp", vjp = "vjp", gradient_check = "gradient_check",
                                  linear_weight_jacobian = "linear_weight_jacobian";
inline constexpr std::string_view polar_jacobian = "polar_jacobian",
                                  polar_jacobian_cartesian = "polar_jacobian_cartesian",
                                  polar_jacobian_inverse = "polar_jacobian_inverse",
                                  polar_to_cartesian = "polar_to_cartesian",
                                  cartesian_to_polar = "cartesian_to_polar", integrate_polar = "integrate_polar",
                                  integrate_disc_cartesian = "integrate_disc_cartesian",
                                  taylor_polynomial = "taylor_polynomial",
                                  linear_approximation = "linear_approximation",
                                  quadratic_approximation = "quadratic_approximation";
}  // namespace fn

/// Throws `domain_error` when a callable argument is empty (a default-constructed
/// `std::function`): there is nothing to differentiate.
template <class F>
void require_callable(std::string_view function, const F& f, std::string_view name = "f") {
    if (!f) throw domain_error(message(function, ": ", name, " is an empty function"));
}

/// Throws `domain_error` unless the point `x` is finite.
inline void require_finite_point(std::string_view function, double x, std::string_view name = "x") {
    if (!std::isfinite(x)) throw domain_error(message(function, ": ", name, " must be finite (got ", name, " = ", x, ")"));
}

/// Throws `domain_error` unless a user step `h` is finite and > 0.
inline void require_step(std::string_view function, double h) {
    if (!(h > 0.0) || std::isinf(h)) {
        throw domain_error(message(function, ": the step h must be finite and > 0 (got h = ", h, ")"));
    }
}

/// `forward_difference(f, x[, h])` and `central_difference(f, x[, h])`; pass
/// `h = 0` for "the step chosen from epsilon".
template <class F>
void check_difference(std::string_view function, const F& f, double x, double h, bool user_step) {
    require_callable(function, f);
    require_finite_point(function, x);
    if (user_step) require_step(function, h);
}

/// `gradient(f, x[, h])`, `hessian(f, x[, h])`: a finite point of any length (the
/// gradient of a function of no variables is the empty vector).
template <class F>
void check_gradient(std::string_view function, const F& f, const Vector& x, double h, bool user_step) {
    require_callable(function, f);
    require_finite(function, x, "x");
    if (user_step) require_step(function, h);
}

/// `directional_derivative(f, x, v)`, `jvp(F, x, v)`: x and v finite, of one length.
template <class F>
void check_along(std::string_view function, const F& f, const Vector& x, const Vector& v) {
    require_callable(function, f);
    if (x.size() != v.size()) {
        throw shape_error(message(function, ": lengths differ (x has ", x.size(), " elements, v has ", v.size(), ")"));
    }
    require_finite(function, x, "x");
    require_finite(function, v, "v");
}

/// A vector-valued function must return one length at every point: `shape_error`
/// naming the evaluation (the coordinate j of the step) that broke it.
inline void check_output_length(std::string_view function, std::size_t expected, std::size_t got, std::size_t j) {
    if (got != expected) {
        throw shape_error(message(function, ": F returned ", got, " values at the step along coordinate ", j,
                                  " but ", expected, " at x"));
    }
}

/// `jvp(F, x, v)`: F must return at x ± t v as many values as at x.
inline void check_jvp_output(std::size_t expected, std::size_t got) {
    if (got != expected) {
        throw shape_error(message(fn::jvp, ": F returned ", got, " values at a step along v but ", expected, " at x"));
    }
}

/// `vjp(F, x, w)`: w has one entry per output of F (m of them, from F(x)).
inline void check_vjp_weights(std::size_t m, const Vector& w) {
    if (w.size() != m) {
        throw shape_error(message(fn::vjp, ": w must have one entry per output of F (F(x) has ", m,
                                  " values, w has ", w.size(), ")"));
    }
    require_finite(fn::vjp, w, "w");
}

/// `gradient_check(f, grad, x)`: grad(x) must have x's length.
inline void check_gradient_length(std::size_t n, std::size_t got) {
    if (got != n) {
        throw shape_error(message(fn::gradient_check, ": grad(x) has ", got, " entries but x has ", n));
    }
}

/// `linear_weight_jacobian(o, x)`: x finite.
inline void check_linear_weight_jacobian(const Vector& x) { require_finite(fn::linear_weight_jacobian, x, "x"); }

/// The polar functions: finite r >= 0 and theta (r > 0 where the map is
/// inverted, since the inverse Jacobian divides by det J = r).
inline void check_polar(std::string_view function, double r, double theta, bool r_positive) {
    require_finite_point(function, r, "r");
    require_finite_point(function, theta, "theta");
    if (r_positive ? !(r > 0.0) : !(r >= 0.0)) {
        throw domain_error(message(function, ": r must be ", r_positive ? "> 0" : ">= 0", " (got r = ", r, ")"));
    }
}

/// `polar_jacobian_cartesian(x, y)`: finite, and not the origin (where x/r is undefined).
inline void check_polar_jacobian_cartesian(double x, double y) {
    require_finite_point(fn::polar_jacobian_cartesian, x, "x");
    require_finite_point(fn::polar_jacobian_cartesian, y, "y");
    if (x == 0.0 && y == 0.0) {
        throw domain_error(message(fn::polar_jacobian_cartesian, ": the point must not be the origin (x = y = 0)"));
    }
}

/// A point of the plane given as a vector: exactly two finite entries.
inline void check_plane_point(std::string_view function, const Vector& p, std::string_view name) {
    if (p.size() != 2) {
        throw shape_error(message(function, ": ", name, " must have 2 entries (", name, " has ", p.size(), ")"));
    }
    require_finite(function, p, name);
}

/// `integrate_polar(f, R, n)`, `integrate_disc_cartesian(f, R, n)`.
template <class F>
void check_disc_integral(std::string_view function, const F& f, double R, std::size_t n) {
    require_callable(function, f);
    if (!(R > 0.0) || std::isinf(R)) throw domain_error(message(function, ": R must be finite and > 0 (got R = ", R, ")"));
    if (n == 0) throw domain_error(message(function, ": n must be >= 1 (got n = 0)"));
}

/// `taylor_polynomial(derivatives, x0, x)`.
inline void check_taylor_polynomial(const Vector& derivatives, double x0, double x) {
    require_finite(fn::taylor_polynomial, derivatives, "derivatives");
    require_finite_point(fn::taylor_polynomial, x0, "x0");
    require_finite_point(fn::taylor_polynomial, x, "x");
}

/// `linear_approximation(f0, g, x0, x)`, `quadratic_approximation(f0, g, H, x0, x)`:
/// g, x0 and x of one length n, H of shape (n, n), everything finite.
inline void check_approximation(std::string_view function, double f0, const Vector& g, const Vector& x0,
                                const Vector& x) {
    require_finite_point(function, f0, "f0");
    if (g.size() != x0.size() || x.size() != x0.size()) {
        throw shape_error(message(function, ": lengths differ (g has ", g.size(), " entries, x0 ", x0.size(), ", x ",
                                  x.size(), ")"));
    }
    require_finite(function, g, "g");
    require_finite(function, x0, "x0");
    require_finite(function, x, "x");
}
inline void check_quadratic_approximation(double f0, const Vector& g, const Matrix& H, const Vector& x0,
                                          const Vector& x) {
    check_approximation(fn::quadratic_approximation, f0, g, x0, x);
    if (H.shape(0) != g.size() || H.shape(1) != g.size()) {
        throw shape_error(message(fn::quadratic_approximation, ": H must be ", g.size(), "x", g.size(), " (H is ",
                                  shape_string(H), ")"));
    }
    require_finite(fn::quadratic_approximation, H, "H");
}


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
