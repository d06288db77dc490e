/// \file
/// \brief Chapter 2's mixture composites, written once over either twin's
/// batched log-density: the Monte-Carlo KL divergence between mixtures.
#pragma once

#include <cmath>
#include <cstddef>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/mixture.hpp"
#include "dlmath/random.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::detail {

//! [kl_monte_carlo]
/// \f$ D_{KL}(p \| q) = E_{x \sim p}[\log p(x) - \log q(x)] \approx \frac1n \sum_i f_i \f$,
/// \f$ f_i = \log p(x_i) - \log q(x_i) \f$ for n draws \f$ x_i \sim p \f$ from `rng`,
/// with the standard error \f$ s/\sqrt n \f$ of the mean
/// (\f$ s^2 = \frac{1}{n-1} \sum_i (f_i - \bar f)^2 \f$, two passes).
/// `log_pdf(m, X)` is a twin's batched log-density of the sample X under the mixture m.
template <class Mix, class BatchLogPdf>
MonteCarloEstimate monte_carlo_kl(const Mix& p, const Mix& q, Rng& rng, std::size_t n, BatchLogPdf log_pdf) {
    check_kl_monte_carlo(p.dim(), q.dim(), n);
    const auto x = p.sample(rng, n);  // x_i ~ p: the latent class, then the component
    const Vector lp = log_pdf(p, x), lq = log_pdf(q, x);
    double mean = 0.0;
    for (std::size_t i = 0; i < n; ++i) mean += lp(i) - lq(i);
    mean /= static_cast<double>(n);
    double ss = 0.0;  // sum of squared deviations from the mean
    for (std::size_t i = 0; i < n; ++i) {
        const double dev = (lp(i) - lq(i)) - mean;
        ss += dev * dev;
    }
    const double s2 = ss / static_cast<double>(n - 1);
    return {mean, std::sqrt(s2 / static_cast<double>(n)), n};
}
//! [kl_monte_carlo]

}  // namespace dlmath::detail
