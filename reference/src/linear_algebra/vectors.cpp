// Chapter 1, linear algebra — reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP.

#include "dlmath/reference/linear_algebra/vectors.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

#include "dlmath/detail/checks/linear_algebra.hpp"

namespace dlmath::reference {

//! [dot]
double dot(const Vector& x, const Vector& y) {
    // x ~ (n), y ~ (n)
    detail::check_dot(x, y);
    const std::size_t n = x.size();

    double s = 0.0;  // the empty sum is 0
    for (std::size_t i = 0; i < n; ++i) {
        s += x(i) * y(i);
    }
    return s;
}
//! [dot]

//! [norm]
double norm(const Vector& x, double p) {
    // x ~ (n)
    detail::check_norm(p);
    const std::size_t n = x.size();

    // m = max_i |x_i|; NaN anywhere makes the norm NaN.
    double m = 0.0;
    bool has_nan = false;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = std::fabs(x(i));
        if (std::isnan(a)) has_nan = true;
        else if (a > m) m = a;
    }
    if (has_nan) return std::numeric_limits<double>::quiet_NaN();
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
