/// \file
/// \brief The continuous univariate families: Gaussian, Uniform,
/// Exponential, Laplace. Each writes its formulas; the checked surface is
/// detail::ContinuousUnivariate's.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <string_view>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/distributions/special.hpp"
#include "dlmath/distributions/univariate.hpp"
#include "dlmath/random.hpp"

namespace dlmath {

/// \ingroup chapter2
/// \brief The univariate Gaussian \f$ \mathcal N(\mu, \sigma^2) \f$,
/// made from its variance \f$ \sigma^2 \f$, its standard deviation or its
/// precision \f$ \beta = 1/\sigma^2 \f$ (the forms agree).
///
/// \f[ \mathcal N(x; \mu, \sigma^2) = \sqrt{\frac{1}{2\pi\sigma^2}}
///     \exp\!\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)
///   = \sqrt{\frac{\beta}{2\pi}} \exp\!\left(-\frac{\beta (x-\mu)^2}{2}\right) \f]
///
/// With \f$ z = (x - \mu)/\sigma \f$: \f$ F(x) = \Phi(z) \f$, \f$ S(x) = \Phi(-z) \f$
/// (dlmath::detail::ndtr, erfc-based), \f$ \log F \f$ and \f$ \log S \f$ by
/// dlmath::detail::log_ndtr (\f$ \log F(-40) = -804.6084420137538 \f$ for the
/// standard normal), quantile \f$ \mu + \sigma\Phi^{-1}(q) \f$ and isf
/// \f$ \mu - \sigma\Phi^{-1}(q) \f$ (dlmath::detail::ndtri). Mean, median and mode
/// \f$ \mu \f$; skewness 0; kurtosis 3; entropy \f$ \tfrac12\ln(2\pi e\sigma^2) \f$ nats.
/// Sampling: \f$ \mu + \sigma z_i \f$, \f$ z_i \f$ the Box–Muller draw
/// dlmath::normal_at(seed, i).
/// Accuracy: every function a few ulps for moderate z; the tails lose about
/// \f$ z^2 u \f$ relative, the conditioning of \f$ \Phi \f$ there.
class Gaussian : public detail::ContinuousUnivariate<Gaussian> {
public:
    /// The name in error messages.
    static constexpr std::string_view family = detail::fn::gaussian;

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

    double mean() const { return mu_; }                    ///< \f$ \mu \f$
    double stddev() const { return sigma_; }               ///< \f$ \sigma \f$
    double variance() const { return sigma_ * sigma_; }    ///< \f$ \sigma^2 \f$
    double precision() const { return 1.0 / variance(); }  ///< \f$ \beta = 1/\sigma^2 \f$
    double median() const { return mu_; }                  ///< \f$ \mu \f$
    double mode() const { return mu_; }                    ///< \f$ \mu \f$
    double skewness() const { return 0.0; }                ///< 0 (symmetric)
    double kurtosis_excess() const { return 0.0; }         ///< 0 (the Gaussian is the reference)
    /// \f$ \tfrac12 \ln(2\pi e \sigma^2) = \tfrac12\ln(2\pi e) + \ln\sigma \f$ nats
    /// (the largest of every density with variance \f$ \sigma^2 \f$).
    double entropy() const { return 0.5 * std::log(2.0 * std::numbers::pi * std::numbers::e) + std::log(sigma_); }

private:
    friend class detail::Univariate<Gaussian>;
    friend class detail::ContinuousUnivariate<Gaussian>;
    Gaussian(double mu, double sigma) : mu_(mu), sigma_(sigma) {}

    double standardised(double x) const { return (x - mu_) / sigma_; }
    //! [gaussian_log_pdf]
    // log N(x; mu, sigma^2) = -1/2 log(2 pi) - log sigma - 1/2 ((x - mu)/sigma)^2
    double log_pdf_at(double x) const {
        const double z = (x - mu_) / sigma_;
        return -0.5 * std::log(2.0 * std::numbers::pi) - std::log(sigma_) - 0.5 * z * z;
    }
    //! [gaussian_log_pdf]
    double pdf_at(double x) const { return std::exp(log_pdf_at(x)); }
    double cdf_at(double x) const { return detail::ndtr(standardised(x)); }
    double sf_at(double x) const { return detail::ndtr(-standardised(x)); }  // Phi(-z): the upper tail without 1 - Phi
    double log_cdf_at(double x) const { return detail::log_ndtr(standardised(x)); }
    double log_sf_at(double x) const { return detail::log_ndtr(-standardised(x)); }
    double quantile_at(double q) const { return mu_ + sigma_ * detail::ndtri(q); }
    double isf_at(double q) const { return mu_ + sigma_ * detail::ndtri_upper(q); }
    double draw(std::uint64_t seed, std::uint64_t i) const { return mu_ + sigma_ * normal_at(seed, i); }

    double mu_ = 0.0;
    double sigma_ = 1.0;
};

/// \ingroup chapter2
/// \brief The continuous uniform distribution on \f$ [a, b] \f$.
///
/// \f[ p(x) = \frac{1}{b-a}\,\mathbf 1[a \le x \le b], \qquad
///     F(x) = \frac{x-a}{b-a} \text{ on } [a, b] \f]
/// Quantile \f$ a + q(b-a) \f$ (b at q = 1), isf \f$ b - q(b-a) \f$; mean and median
/// \f$ (a+b)/2 \f$; variance \f$ (b-a)^2/12 \f$; mode: every point of \f$ [a, b] \f$ is
/// one, `mode()` returns a (Boost.Math's choice); skewness 0; excess kurtosis
/// \f$ -6/5 \f$; entropy \f$ \ln(b-a) \f$ nats (negative when \f$ b - a < 1 \f$: a density
/// above 1). Sampling: \f$ a + (b-a)u_i \f$, \f$ u_i \f$ = dlmath::uniform_at(seed, i).
/// Requires a, b finite, \f$ a < b \f$ and \f$ b - a \f$ finite, else `domain_error`.
class Uniform : public detail::ContinuousUnivariate<Uniform> {
public:
    /// The name in error messages.
    static constexpr std::string_view family = detail::fn::uniform;

    /// \f$ \mathcal U(a, b) \f$.
    Uniform(double a, double b) : a_(a), b_(b) { detail::check_uniform(a, b); }

    double lower() const { return a_; }                                  ///< a
    double upper() const { return b_; }                                  ///< b
    double mean() const { return 0.5 * a_ + 0.5 * b_; }                  ///< \f$ (a+b)/2 \f$ (halves first: no overflow)
    double variance() const { return (b_ - a_) * (b_ - a_) / 12.0; }     ///< \f$ (b-a)^2/12 \f$
    double median() const { return mean(); }                             ///< \f$ (a+b)/2 \f$
    double mode() const { return a_; }                                   ///< a (any point of [a, b] is a mode)
    double skewness() const { return 0.0; }                              ///< 0
    double kurtosis_excess() const { return -1.2; }                      ///< \f$ -6/5 \f$
    double entropy() const { return std::log(b_ - a_); }                 ///< \f$ \ln(b-a) \f$ nats

private:
    friend class detail::Univariate<Uniform>;
    friend class detail::ContinuousUnivariate<Uniform>;
    bool inside(double x) const { return a_ <= x && x <= b_; }
    double log_pdf_at(double x) const {
        return inside(x) ? -std::log(b_ - a_) : -std::numeric_limits<double>::infinity();
    }
    double pdf_at(double x) const { return inside(x) ? 1.0 / (b_ - a_) : 0.0; }
    double cdf_at(double x) const { return x <= a_ ? 0.0 : x >= b_ ? 1.0 : (x - a_) / (b_ - a_); }
    double sf_at(double x) const { return x <= a_ ? 1.0 : x >= b_ ? 0.0 : (b_ - x) / (b_ - a_); }
    double log_cdf_at(double x) const { return std::log(cdf_at(x)); }
    double log_sf_at(double x) const { return std::log(sf_at(x)); }
    double quantile_at(double q) const { return q == 1.0 ? b_ : std::min(b_, a_ + q * (b_ - a_)); }
    double isf_at(double q) const { return q == 1.0 ? a_ : std::max(a_, b_ - q * (b_ - a_)); }
    double draw(std::uint64_t seed, std::uint64_t i) const { return a_ + (b_ - a_) * uniform_at(seed, i); }

    double a_, b_;
};

/// \ingroup chapter2
/// \brief The exponential distribution with rate \f$ \lambda \f$.
///
/// \f[ p(x; \lambda) = \lambda\, \mathbf 1[x \ge 0]\, e^{-\lambda x}, \qquad
///     F(x) = 1 - e^{-\lambda x}, \qquad S(x) = e^{-\lambda x} \quad (x \ge 0) \f]
/// \f$ F \f$ as \f$ -\operatorname{expm1}(-\lambda x) \f$ (accurate near 0), \f$ \log S = -\lambda x \f$
/// exactly, \f$ \log F = \log(1 - e^{-\lambda x}) \f$ by dlmath::detail::log1mexp.
/// Quantile \f$ -\operatorname{log1p}(-q)/\lambda \f$, isf \f$ -\ln(q)/\lambda \f$; mean
/// \f$ 1/\lambda \f$; variance \f$ 1/\lambda^2 \f$; median \f$ \ln 2/\lambda \f$; mode 0;
/// skewness 2; excess kurtosis 6; entropy \f$ 1 - \ln\lambda \f$ nats. Sampling:
/// \f$ -\ln(u_i)/\lambda \f$ (the isf of a uniform draw; \f$ u_i > 0 \f$, so finite).
/// Requires \f$ 0 < \lambda < \infty \f$, else `domain_error`.
class Exponential : public detail::ContinuousUnivariate<Exponential> {
public:
    /// The name in error messages.
    static constexpr std::string_view family = detail::fn::exponential;

    /// Exponential with rate `lambda`.
    explicit Exponential(double lambda) : lambda_(lambda) { detail::check_exponential(lambda); }

    double lambda() const { return lambda_; }                             ///< \f$ \lambda \f$
    double mean() const { return 1.0 / lambda_; }                         ///< \f$ 1/\lambda \f$
    double variance() const { return 1.0 / (lambda_ * lambda_); }         ///< \f$ 1/\lambda^2 \f$
    double median() const { return std::numbers::ln2 / lambda_; }         ///< \f$ \ln 2/\lambda \f$
    double mode() const { return 0.0; }                                   ///< 0
    double skewness() const { return 2.0; }                               ///< 2
    double kurtosis_excess() const { return 6.0; }                        ///< 6
    double entropy() const { return 1.0 - std::log(lambda_); }            ///< \f$ 1 - \ln\lambda \f$ nats

private:
    friend class detail::Univariate<Exponential>;
    friend class detail::ContinuousUnivariate<Exponential>;
    double log_pdf_at(double x) const {
        return x < 0.0 ? -std::numeric_limits<double>::infinity() : std::log(lambda_) - lambda_ * x;
    }
    double pdf_at(double x) const { return x < 0.0 ? 0.0 : lambda_ * std::exp(-lambda_ * x); }
    double cdf_at(double x) const { return x <= 0.0 ? 0.0 : -std::expm1(-lambda_ * x); }
    double sf_at(double x) const { return x <= 0.0 ? 1.0 : std::exp(-lambda_ * x); }
    double log_cdf_at(double x) const {
        return x <= 0.0 ? -std::numeric_limits<double>::infinity() : detail::log1mexp(lambda_ * x);
    }
    double log_sf_at(double x) const { return x <= 0.0 ? 0.0 : -lambda_ * x; }
    // 0 - log(...) instead of -log(...): +0, not -0, at q = 0 (quantile) and q = 1 (isf)
    double quantile_at(double q) const { return (0.0 - std::log1p(-q)) / lambda_; }
    double isf_at(double q) const { return (0.0 - std::log(q)) / lambda_; }
    double draw(std::uint64_t seed, std::uint64_t i) const { return isf_at(uniform_at(seed, i)); }

    double lambda_;
};

/// \ingroup chapter2
/// \brief The Laplace distribution with location \f$ \mu \f$ and scale \f$ \gamma \f$,
/// symmetric about \f$ \mu \f$.
///
/// \f[ \mathrm{Laplace}(x; \mu, \gamma) = \frac{1}{2\gamma} \exp\!\left(-\frac{|x-\mu|}{\gamma}\right), \qquad
///     F(x) = \begin{cases} \tfrac12 e^{(x-\mu)/\gamma} & x < \mu \\ 1 - \tfrac12 e^{-(x-\mu)/\gamma} & x \ge \mu \end{cases} \f]
/// \f$ S(x) = F(2\mu - x) \f$ written out, \f$ \log F = (x-\mu)/\gamma - \ln 2 \f$ below
/// \f$ \mu \f$ (exact in the tail) and \f$ \operatorname{log1p}(-\tfrac12 e^{-(x-\mu)/\gamma}) \f$
/// above. Quantile \f$ \mu + \gamma\ln(2q) \f$ for \f$ q < \tfrac12 \f$, \f$ \mu - \gamma\ln(2(1-q)) \f$
/// above (\f$ 1 - q \f$ exact there); mean, median and mode \f$ \mu \f$; variance
/// \f$ 2\gamma^2 \f$; skewness 0; excess kurtosis 3; entropy \f$ 1 + \ln(2\gamma) \f$ nats.
/// Sampling: the quantile of a uniform draw \f$ u_i \f$.
/// Requires \f$ \mu \f$ finite and \f$ 0 < \gamma < \infty \f$, else `domain_error`.
class Laplace : public detail::ContinuousUnivariate<Laplace> {
public:
    /// The name in error messages.
    static constexpr std::string_view family = detail::fn::laplace;

    /// Laplace with location `mu` and scale `gamma`.
    Laplace(double mu, double gamma) : mu_(mu), gamma_(gamma) { detail::check_laplace(mu, gamma); }

    double location() const { return mu_; }                             ///< \f$ \mu \f$
    double scale() const { return gamma_; }                              ///< \f$ \gamma \f$
    double mean() const { return mu_; }                                  ///< \f$ \mu \f$
    double variance() const { return 2.0 * gamma_ * gamma_; }            ///< \f$ 2\gamma^2 \f$
    double median() const { return mu_; }                                ///< \f$ \mu \f$
    double mode() const { return mu_; }                                  ///< \f$ \mu \f$
    double skewness() const { return 0.0; }                              ///< 0 (symmetric about \f$ \mu \f$)
    double kurtosis_excess() const { return 3.0; }                       ///< 3
    double entropy() const { return 1.0 + std::log(2.0 * gamma_); }      ///< \f$ 1 + \ln(2\gamma) \f$ nats

private:
    friend class detail::Univariate<Laplace>;
    friend class detail::ContinuousUnivariate<Laplace>;
    double t(double x) const { return (x - mu_) / gamma_; }
    double log_pdf_at(double x) const { return -std::fabs(t(x)) - std::log(2.0 * gamma_); }
    double pdf_at(double x) const { return std::exp(-std::fabs(t(x))) / (2.0 * gamma_); }
    double cdf_at(double x) const { return x < mu_ ? 0.5 * std::exp(t(x)) : 1.0 - 0.5 * std::exp(-t(x)); }
    double sf_at(double x) const { return x > mu_ ? 0.5 * std::exp(-t(x)) : 1.0 - 0.5 * std::exp(t(x)); }
    double log_cdf_at(double x) const {
        return x < mu_ ? t(x) - std::numbers::ln2 : std::log1p(-0.5 * std::exp(-t(x)));
    }
    double log_sf_at(double x) const {
        return x > mu_ ? -t(x) - std::numbers::ln2 : std::log1p(-0.5 * std::exp(t(x)));
    }
    double quantile_at(double q) const {
        return q < 0.5 ? mu_ + gamma_ * std::log(2.0 * q) : mu_ - gamma_ * std::log(2.0 * (1.0 - q));
    }
    double isf_at(double q) const {
        return q < 0.5 ? mu_ - gamma_ * std::log(2.0 * q) : mu_ + gamma_ * std::log(2.0 * (1.0 - q));
    }
    double draw(std::uint64_t seed, std::uint64_t i) const { return quantile_at(uniform_at(seed, i)); }

    double mu_, gamma_;
};

}  // namespace dlmath
