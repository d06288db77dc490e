/// \file
/// \brief The one-coordinate pieces of the finite-difference derivatives,
/// written once for both twins: the reference loops over the coordinates in
/// order, the fast twin shares them among threads. Each piece perturbs its
/// own copy of the point and restores it, so pieces for different
/// coordinates may run at the same time on different copies.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include "dlmath/detail/checks/numerical.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::detail {

/// Machine epsilon of double, \f$ 2^{-52} \f$ (twice the unit roundoff).
inline constexpr double fd_epsilon = std::numeric_limits<double>::epsilon();

/// \f$ \sqrt{\varepsilon}\max(1, |x|) \f$: the forward-difference step.
inline double forward_step(double x) { return std::sqrt(fd_epsilon) * std::fmax(1.0, std::fabs(x)); }
/// \f$ \sqrt[3]{\varepsilon}\max(1, |x|) \f$: the central-difference step.
inline double central_step(double x) { return std::cbrt(fd_epsilon) * std::fmax(1.0, std::fabs(x)); }
/// \f$ \varepsilon^{1/4}\max(1, |x|) \f$: the step of a second difference.
inline double hessian_step(double x) { return std::sqrt(std::sqrt(fd_epsilon)) * std::fmax(1.0, std::fabs(x)); }

/// The two values of a central difference in coordinate j and the step
/// actually taken: \f$ f(x + h e_j) \f$, \f$ f(x - h e_j) \f$ and
/// \f$ (x_j + h) - (x_j - h) \f$ after both points are rounded; `h = 0`
/// means central_step(x_j). `xw` is the caller's working copy of x:
/// coordinate j is moved and put back. Works for scalar and vector values.
template <class F>
auto central_values(const F& f, Vector& xw, std::size_t j, double h) {
    const double xj = xw(j);
    const double step = h > 0.0 ? h : central_step(xj);
    const double plus = xj + step, minus = xj - step;
    xw(j) = plus;
    auto f_plus = f(xw);
    xw(j) = minus;
    auto f_minus = f(xw);
    xw(j) = xj;
    struct Values {
        decltype(f_plus) at_plus, at_minus;
        double width;
    };
    return Values{std::move(f_plus), std::move(f_minus), plus - minus};
}

/// \f$ \partial f / \partial x_j \approx (f(x + h e_j) - f(x - h e_j)) / 2h \f$.
template <class F>
double central_partial(const F& f, Vector& xw, std::size_t j, double h) {
    const auto v = central_values(f, xw, j, h);
    return (v.at_plus - v.at_minus) / v.width;
}

/// Column j of the Jacobian, \f$ (F(x + h e_j) - F(x - h e_j)) / 2h \f$, into
/// `column` (m entries). Returns the length F returned: m, or the first
/// other length, in which case `column` is left as it was and the caller
/// reports it with check_output_length.
template <class F>
std::size_t central_column(const F& Fn, Vector& xw, std::size_t j, double h, std::size_t m, Vector& column) {
    const auto v = central_values(Fn, xw, j, h);
    if (v.at_plus.size() != m) return v.at_plus.size();
    if (v.at_minus.size() != m) return v.at_minus.size();
    for (std::size_t i = 0; i < m; ++i) column(i) = (v.at_plus(i) - v.at_minus(i)) / v.width;
    return m;
}

/// The reference's loop over coordinates: body(xw, j) for j = 0, 1, ...,
/// n - 1 in order, on one working copy xw of x. The fast twin passes a loop
/// that shares the coordinates among threads instead.
struct SerialCoordinates {
    template <class Body>
    void operator()(const Vector& x, Body body) const {
        Vector xw = x;
        for (std::size_t j = 0; j < x.size(); ++j) body(xw, j);
    }
};

/// `gradient(f, x[, h])` of both twins: the check, then one central partial
/// per coordinate, the coordinates visited by `loop`.
template <class F, class Loop>
Vector gradient_by(const F& f, const Vector& x, double h, bool user_step, Loop loop) {
    check_gradient(fn::gradient, f, x, h, user_step);
    // x ~ (n), g ~ (n): g_j = (f(x + h e_j) - f(x - h e_j)) / 2h
    Vector g = Vector::from_shape({x.size()});
    loop(x, [&](Vector& xw, std::size_t j) { g(j) = central_partial(f, xw, j, h); });
    return g;
}

/// `jacobian(F, x[, h])` of both twins: the check, one column per coordinate
/// visited by `loop`, then a change of F's output length reported for the
/// lowest coordinate where it happened.
template <class F, class Loop>
Matrix jacobian_by(const F& Fn, const Vector& x, double h, bool user_step, Loop loop) {
    check_gradient(fn::jacobian, Fn, x, h, user_step);
    // x ~ (n), F(x) ~ (m), J ~ (m, n); got[j]: the length F returned at the steps of column j
    const std::size_t n = x.size(), m = Fn(x).size();
    Matrix J = Matrix::from_shape({m, n});
    std::vector<std::size_t> got(n, m);
    loop(x, [&](Vector& xw, std::size_t j) {
        Vector column = Vector::from_shape({m});
        got[j] = central_column(Fn, xw, j, h, m, column);
        if (got[j] == m) {
            for (std::size_t i = 0; i < m; ++i) J(i, j) = column(i);
        }
    });
    for (std::size_t j = 0; j < n; ++j) check_output_length(fn::jacobian, m, got[j], j);
    return J;
}

/// \f$ H_{ij} \f$ by the four-point formula; `h = 0` means hessian_step of
/// each coordinate. Symmetric in i and j (the same four points, the same
/// order of operations), so \f$ H_{ij} = H_{ji} \f$ exactly.
template <class F>
double hessian_entry(const F& f, Vector& xw, std::size_t i, std::size_t j, double h) {
    if (i > j) return hessian_entry(f, xw, j, i, h);
    const double xi = xw(i), xj = xw(j);
    const double hi = h > 0.0 ? h : hessian_step(xi), hj = h > 0.0 ? h : hessian_step(xj);
    const auto at = [&](double si, double sj) {
        xw(i) = xi + si * hi;
        xw(j) += sj * hj;  // when i == j the two moves add up: steps of +-2h and 0
        const double v = f(xw);
        xw(i) = xi;
        xw(j) = xj;
        return v;
    };
    const double f_pp = at(+1, +1), f_pm = at(+1, -1), f_mp = at(-1, +1), f_mm = at(-1, -1);
    return ((f_pp - f_pm) - (f_mp - f_mm)) / (4.0 * hi * hj);
}

}  // namespace dlmath::detail
