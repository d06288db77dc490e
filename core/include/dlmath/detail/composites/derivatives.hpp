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

/// \f$ \partial f / \partial x_j \f$ by a central difference; `h = 0` means
/// central_step(x_j). `xw` is the caller's working copy of x: coordinate j
/// is moved and put back. The divisor is the step actually taken,
/// \f$ (x_j + h) - (x_j - h) \f$, after both points are rounded.
template <class F>
double central_partial(const F& f, Vector& xw, std::size_t j, double h) {
    const double xj = xw(j);
    const double step = h > 0.0 ? h : central_step(xj);
    const double plus = xj + step, minus = xj - step;
    xw(j) = plus;
    const double f_plus = f(xw);
    xw(j) = minus;
    const double f_minus = f(xw);
    xw(j) = xj;
    return (f_plus - f_minus) / (plus - minus);
}

/// Column j of the Jacobian, \f$ (F(x + h e_j) - F(x - h e_j)) / 2h \f$, into
/// `column` (m entries). Returns the length F returned: m, or the first
/// other length, in which case `column` is left as it was and the caller
/// reports it with check_output_length.
template <class F>
std::size_t central_column(const F& Fn, Vector& xw, std::size_t j, double h, std::size_t m, Vector& column) {
    const double xj = xw(j);
    const double step = h > 0.0 ? h : central_step(xj);
    const double plus = xj + step, minus = xj - step;
    xw(j) = plus;
    const Vector F_plus = Fn(xw);
    xw(j) = minus;
    const Vector F_minus = Fn(xw);
    xw(j) = xj;
    if (F_plus.size() != m) return F_plus.size();
    if (F_minus.size() != m) return F_minus.size();
    for (std::size_t i = 0; i < m; ++i) column(i) = (F_plus(i) - F_minus(i)) / (plus - minus);
    return m;
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
