#include "mixture_responsibilities.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

MixturePosterior mixture_responsibilities(double x, const Vector& weights, const Vector& means,
                                          const Vector& stddevs) {
    // BEGIN SOLUTION
    // weights, means, stddevs ~ (k)
    const std::size_t k = weights.size();
    if (k == 0 || means.size() != k || stddevs.size() != k) {
        throw shape_error(detail::message("mixture_responsibilities: weights, means and stddevs must have the same "
                                          "length k >= 1 (weights is ", shape_string(weights), ", means is ",
                                          shape_string(means), ", stddevs is ", shape_string(stddevs), ")"));
    }
    if (!std::isfinite(x)) {
        throw domain_error(detail::message("mixture_responsibilities: x must be finite (got x = ", x, ")"));
    }
    double total = 0.0;
    for (std::size_t i = 0; i < k; ++i) {
        if (!(weights(i) >= 0.0) || std::isinf(weights(i))) {
            throw domain_error(detail::message("mixture_responsibilities: weights[", i, "] = ", weights(i),
                                               " is not a probability"));
        }
        if (!std::isfinite(means(i))) {
            throw domain_error(detail::message("mixture_responsibilities: means[", i, "] = ", means(i),
                                               " is not finite"));
        }
        if (!(stddevs(i) > 0.0) || std::isinf(stddevs(i))) {
            throw domain_error(detail::message("mixture_responsibilities: stddevs[", i, "] = ", stddevs(i),
                                               " must be finite and > 0"));
        }
        total += weights(i);
    }
    const double tolerance = std::sqrt(std::numeric_limits<double>::epsilon());
    if (!(std::fabs(total - 1.0) <= tolerance)) {
        throw domain_error(detail::message("mixture_responsibilities: the weights sum to ", total,
                                           ", not 1 (tolerance ", tolerance, ")"));
    }
    // l_i = log w_i + log N(x; mu_i, sigma_i^2) = log w_i - log sigma_i - (1/2) log 2 pi - (1/2) z_i^2
    // (log 0 = -inf for a weight of 0: that component gets exp(-inf) = 0)
    Vector l = Vector::from_shape({k});
    for (std::size_t i = 0; i < k; ++i) {
        const double z = (x - means(i)) / stddevs(i);
        l(i) = std::log(weights(i)) - std::log(stddevs(i)) - 0.5 * std::log(2.0 * std::numbers::pi) - 0.5 * z * z;
    }
    // log-sum-exp: shift by the largest l_i (finite: some weight is > 0), so
    // the largest term is e^0 = 1 and the sum lies in [1, k], whatever x is
    double m = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < k; ++i) m = std::fmax(m, l(i));
    double s = 0.0;
    for (std::size_t i = 0; i < k; ++i) s += std::exp(l(i) - m);
    MixturePosterior post;
    post.responsibilities = Vector::from_shape({k});
    for (std::size_t i = 0; i < k; ++i) post.responsibilities(i) = std::exp(l(i) - m) / s;
    post.log_density = m + std::log(s);
    return post;
    // END SOLUTION
}

}  // namespace dlmath::exercises
