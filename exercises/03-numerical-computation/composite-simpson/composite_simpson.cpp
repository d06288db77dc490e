#include "composite_simpson.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double composite_simpson(const Vector& y, double h) {
    // BEGIN SOLUTION
    // y ~ (n + 1): the samples at x_0, x_0 + h, ..., x_0 + n h
    if (y.size() == 0) throw shape_error("composite_simpson: y is empty (no samples, no panels)");
    const std::size_t n = y.size() - 1;
    if (n < 2 || n % 2 != 0) {
        throw domain_error(detail::message("composite_simpson: the number of panels must be even and at least 2 (got n = ",
                                           n, " panels from ", y.size(), " samples)"));
    }
    if (!std::isfinite(h)) throw domain_error(detail::message("composite_simpson: h must be finite (got h = ", h, ")"));
    // weights 1, 4, 2, 4, ..., 2, 4, 1: one parabola through each pair of panels
    double s = y(0) + y(n);
    for (std::size_t i = 1; i < n; ++i) s += ((i % 2 == 1) ? 4.0 : 2.0) * y(i);
    return h / 3.0 * s;
    // END SOLUTION
}

}  // namespace dlmath::exercises
