/// \file
/// \brief Chapter 2's probability distributions as small value types,
/// shared by both twins: validated on construction, with the scalar surface
/// of SciPy and Boost.Math as members (written once: a scalar formula has no
/// kernel to speed up). The batched functions over a whole sample
/// (`log_pdf` of a `Vector`, `sample`) are the twins' own.
#pragma once

#include <cmath>
#include <cstddef>
#include <numbers>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/random.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath {

/// \ingroup chapter2
/// \brief The univariate Gaussian \f$ \mathcal N(\mu, \sigma^2) \f$,
/// made from its variance \f$ \sigma^2 \f$, its standard deviation or its
/// precision \f$ \beta = 1/\sigma^2 \f$ (the forms agree).
///
/// \f[ \mathcal N(x; \mu, \sigma^2) = \sqrt{\frac{1}{2\pi\sigma^2}}
///     \exp\!\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)
///   = \sqrt{\frac{\beta}{2\pi}} \exp\!\left(-\frac{\beta (x-\mu)^2}{2}\right) \f]
class Gaussian {
public:
    /// \f$ \mathcal N(\mu, \sigma^2) \f$ from the variance `sigma2`
    /// (`domain_error` unless \f$ \mu \f$ is finite and \f$ 0 < \sigma^2 < \infty \f$).
    static Gaussian from_variance(double mu, double sigma2) {
        detail::check_gaussian_variance(mu, sigma2);
        return Gaussian(mu, std::sqrt(sigma2));
    }
    /// \f$ \mathcal N(\mu, \sigma^2) \f$ from the standard deviation `sigma`.
    static Gaussian from_stddev(double mu, double sigma) {
        detail::check_gaussian_stddev(mu, sigma);
        return Gaussian(mu, sigma);
    }
    /// \f$ \mathcal N(\mu, \beta^{-1}) \f$ from the precision `beta`.
    static Gaussian from_precision(double mu, double beta) {
        detail::check_gaussian_precision(mu, beta);
        return Gaussian(mu, 1.0 / std::sqrt(beta));
    }
    /// The standard normal \f$ \mathcal N(0, 1) \f$.
    Gaussian() = default;

    double mean() const { return mu_; }               ///< \f$ \mu \f$
    double stddev() const { return sigma_; }          ///< \f$ \sigma \f$
    double variance() const { return sigma_ * sigma_; }  ///< \f$ \sigma^2 \f$
    double precision() const { return 1.0 / variance(); }  ///< \f$ \beta = 1/\sigma^2 \f$

    /// \f$ \log \mathcal N(x; \mu, \sigma^2) = -\tfrac12 \log(2\pi) - \log\sigma - \tfrac12 ((x-\mu)/\sigma)^2 \f$.
    double log_pdf(double x) const {
        detail::check_x(detail::fn::gaussian_log_pdf, x);
        const double z = (x - mu_) / sigma_;
        return -0.5 * std::log(2.0 * std::numbers::pi) - std::log(sigma_) - 0.5 * z * z;
    }
    /// \f$ \mathcal N(x; \mu, \sigma^2) \f$.
    double pdf(double x) const { return std::exp(log_pdf(x)); }

    /// `n` draws \f$ \mu + \sigma z_i \f$, \f$ z_i \f$ the next `n` standard
    /// normal draws of `rng` (see dlmath::normal_at).
    Vector sample(Rng& rng, std::size_t n) const {
        Vector x = xt::empty<double>({n});
        const std::uint64_t first = rng.take(n);
        for (std::size_t i = 0; i < n; ++i) x(i) = mu_ + sigma_ * normal_at(rng.seed(), first + i);
        return x;
    }

private:
    Gaussian(double mu, double sigma) : mu_(mu), sigma_(sigma) {}
    double mu_ = 0.0;
    double sigma_ = 1.0;
};

}  // namespace dlmath
