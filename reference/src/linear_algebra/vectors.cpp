// Chapter 1, linear algebra — reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP.

#include "dlmath/reference/linear_algebra/vectors.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

#include "dlmath/detail/checks/linear_algebra.hpp"
#include "dlmath/detail/scaling.hpp"

namespace dlmath::reference {

namespace {

//! [norm_negative]
// p < 0 (not a norm): ( sum_i |x_i|^p )^(1/p) = m ( sum_i (|x_i| / m)^p )^(1/p)
// with m = min_i |x_i|, every term in (0, 1]. A zero entry makes the sum
// infinite and the result 0; p = -inf is m itself; the empty vector gives
// (empty sum 0)^(1/p) = +inf, as NumPy.
double norm_of_negative_order(const Vector& x, double p) {
    const std::size_t n = x.size();
    double m = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i) {
        const double a = std::fabs(x(i));
        if (std::isnan(a)) return a;
        if (a < m) m = a;
    }
    if (std::isinf(p) || m == 0.0 || std::isinf(m)) return m;  // min |x_i|, a zero entry, all infinite (or none)
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) s += std::pow(std::fabs(x(i)) / m, p);
    return m * std::pow(s, 1.0 / p);
}
//! [norm_negative]

}  // namespace

//! [dot]
double dot(const Vector& x, const Vector& y) {
    // x ~ (n), y ~ (n)
    detail::check_dot(x, y);
    const std::size_t n = x.size();

    double s = 0.0;  // the empty sum is 0
    for (std::size_t i = 0; i < n; ++i) {
        s += x(i) * y(i);
    }
    // a sum that overflowed although x and y are finite is computed again
    // from operands scaled by powers of two (detail/scaling.hpp)
    return detail::recompute_overflowed_sum(x, y, s, dot);
}
//! [dot]

//! [norm]
double norm(const Vector& x, double p) {
    // x ~ (n)
    detail::check_norm(x, p);
    const std::size_t n = x.size();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();

    if (p == 0.0) {
        // ||x||_0 = #{i : x_i != 0}, not a norm (NaN counts as non-zero, as in NumPy)
        double count = 0.0;
        for (std::size_t i = 0; i < n; ++i) count += (x(i) != 0.0) ? 1.0 : 0.0;
        return count;
    }
    if (p < 0.0) return norm_of_negative_order(x, p);

    // m = max_i |x_i|; NaN anywhere makes the norm NaN.
    double m = 0.0;
    bool has_nan = false;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = std::fabs(x(i));
        if (std::isnan(a)) has_nan = true;
        else if (a > m) m = a;
    }
    if (has_nan) return nan;
    if (std::isinf(p) || m == 0.0 || std::isinf(m)) return m;  // ||x||_inf, 0, inf

    if (p == 1.0) {
        // ||x||_1 = sum_i |x_i|
        double s = 0.0;
        for (std::size_t i = 0; i < n; ++i) s += std::fabs(x(i));
        return s;
    }

    // ||x||_p = m * ( sum_i (|x_i| / m)^p )^(1/p), every term in [0, 1]
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double w = std::fabs(x(i)) / m;
        s += (p == 2.0) ? w * w : std::pow(w, p);
    }
    return m * ((p == 2.0) ? std::sqrt(s) : std::pow(s, 1.0 / p));
}
//! [norm]

}  // namespace dlmath::reference
