#include "kl_divergence.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <string_view>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double kl_divergence(const Vector& p, const Vector& q) {
    // BEGIN SOLUTION
    // p ~ (k), q ~ (k)
    if (p.size() != q.size()) {
        throw shape_error(detail::message("kl_divergence: lengths differ (p is ", shape_string(p), ", q is ",
                                          shape_string(q), ")"));
    }
    // A distribution: every entry finite and >= 0, the sum 1 within sqrt(eps)
    // (the slack NumPy's Generator.choice allows).
    const auto require_distribution = [](std::string_view name, const Vector& v) {
        double sum = 0.0;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!(v(i) >= 0.0) || std::isinf(v(i))) {
                throw domain_error(detail::message("kl_divergence: ", name, " is not a distribution (", name, "[",
                                                   i, "] = ", v(i), ")"));
            }
            sum += v(i);
        }
        const double tolerance = std::sqrt(std::numeric_limits<double>::epsilon());
        if (!(std::fabs(sum - 1.0) <= tolerance)) {
            throw domain_error(detail::message("kl_divergence: ", name, " sums to ", sum, ", not 1 (tolerance ",
                                               tolerance, ")"));
        }
    };
    require_distribution("p", p);
    require_distribution("q", q);
    double d = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p(i) == 0.0) continue;  // 0 log(0 / q_i) = 0, also where q_i = 0
        if (q(i) == 0.0) return std::numeric_limits<double>::infinity();  // p_i > 0 = q_i
        // log p_i - log q_i rather than log(p_i / q_i): the ratio overflows for a tiny q_i
        d += p(i) * (std::log(p(i)) - std::log(q(i)));
    }
    return d;
    // END SOLUTION
}

}  // namespace dlmath::exercises
