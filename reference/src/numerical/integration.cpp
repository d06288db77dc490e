// Chapter 3, integration — reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP.

#include "dlmath/reference/numerical/integration.hpp"

#include <cstddef>

#include "dlmath/detail/checks/numerical.hpp"
#include "dlmath/detail/quadrature.hpp"

namespace dlmath::reference {

//! [riemann_left]
double riemann_left(const std::function<double(double)>& f, double a, double b, std::size_t n) {
    detail::check_quadrature(detail::fn::riemann_left, a, b, n);
    const double h = (b - a) / static_cast<double>(n);

    // h * sum_{i=0}^{n-1} f(x_i): the height of each panel taken at its left end
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) s += f(detail::quadrature_node(a, b, h, i, n));
    return h * s;
}
//! [riemann_left]

//! [riemann_midpoint]
double riemann_midpoint(const std::function<double(double)>& f, double a, double b, std::size_t n) {
    detail::check_quadrature(detail::fn::riemann_midpoint, a, b, n);
    const double h = (b - a) / static_cast<double>(n);

    // h * sum_{i=0}^{n-1} f(a + (i + 1/2) h): the height taken at the middle of each panel
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) s += f(detail::quadrature_midpoint(a, h, i));
    return h * s;
}
//! [riemann_midpoint]

//! [trapezoid]
double trapezoid(const std::function<double(double)>& f, double a, double b, std::size_t n) {
    detail::check_quadrature(detail::fn::trapezoid, a, b, n);
    const double h = (b - a) / static_cast<double>(n);

    // h * (f(x_0)/2 + f(x_1) + ... + f(x_{n-1}) + f(x_n)/2): one trapezoid per panel
    double s = 0.0;
    for (std::size_t i = 0; i <= n; ++i) s += detail::trapezoid_weight(i, n) * f(detail::quadrature_node(a, b, h, i, n));
    return h * s;
}
//! [trapezoid]

//! [simpson]
double simpson(const std::function<double(double)>& f, double a, double b, std::size_t n) {
    detail::check_simpson(a, b, n);
    const double h = (b - a) / static_cast<double>(n);

    // h/3 * (f(x_0) + 4 f(x_1) + 2 f(x_2) + 4 f(x_3) + ... + 4 f(x_{n-1}) + f(x_n)):
    // one parabola through x_{2k}, x_{2k+1}, x_{2k+2} for each pair of panels
    double s = 0.0;
    for (std::size_t i = 0; i <= n; ++i) s += detail::simpson_weight(i, n) * f(detail::quadrature_node(a, b, h, i, n));
    return h / 3.0 * s;
}
//! [simpson]

}  // namespace dlmath::reference
