#include "projected_gradient.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

Vector project_ball(const Vector& x, const Vector& center, double radius) {
    // BEGIN SOLUTION
    const std::size_t n = x.size();
    if (center.size() != n) {
        throw shape_error(detail::message("project_ball: x ~ (", n, ") and center ~ (", center.size(),
                                          ") must have the same length"));
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x(i)) || !std::isfinite(center(i))) {
            throw domain_error(detail::message("project_ball: x[", i, "] = ", x(i), ", center[", i, "] = ",
                                               center(i), ": every entry must be finite"));
        }
    }
    if (!(radius > 0.0) || std::isinf(radius)) {
        throw domain_error(detail::message("project_ball: radius = ", radius, " must be finite and > 0"));
    }
    double squares = 0.0;
    for (std::size_t i = 0; i < n; ++i) squares += (x(i) - center(i)) * (x(i) - center(i));
    const double distance = std::sqrt(squares);
    if (distance <= radius) return x;
    const double scale = radius / distance;
    Vector y = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) y(i) = center(i) + scale * (x(i) - center(i));
    return y;
    // END SOLUTION
}

ProjectedGradientResult projected_gradient(const Vector& h, const Vector& b, const Vector& x_start,
                                           const Vector& center, double radius, double learning_rate, double tol,
                                           std::size_t max_iter) {
    // BEGIN SOLUTION
    const std::size_t n = x_start.size();
    if (h.size() != n || b.size() != n || center.size() != n) {
        throw shape_error(detail::message("projected_gradient: h ~ (", h.size(), "), b ~ (", b.size(),
                                          "), x_start ~ (", n, ") and center ~ (", center.size(),
                                          ") must have the same length"));
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(h(i)) || !std::isfinite(b(i))) {
            throw domain_error(detail::message("projected_gradient: h[", i, "] = ", h(i), ", b[", i, "] = ", b(i),
                                               ": every entry must be finite"));
        }
    }
    if (!(learning_rate > 0.0) || std::isinf(learning_rate)) {
        throw domain_error(detail::message("projected_gradient: learning_rate = ", learning_rate,
                                           " must be finite and > 0"));
    }
    if (!(tol >= 0.0) || std::isinf(tol)) {
        throw domain_error(detail::message("projected_gradient: tol = ", tol, " must be finite and >= 0"));
    }
    Vector x = project_ball(x_start, center, radius);
    Vector step = Vector::from_shape({n});
    for (std::size_t k = 0;; ++k) {
        for (std::size_t i = 0; i < n; ++i) step(i) = x(i) - learning_rate * (h(i) * (x(i) - b(i)));
        const Vector y = project_ball(step, center, radius);
        double squares = 0.0;
        for (std::size_t i = 0; i < n; ++i) squares += (x(i) - y(i)) * (x(i) - y(i));
        if (std::sqrt(squares) / learning_rate <= tol) return {x, k, true};
        if (k == max_iter) return {x, k, false};
        x = y;
    }
    // END SOLUTION
}

}  // namespace dlmath::exercises
