#include "bernoulli_entropy.hpp"

#include <cmath>
#include <numbers>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double bernoulli_entropy_bits(double phi) {
    // BEGIN SOLUTION
    if (!(phi >= 0.0 && phi <= 1.0)) {
        throw domain_error(detail::message("bernoulli_entropy_bits: phi must lie in [0, 1] (got phi = ", phi, ")"));
    }
    if (phi == 0.0 || phi == 1.0) return 0.0;  // 0 log 0 = 0: a sure outcome carries no information
    // In nats, then rescaled: log2 t = ln t / ln 2. log1p(-phi) is ln(1 - phi)
    // without rounding 1 - phi first (for phi = 1e-10 that rounding alone
    // costs six digits of ln(1 - phi)). Both terms are >= 0: no cancellation.
    const double nats = -(phi * std::log(phi) + (1.0 - phi) * std::log1p(-phi));
    return nats / std::numbers::ln2;
    // END SOLUTION
}

}  // namespace dlmath::exercises
