#include "momentum.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

Vector momentum(const Vector& h, const Vector& c, const Vector& x0, double learning_rate, double lambda,
                std::size_t steps) {
    // BEGIN SOLUTION
    // h, c, x0 ~ (n)
    const std::size_t n = x0.size();
    if (h.size() != n || c.size() != n) {
        throw shape_error(detail::message("momentum: h ~ (", h.size(), "), c ~ (", c.size(), ") and x0 ~ (", n,
                                          ") must have the same length"));
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(h(i)) || !std::isfinite(c(i)) || !std::isfinite(x0(i))) {
            throw domain_error(detail::message("momentum: h[", i, "] = ", h(i), ", c[", i, "] = ", c(i), ", x0[", i,
                                               "] = ", x0(i), ": every entry must be finite"));
        }
    }
    if (!(learning_rate > 0.0) || std::isinf(learning_rate)) {
        throw domain_error(detail::message("momentum: learning_rate = ", learning_rate, " must be finite and > 0"));
    }
    if (!(lambda >= 0.0 && lambda < 1.0)) {
        throw domain_error(detail::message("momentum: lambda = ", lambda, " must lie in [0, 1)"));
    }
    Vector x = x0;
    Vector g = Vector::from_shape({n});  // the velocity g_{t-1}; g_0 = 0
    for (std::size_t i = 0; i < n; ++i) g(i) = 0.0;
    for (std::size_t t = 1; t <= steps; ++t) {
        for (std::size_t i = 0; i < n; ++i) {
            const double gradient = h(i) * (x(i) - c(i));   // grad f(x_{t-1})_i
            g(i) = -learning_rate * gradient + lambda * g(i);  // g_t
            x(i) = x(i) + g(i);                                // x_t = x_{t-1} + g_t
        }
    }
    return x;
    // END SOLUTION
}

}  // namespace dlmath::exercises
