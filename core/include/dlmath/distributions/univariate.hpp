/// \file
/// \brief The surface every univariate distribution shares, written once:
/// the checked public functions (`cdf`, `sf`, `log_cdf`, `log_sf`,
/// `quantile`, `isf`, `pdf`/`log_pdf` or `pmf`/`log_pmf`, `stddev`,
/// `kurtosis`, `sample`) over each family's own formulas.
///
/// A family `D` derives from `ContinuousUnivariate<D>` or
/// `DiscreteUnivariate<D>` (the curiously recurring template pattern) and
/// writes only its formulas, as private members the base may call:
/// `cdf_at`, `sf_at`, `log_cdf_at`, `log_sf_at`, `quantile_at`, `isf_at`,
/// `log_pdf_at` and `pdf_at` (or `log_pmf_at`, `pmf_at`), and `draw(seed, i)`,
/// draw number i of the stream `seed`; its public moments `mean`,
/// `variance`, `median`, `mode`, `skewness`, `kurtosis_excess` and `entropy`;
/// and its name `D::family` for the messages.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/random.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::detail {

/// \brief The checked surface shared by every univariate family `D`.
///
/// Edges, as in SciPy and Boost.Math: at \f$ x = \pm\infty \f$ each function
/// returns its limit; `x` NaN throws `dlmath::domain_error`; `quantile(q)`
/// and `isf(q)` need \f$ 0 \le q \le 1 \f$ (else `domain_error`) and return the
/// end of the support at 0 and 1 (\f$ \mp\infty \f$ where it is unbounded).
template <class D>
class Univariate {
public:
    /// The cumulative distribution function \f$ F(x) = P(X \le x) \f$.
    double cdf(double x) const {
        check_point(D::family, "cdf", x);
        return self().cdf_at(x);
    }
    /// The survival function \f$ S(x) = P(X > x) = 1 - F(x) \f$, computed
    /// without the subtraction (accurate where \f$ F(x) \f$ is close to 1).
    double sf(double x) const {
        check_point(D::family, "sf", x);
        return self().sf_at(x);
    }
    /// \f$ \log F(x) \f$, accurate where \f$ F(x) \f$ underflows (far in the lower tail).
    double log_cdf(double x) const {
        check_point(D::family, "log_cdf", x);
        return self().log_cdf_at(x);
    }
    /// \f$ \log S(x) \f$, accurate where \f$ S(x) \f$ underflows (far in the upper tail).
    double log_sf(double x) const {
        check_point(D::family, "log_sf", x);
        return self().log_sf_at(x);
    }
    /// The quantile (inverse CDF, SciPy's `ppf`): the smallest x with
    /// \f$ F(x) \ge q \f$ (for a continuous family, \f$ F(x) = q \f$).
    double quantile(double q) const {
        check_probability_argument(D::family, "quantile", q);
        return self().quantile_at(q);
    }
    /// The inverse survival function: the smallest x with \f$ S(x) \le q \f$,
    /// accurate for tiny q (\f$ \mathrm{isf}(10^{-300}) \f$), where
    /// `quantile(1 - q)` would see \f$ 1 - q = 1 \f$.
    double isf(double q) const {
        check_probability_argument(D::family, "isf", q);
        return self().isf_at(q);
    }
    /// The standard deviation \f$ \sqrt{\operatorname{Var}[X]} \f$.
    double stddev() const { return std::sqrt(self().variance()); }
    /// The kurtosis \f$ E[(X-\mu)^4]/\sigma^4 \f$ (3 for a Gaussian); kurtosis_excess() is this minus 3.
    double kurtosis() const { return self().kurtosis_excess() + 3.0; }

    /// `n` draws from the distribution: draw i is a pure function of the
    /// stream's seed and the counter value `rng.position() + i` (see
    /// dlmath::Rng), so the same seed gives the same sample everywhere.
    /// Advances `rng` by n.
    Vector sample(Rng& rng, std::size_t n) const {
        Vector x = xt::empty<double>({n});
        const std::uint64_t first = rng.take(n);
        for (std::size_t i = 0; i < n; ++i) x(i) = self().draw(rng.seed(), first + i);
        return x;
    }

protected:
    /// The family itself.
    const D& self() const { return static_cast<const D&>(*this); }
};

/// \brief The surface of a continuous family: a density.
template <class D>
class ContinuousUnivariate : public Univariate<D> {
public:
    /// The density \f$ p(x) \f$ (it may exceed 1: only its integral is 1).
    double pdf(double x) const {
        check_point(D::family, "pdf", x);
        return this->self().pdf_at(x);
    }
    /// \f$ \log p(x) \f$ (\f$ -\infty \f$ outside the support).
    double log_pdf(double x) const {
        check_point(D::family, "log_pdf", x);
        return this->self().log_pdf_at(x);
    }
};

/// \brief The surface of a discrete family: a probability mass function.
template <class D>
class DiscreteUnivariate : public Univariate<D> {
public:
    /// The mass \f$ P(X = x) \f$, in [0, 1]; 0 off the support.
    double pmf(double x) const {
        check_point(D::family, "pmf", x);
        return this->self().pmf_at(x);
    }
    /// \f$ \log P(X = x) \f$ (\f$ -\infty \f$ off the support).
    double log_pmf(double x) const {
        check_point(D::family, "log_pmf", x);
        return this->self().log_pmf_at(x);
    }
};

/// The mean and central moments \f$ m_r = \sum_i w_i (x_i - \bar x)^r \f$ of a
/// discrete distribution with k atoms \f$ x_i \f$ and masses \f$ w_i \f$.
struct Moments {
    double mean = 0.0;  ///< \f$ \bar x = \sum_i w_i x_i \f$
    double m2 = 0.0;    ///< \f$ m_2 \f$, the variance
    double m3 = 0.0;    ///< \f$ m_3 \f$
    double m4 = 0.0;    ///< \f$ m_4 \f$
    double skewness() const { return m3 / std::pow(m2, 1.5); }       ///< \f$ m_3 / m_2^{3/2} \f$ (NaN for one atom)
    double kurtosis_excess() const { return m4 / (m2 * m2) - 3.0; }  ///< \f$ m_4 / m_2^2 - 3 \f$
};

/// The Moments of atoms `atom(i)` with masses `mass(i)`, i < k: two passes
/// (the mean, then the centred powers), so no cancellation of large means.
template <class Atom, class Mass>
Moments discrete_moments(std::size_t k, Atom atom, Mass mass) {
    Moments m;
    for (std::size_t i = 0; i < k; ++i) m.mean += mass(i) * atom(i);
    for (std::size_t i = 0; i < k; ++i) {
        const double d = atom(i) - m.mean, d2 = d * d;
        m.m2 += mass(i) * d2;
        m.m3 += mass(i) * d2 * d;
        m.m4 += mass(i) * d2 * d2;
    }
    return m;
}

}  // namespace dlmath::detail
