#include "gradient_descent.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

GradientDescentResult gradient_descent(const Vector& h, const Vector& c, const Vector& x0,
                                       double learning_rate, double tol, std::size_t max_iter) {
    // BEGIN SOLUTION
    // h, c, x0 ~ (n)
    const std::size_t n = x0.size();
    if (h.size() != n || c.size() != n) {
        throw shape_error(detail::message("gradient_descent: h ~ (", h.size(), "), c ~ (", c.size(),
                                          ") and x0 ~ (", n, ") must have the same length"));
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(h(i)) || !std::isfinite(c(i)) || !std::isfinite(x0(i))) {
            throw domain_error(detail::message("gradient_descent: h[", i, "] = ", h(i), ", c[", i, "] = ", c(i),
                                               ", x0[", i, "] = ", x0(i), ": every entry must be finite"));
        }
    }
    if (!(learning_rate > 0.0) || std::isinf(learning_rate)) {
        throw domain_error(detail::message("gradient_descent: learning_rate = ", learning_rate,
                                           " must be finite and > 0"));
    }
    if (!(tol >= 0.0) || std::isinf(tol)) {
        throw domain_error(detail::message("gradient_descent: tol = ", tol, " must be finite and >= 0"));
    }
    Vector x = x0;
    Vector g = Vector::from_shape({n});
    for (std::size_t k = 0;; ++k) {
        double squares = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            g(i) = h(i) * (x(i) - c(i));
            squares += g(i) * g(i);
        }
        if (std::sqrt(squares) <= tol) return {x, k, true};
        if (k == max_iter) return {x, k, false};
        for (std::size_t i = 0; i < n; ++i) x(i) = x(i) - learning_rate * g(i);
    }
    // END SOLUTION
}

}  // namespace dlmath::exercises
