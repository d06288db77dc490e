#include "adam.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

Vector adam(const Vector& h, const Vector& c, const Vector& x0, double learning_rate, double beta1, double beta2,
            double eps, std::size_t steps) {
    // BEGIN SOLUTION
    // h, c, x0 ~ (n)
    const std::size_t n = x0.size();
    if (h.size() != n || c.size() != n) {
        throw shape_error(detail::message("adam: h ~ (", h.size(), "), c ~ (", c.size(), ") and x0 ~ (", n,
                                          ") must have the same length"));
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(h(i)) || !std::isfinite(c(i)) || !std::isfinite(x0(i))) {
            throw domain_error(detail::message("adam: h[", i, "] = ", h(i), ", c[", i, "] = ", c(i), ", x0[", i,
                                               "] = ", x0(i), ": every entry must be finite"));
        }
    }
    if (!(learning_rate > 0.0) || std::isinf(learning_rate)) {
        throw domain_error(detail::message("adam: learning_rate = ", learning_rate, " must be finite and > 0"));
    }
    if (!(beta1 >= 0.0 && beta1 < 1.0) || !(beta2 >= 0.0 && beta2 < 1.0)) {
        throw domain_error(detail::message("adam: beta1 = ", beta1, ", beta2 = ", beta2, ": each must lie in [0, 1)"));
    }
    if (!(eps > 0.0) || std::isinf(eps)) {
        throw domain_error(detail::message("adam: eps = ", eps, " must be finite and > 0"));
    }
    Vector x = x0;
    Vector m = Vector::from_shape({n}), v = Vector::from_shape({n});  // the moments; m_0 = v_0 = 0
    for (std::size_t i = 0; i < n; ++i) m(i) = v(i) = 0.0;
    double beta1_t = 1.0, beta2_t = 1.0;  // beta1^t, beta2^t
    for (std::size_t t = 1; t <= steps; ++t) {
        beta1_t = beta1_t * beta1;
        beta2_t = beta2_t * beta2;
        for (std::size_t i = 0; i < n; ++i) {
            const double g = h(i) * (x(i) - c(i));
            m(i) = beta1 * m(i) + (1.0 - beta1) * g;
            v(i) = beta2 * v(i) + (1.0 - beta2) * g * g;
            const double m_hat = m(i) / (1.0 - beta1_t);
            const double v_hat = v(i) / (1.0 - beta2_t);
            x(i) = x(i) - learning_rate * m_hat / (std::sqrt(v_hat) + eps);
        }
    }
    return x;
    // END SOLUTION
}

}  // namespace dlmath::exercises
