// Chapter 3, changes of variables and Taylor polynomials — reference twin
// (the only twin).
//
// Rules of this file: each function reads like its formula; plain loops;
// no intrinsics, no OpenMP.

#include "dlmath/reference/numerical/calculus.hpp"

#include <cmath>
#include <cstddef>
#include <numbers>

#include "dlmath/detail/checks/numerical.hpp"

namespace dlmath::reference {

Vector polar_to_cartesian(const Vector& polar) {
    detail::check_plane_point(detail::fn::polar_to_cartesian, polar, "polar");
    const double r = polar(0), theta = polar(1);
    detail::check_polar(detail::fn::polar_to_cartesian, r, theta, false);
    return {r * std::cos(theta), r * std::sin(theta)};
}

Vector cartesian_to_polar(const Vector& cartesian) {
    detail::check_plane_point(detail::fn::cartesian_to_polar, cartesian, "cartesian");
    const double x = cartesian(0), y = cartesian(1);
    return {std::hypot(x, y), std::atan2(y, x)};
}

//! [polar_jacobian]
Matrix polar_jacobian(double r, double theta) {
    detail::check_polar(detail::fn::polar_jacobian, r, theta, false);
    // J = d(x, y) / d(r, theta), x = r cos(theta), y = r sin(theta)
    const double c = std::cos(theta), s = std::sin(theta);
    return {{c, -r * s},   // dx/dr, dx/dtheta
            {s, r * c}};  // dy/dr, dy/dtheta
}
//! [polar_jacobian]

Matrix polar_jacobian_cartesian(double x, double y) {
    detail::check_polar_jacobian_cartesian(x, y);
    const double r = std::hypot(x, y);
    // cos(theta) = x / r, sin(theta) = y / r, r sin(theta) = y, r cos(theta) = x
    return {{x / r, -y}, {y / r, x}};
}

//! [polar_jacobian_inverse]
Matrix polar_jacobian_inverse(double r, double theta) {
    detail::check_polar(detail::fn::polar_jacobian_inverse, r, theta, true);
    // J^-1 = adj(J) / det J with det J = r
    const double c = std::cos(theta), s = std::sin(theta);
    return {{c, s}, {-s / r, c / r}};
}
//! [polar_jacobian_inverse]

//! [integrate_polar]
double integrate_polar(const PlaneFunction& f, double R, std::size_t n) {
    detail::check_disc_integral(detail::fn::integrate_polar, f, R, n);
    // int_0^R int_0^2pi f(r cos t, r sin t) |det J| dt dr, |det J| = r; midpoints of n x n cells
    const double dr = R / static_cast<double>(n), dt = 2.0 * std::numbers::pi / static_cast<double>(n);
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double r = (static_cast<double>(i) + 0.5) * dr;
        for (std::size_t k = 0; k < n; ++k) {
            const double t = (static_cast<double>(k) + 0.5) * dt;
            sum += f(r * std::cos(t), r * std::sin(t)) * r;  // the area element r dr dt
        }
    }
    return sum * dr * dt;
}
//! [integrate_polar]

double integrate_disc_cartesian(const PlaneFunction& f, double R, std::size_t n) {
    detail::check_disc_integral(detail::fn::integrate_disc_cartesian, f, R, n);
    // int int_{x^2 + y^2 <= R^2} f(x, y) dx dy; midpoints of n x n cells of [-R, R]^2
    const double d = 2.0 * R / static_cast<double>(n);
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = -R + (static_cast<double>(i) + 0.5) * d;
        for (std::size_t k = 0; k < n; ++k) {
            const double y = -R + (static_cast<double>(k) + 0.5) * d;
            if (x * x + y * y <= R * R) sum += f(x, y);
        }
    }
    return sum * d * d;
}

//! [taylor_polynomial]
double taylor_polynomial(const Vector& derivatives, double x0, double x) {
    detail::check_taylor_polynomial(derivatives, x0, x);
    // T_K(x) = sum_k f^(k)(x0) / k! (x - x0)^k, by Horner's rule from k = K down:
    // T = c_0 + dx (c_1 + dx (c_2 + ...)), c_k = f^(k)(x0) / k!
    const std::size_t K1 = derivatives.size();
    if (K1 == 0) return 0.0;
    const double dx = x - x0;
    double k_factorial = 1.0;
    for (std::size_t k = 2; k < K1; ++k) k_factorial *= static_cast<double>(k);  // K!
    double T = 0.0;
    for (std::size_t k = K1; k-- > 0;) {
        T = T * dx + derivatives(k) / k_factorial;
        if (k > 1) k_factorial /= static_cast<double>(k);  // k! -> (k - 1)!
    }
    return T;
}
//! [taylor_polynomial]

double linear_approximation(double f0, const Vector& g, const Vector& x0, const Vector& x) {
    detail::check_approximation(detail::fn::linear_approximation, f0, g, x0, x);
    // f(x0) + g^T (x - x0)
    double s = f0;
    for (std::size_t i = 0; i < x.size(); ++i) s += g(i) * (x(i) - x0(i));
    return s;
}

//! [quadratic_approximation]
double quadratic_approximation(double f0, const Vector& g, const Matrix& H, const Vector& x0, const Vector& x) {
    detail::check_quadratic_approximation(f0, g, H, x0, x);
    // f(x0) + g^T d + 1/2 d^T H d, d = x - x0
    const std::size_t n = x.size();
    const Vector d = x - x0;
    double first = 0.0, second = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        first += g(i) * d(i);
        for (std::size_t j = 0; j < n; ++j) second += d(i) * H(i, j) * d(j);
    }
    return f0 + first + 0.5 * second;
}
//! [quadratic_approximation]

}  // namespace dlmath::reference
