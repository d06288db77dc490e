#include "central_difference_gradient.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

Vector central_difference_gradient(const Objective& f, const Vector& x, double h) {
    // BEGIN SOLUTION
    // x ~ (n), g ~ (n)
    const std::size_t n = x.size();
    if (f.a.size() != n || f.b.size() != n) {
        throw shape_error(detail::message("central_difference_gradient: a and b must have x's length (x has ", n,
                                          ", a ", f.a.size(), ", b ", f.b.size(), ")"));
    }
    for (std::size_t j = 0; j < n; ++j) {
        if (!std::isfinite(x(j))) {
            throw domain_error(detail::message("central_difference_gradient: x[", j, "] = ", x(j), " is not finite"));
        }
    }
    if (!(h >= 0.0) || std::isinf(h)) {
        throw domain_error(detail::message("central_difference_gradient: h must be finite and >= 0 (got ", h, ")"));
    }
    const double eps = std::numeric_limits<double>::epsilon();
    Vector g = Vector::from_shape({n});
    Vector xw = x;
    for (std::size_t j = 0; j < n; ++j) {
        const double step = h > 0.0 ? h : std::cbrt(eps) * std::max(1.0, std::fabs(x(j)));
        // divide by the step actually taken once x_j +- step are rounded
        const double plus = x(j) + step, minus = x(j) - step;
        xw(j) = plus;
        const double f_plus = evaluate(f, xw);
        xw(j) = minus;
        const double f_minus = evaluate(f, xw);
        xw(j) = x(j);
        g(j) = (f_plus - f_minus) / (plus - minus);
    }
    return g;
    // END SOLUTION
}

double gradient_check(const Objective& f, const Vector& g, const Vector& x) {
    // BEGIN SOLUTION
    if (g.size() != x.size()) {
        throw shape_error(detail::message("gradient_check: g has ", g.size(), " entries but x has ", x.size()));
    }
    const Vector g_fd = central_difference_gradient(f, x, 0.0);
    double diff = 0.0, norm_g = 0.0, norm_fd = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        diff += (g(i) - g_fd(i)) * (g(i) - g_fd(i));
        norm_g += g(i) * g(i);
        norm_fd += g_fd(i) * g_fd(i);
    }
    const double tiny = std::numeric_limits<double>::min();
    return std::sqrt(diff) / std::max({std::sqrt(norm_g), std::sqrt(norm_fd), tiny});
    // END SOLUTION
}

}  // namespace dlmath::exercises
