// Chapter 3, derivatives by finite differences — reference twin.
//
// Rules of this file: each function reads like its formula; plain loops over
// the coordinates in order; no intrinsics, no OpenMP. The one-coordinate
// pieces (a partial derivative, a Jacobian column, a Hessian entry) live in
// dlmath/detail/composites/derivatives.hpp, shared with the fast twin.

#include "dlmath/reference/numerical/derivatives.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include "dlmath/detail/checks/numerical.hpp"
#include "dlmath/detail/composites/derivatives.hpp"

namespace dlmath::reference {
namespace {

double inf_norm(const Vector& v) {
    double m = 0.0;
    for (std::size_t i = 0; i < v.size(); ++i) m = std::max(m, std::fabs(v(i)));
    return m;
}

double two_norm(const Vector& v) {
    double s = 0.0;
    for (std::size_t i = 0; i < v.size(); ++i) s += v(i) * v(i);
    return std::sqrt(s);
}

// The step t along v of directional_derivative and jvp: a step of
// cbrt(eps) max(1, |x|_inf) in the largest coordinate of t v.
double step_along(const Vector& x, const Vector& v) {
    return std::cbrt(detail::fd_epsilon) * std::max(1.0, inf_norm(x)) / inf_norm(v);
}

Matrix hessian_with(const Objective& f, const Vector& x, double h) {
    // x ~ (n), H ~ (n, n), filled from the upper triangle
    const std::size_t n = x.size();
    Matrix H = Matrix::from_shape({n, n});
    Vector xw = x;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i; j < n; ++j) {
            H(i, j) = detail::hessian_entry(f, xw, i, j, h);
            H(j, i) = H(i, j);
        }
    }
    return H;
}

}  // namespace

double forward_step(double x) { return detail::forward_step(x); }
double central_step(double x) { return detail::central_step(x); }

//! [forward_difference]
double forward_difference(const ScalarFunction& f, double x, double h) {
    detail::check_difference(detail::fn::forward_difference, f, x, h, true);
    // f'(x) ~ (f(x + h) - f(x)) / h, divided by the step actually taken
    const double x_plus = x + h;
    return (f(x_plus) - f(x)) / (x_plus - x);
}
//! [forward_difference]

double forward_difference(const ScalarFunction& f, double x) {
    detail::check_difference(detail::fn::forward_difference, f, x, 0.0, false);
    return forward_difference(f, x, forward_step(x));
}

//! [central_difference]
double central_difference(const ScalarFunction& f, double x, double h) {
    detail::check_difference(detail::fn::central_difference, f, x, h, true);
    // f'(x) ~ (f(x + h) - f(x - h)) / 2h: the h^2 f''/2 terms cancel, the error is h^2 f'''/6
    const double x_plus = x + h, x_minus = x - h;
    return (f(x_plus) - f(x_minus)) / (x_plus - x_minus);
}
//! [central_difference]

double central_difference(const ScalarFunction& f, double x) {
    detail::check_difference(detail::fn::central_difference, f, x, 0.0, false);
    return central_difference(f, x, central_step(x));
}

//! [gradient]
Vector gradient(const Objective& f, const Vector& x) {
    return detail::gradient_by(f, x, 0.0, false, detail::SerialCoordinates{});  // h_j = central_step(x_j)
}
//! [gradient]

Vector gradient(const Objective& f, const Vector& x, double h) {
    return detail::gradient_by(f, x, h, true, detail::SerialCoordinates{});
}

//! [directional_derivative]
double directional_derivative(const Objective& f, const Vector& x, const Vector& v) {
    detail::check_along(detail::fn::directional_derivative, f, x, v);
    if (inf_norm(v) == 0.0) return 0.0;  // D_0 f = 0
    // D_v f(x) ~ (f(x + t v) - f(x - t v)) / 2t
    const double t = step_along(x, v);
    return (f(x + t * v) - f(x - t * v)) / (2.0 * t);
}
//! [directional_derivative]

Matrix jacobian(const VectorFunction& F, const Vector& x) {
    return detail::jacobian_by(F, x, 0.0, false, detail::SerialCoordinates{});
}

Matrix jacobian(const VectorFunction& F, const Vector& x, double h) {
    return detail::jacobian_by(F, x, h, true, detail::SerialCoordinates{});
}

Matrix hessian(const Objective& f, const Vector& x) {
    detail::check_gradient(detail::fn::hessian, f, x, 0.0, false);
    return hessian_with(f, x, 0.0);
}

Matrix hessian(const Objective& f, const Vector& x, double h) {
    detail::check_gradient(detail::fn::hessian, f, x, h, true);
    return hessian_with(f, x, h);
}

//! [jvp]
Vector jvp(const VectorFunction& F, const Vector& x, const Vector& v) {
    detail::check_along(detail::fn::jvp, F, x, v);
    const std::size_t m = F(x).size();
    if (inf_norm(v) == 0.0) return xt::zeros<double>({m});  // J 0 = 0
    // J v ~ (F(x + t v) - F(x - t v)) / 2t
    const double t = step_along(x, v);
    const Vector F_plus = F(x + t * v), F_minus = F(x - t * v);
    detail::check_jvp_output(m, F_plus.size());
    detail::check_jvp_output(m, F_minus.size());
    Vector Jv = Vector::from_shape({m});
    for (std::size_t i = 0; i < m; ++i) Jv(i) = (F_plus(i) - F_minus(i)) / (2.0 * t);
    return Jv;
}
//! [jvp]

//! [vjp]
Vector vjp(const VectorFunction& F, const Vector& x, const Vector& w) {
    detail::check_gradient(detail::fn::vjp, F, x, 0.0, false);
    detail::check_vjp_weights(F(x).size(), w);
    // (w^T J)_j = sum_i w_i dF_i/dx_j = d<w, F>/dx_j
    const std::size_t n = x.size(), m = w.size();
    Vector wJ = Vector::from_shape({n});
    Vector xw = x, column = Vector::from_shape({m});
    for (std::size_t j = 0; j < n; ++j) {
        detail::check_output_length(detail::fn::vjp, m, detail::central_column(F, xw, j, 0.0, m, column), j);
        double s = 0.0;
        for (std::size_t i = 0; i < m; ++i) s += w(i) * column(i);
        wJ(j) = s;
    }
    return wJ;
}
//! [vjp]

//! [gradient_check]
double gradient_check(const Objective& f, const VectorFunction& grad, const Vector& x) {
    detail::check_gradient(detail::fn::gradient_check, f, x, 0.0, false);
    detail::require_callable(detail::fn::gradient_check, grad, "grad");
    const Vector g = grad(x);
    detail::check_gradient_length(x.size(), g.size());
    const Vector g_fd = detail::gradient_by(f, x, 0.0, false, detail::SerialCoordinates{});
    // |g - g_fd| / max(|g|, |g_fd|, tiny)
    const double tiny = std::numeric_limits<double>::min();
    return two_norm(g - g_fd) / std::max({two_norm(g), two_norm(g_fd), tiny});
}
//! [gradient_check]

//! [linear_weight_jacobian]
Tensor3 linear_weight_jacobian(std::size_t o, const Vector& x) {
    detail::check_linear_weight_jacobian(x);
    // y = W x, W ~ (o, d): dy_i / dW_kj = delta_ik x_j, T ~ (o, o, d)
    const std::size_t d = x.size();
    Tensor3 T = xt::zeros<double>({o, o, d});
    for (std::size_t i = 0; i < o; ++i) {
        for (std::size_t j = 0; j < d; ++j) T(i, i, j) = x(j);  // only k = i is nonzero
    }
    return T;
}
//! [linear_weight_jacobian]

}  // namespace dlmath::reference
