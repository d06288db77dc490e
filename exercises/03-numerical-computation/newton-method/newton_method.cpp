#include "newton_method.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

NewtonResult newton_polynomial(const Vector& c, double x0, double tol, std::size_t max_iter) {
    // BEGIN SOLUTION
    // c ~ (d + 1), lowest degree first
    if (c.size() == 0) throw shape_error("newton_polynomial: c is empty (no polynomial)");
    for (std::size_t j = 0; j < c.size(); ++j) {
        if (!std::isfinite(c(j))) {
            throw domain_error(detail::message("newton_polynomial: c[", j, "] = ", c(j), " is not finite"));
        }
    }
    if (!std::isfinite(x0)) throw domain_error(detail::message("newton_polynomial: x0 = ", x0, " is not finite"));
    if (!(tol >= 0.0) || std::isinf(tol)) {
        throw domain_error(detail::message("newton_polynomial: tol = ", tol, " must be finite and >= 0"));
    }
    double x = x0;
    for (std::size_t k = 0;; ++k) {
        // p(x) and p'(x) together by Horner's rule
        double p = 0.0, dp = 0.0;
        for (std::size_t j = c.size(); j-- > 0;) {
            dp = dp * x + p;
            p = p * x + c(j);
        }
        if (std::fabs(p) <= tol) return {x, k, NewtonStatus::converged};
        if (k == max_iter) return {x, k, NewtonStatus::max_iterations};
        if (dp == 0.0) return {x, k, NewtonStatus::zero_derivative};
        const double next = x - p / dp;
        if (!std::isfinite(next)) return {x, k, NewtonStatus::non_finite};
        x = next;
    }
    // END SOLUTION
}

}  // namespace dlmath::exercises
