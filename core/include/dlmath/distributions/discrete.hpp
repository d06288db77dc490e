/// \file
/// \brief The discrete univariate families: Bernoulli, Categorical
/// (multinoulli) and Empirical (the Dirac-delta mixture of a data set). Each
/// writes its formulas; the checked surface is detail::DiscreteUnivariate's.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/distributions/univariate.hpp"
#include "dlmath/random.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath {

/// \ingroup chapter2
/// \brief The Bernoulli distribution: \f$ x \in \{0, 1\} \f$ with \f$ P(x = 1) = \phi \f$.
///
/// \f[ P(x) = \phi^x (1-\phi)^{1-x}, \qquad E[x] = \phi, \qquad \operatorname{Var}[x] = \phi(1-\phi) \f]
/// pmf 0 off \f$ \{0, 1\} \f$ (SciPy); \f$ F \f$ is the step \f$ 0, 1-\phi, 1 \f$ at 0 and 1.
/// Quantile: 0 for \f$ q \le 1-\phi \f$, else 1 (Boost.Math); isf, the smallest k with
/// \f$ S(k) \le q \f$: 0 for \f$ q \ge \phi \f$, else 1.
/// Median and mode: 0 for \f$ \phi \le \tfrac12 \f$, else 1 (Boost.Math); skewness
/// \f$ (1-2\phi)/\sqrt{\phi(1-\phi)} \f$; excess kurtosis \f$ (1 - 6\phi(1-\phi))/(\phi(1-\phi)) \f$ (both
/// \f$ \pm\infty \f$ at \f$ \phi \in \{0, 1\} \f$); entropy \f$ -\phi\ln\phi - (1-\phi)\ln(1-\phi) \f$ nats,
/// with \f$ 0 \ln 0 = 0 \f$ (largest, \f$ \ln 2 \f$, at \f$ \phi = \tfrac12 \f$). Sampling: 1 when
/// the uniform draw \f$ u_i < \phi \f$, else 0. Requires \f$ 0 \le \phi \le 1 \f$, else `domain_error`.
class Bernoulli : public detail::DiscreteUnivariate<Bernoulli> {
public:
    /// The name in error messages.
    static constexpr std::string_view family = detail::fn::bernoulli;

    /// Bernoulli with success probability `phi`.
    explicit Bernoulli(double phi) : phi_(phi) { detail::check_bernoulli(phi); }

    double phi() const { return phi_; }                              ///< \f$ \phi = P(x = 1) \f$
    double mean() const { return phi_; }                             ///< \f$ \phi \f$
    double variance() const { return phi_ * (1.0 - phi_); }          ///< \f$ \phi(1-\phi) \f$
    double median() const { return phi_ <= 0.5 ? 0.0 : 1.0; }        ///< 0 if \f$ \phi \le \tfrac12 \f$, else 1
    double mode() const { return median(); }                         ///< 0 if \f$ \phi \le \tfrac12 \f$, else 1
    /// \f$ (1-2\phi)/\sqrt{\phi(1-\phi)} \f$
    double skewness() const { return (1.0 - 2.0 * phi_) / std::sqrt(variance()); }
    /// \f$ (1 - 6\phi(1-\phi))/(\phi(1-\phi)) \f$
    double kurtosis_excess() const { return (1.0 - 6.0 * variance()) / variance(); }
    /// \f$ -\phi\ln\phi - (1-\phi)\ln(1-\phi) \f$ nats (\f$ 0\ln 0 = 0 \f$)
    double entropy() const {
        const double one = phi_ > 0.0 ? phi_ * std::log(phi_) : 0.0;
        const double zero = phi_ < 1.0 ? (1.0 - phi_) * std::log1p(-phi_) : 0.0;
        return -(one + zero);
    }

private:
    friend class detail::Univariate<Bernoulli>;
    friend class detail::DiscreteUnivariate<Bernoulli>;
    static constexpr double inf = std::numeric_limits<double>::infinity();
    // P(x) = phi^x (1 - phi)^(1 - x) on {0, 1}
    double pmf_at(double x) const { return x == 1.0 ? phi_ : x == 0.0 ? 1.0 - phi_ : 0.0; }
    double log_pmf_at(double x) const { return x == 1.0 ? std::log(phi_) : x == 0.0 ? std::log1p(-phi_) : -inf; }
    double cdf_at(double x) const { return x < 0.0 ? 0.0 : x < 1.0 ? 1.0 - phi_ : 1.0; }
    double sf_at(double x) const { return x < 0.0 ? 1.0 : x < 1.0 ? phi_ : 0.0; }
    double log_cdf_at(double x) const { return x < 0.0 ? -inf : x < 1.0 ? std::log1p(-phi_) : 0.0; }
    double log_sf_at(double x) const { return x < 0.0 ? 0.0 : x < 1.0 ? std::log(phi_) : -inf; }
    double quantile_at(double q) const { return q <= 1.0 - phi_ ? 0.0 : 1.0; }
    double isf_at(double q) const { return q >= phi_ ? 0.0 : 1.0; }
    double draw(std::uint64_t seed, std::uint64_t i) const { return uniform_at(seed, i) < phi_ ? 1.0 : 0.0; }

    double phi_;
};

/// \ingroup chapter2
/// \brief The categorical (multinoulli) distribution over the k states
/// \f$ 0, 1, \dots, k-1 \f$, \f$ P(x = i) = p_i \f$.
///
/// Made from all k probabilities (each in [0, 1], summing to 1 within
/// dlmath::detail::probability_sum_tolerance(k) \f$ = 8ku \f$), or with
/// from_first() from the first k − 1, the last being
/// \f$ p_{k-1} = 1 - \mathbf 1^\top p \f$ — which needs \f$ \mathbf 1^\top p \le 1 \f$
/// (the constraint is on the sum of the first k − 1, not on each one).
/// The states are numbers, so \f$ F(x) = \sum_{i \le x} p_i \f$, the quantile
/// (smallest i with \f$ F(i) \ge q \f$), the moments \f$ E[x] = \sum_i i\,p_i \f$ etc.
/// are those of SciPy's `rv_discrete(values=(range(k), p))`. `sf` sums the
/// tail from the right (no \f$ 1 - F \f$); quantile(0) and isf(1) are the first
/// state of positive mass, quantile(1) and isf(0) the last. Mode: the first
/// most probable state; entropy \f$ -\sum_i p_i\ln p_i \f$ nats (\f$ 0\ln 0 = 0 \f$).
/// Sampling: the smallest i with \f$ u_i < F(i) \f$ (inverse transform).
class Categorical : public detail::DiscreteUnivariate<Categorical> {
public:
    /// The name in error messages.
    static constexpr std::string_view family = detail::fn::categorical;

    /// From all k ≥ 1 probabilities `p` (`domain_error` if one is outside [0, 1]
    /// or NaN, or the sum is off 1 by more than the tolerance; `shape_error` if p is empty).
    explicit Categorical(const Vector& p) : p_(p) {
        detail::check_categorical(p);
        tabulate();
    }
    /// From the first k − 1 probabilities `p`: \f$ p_{k-1} = 1 - \mathbf 1^\top p \f$
    /// (`domain_error` if one is outside [0, 1] or \f$ \mathbf 1^\top p > 1 \f$ beyond the
    /// tolerance; a sum over 1 within it gives \f$ p_{k-1} = 0 \f$). Empty p gives k = 1.
    static Categorical from_first(const Vector& p) {
        detail::check_categorical_first(p);
        Vector all = xt::empty<double>({p.size() + 1});
        double sum = 0.0;
        for (std::size_t i = 0; i < p.size(); ++i) sum += (all(i) = p(i));
        all(p.size()) = std::max(0.0, 1.0 - sum);
        return Categorical(all, Unchecked{});
    }

    const Vector& probabilities() const { return p_; }  ///< \f$ (p_0, \dots, p_{k-1}) \f$
    std::size_t size() const { return p_.size(); }     ///< k
    double mean() const { return moments().mean; }     ///< \f$ \sum_i i\, p_i \f$
    double variance() const { return moments().m2; }   ///< \f$ \sum_i (i - E[x])^2 p_i \f$
    double median() const { return quantile_at(0.5); } ///< quantile(1/2)
    /// The first most probable state \f$ \arg\max_i p_i \f$.
    double mode() const {
        return static_cast<double>(std::distance(p_.begin(), std::max_element(p_.begin(), p_.end())));
    }
    double skewness() const { return moments().skewness(); }                 ///< \f$ m_3/m_2^{3/2} \f$ (NaN for one state of mass 1)
    double kurtosis_excess() const { return moments().kurtosis_excess(); }   ///< \f$ m_4/m_2^2 - 3 \f$
    /// \f$ -\sum_i p_i \ln p_i \f$ nats (\f$ 0\ln 0 = 0 \f$)
    double entropy() const {
        double h = 0.0;
        for (std::size_t i = 0; i < p_.size(); ++i) h -= p_(i) > 0.0 ? p_(i) * std::log(p_(i)) : 0.0;
        return h;
    }

private:
    friend class detail::Univariate<Categorical>;
    friend class detail::DiscreteUnivariate<Categorical>;
    struct Unchecked {};
    Categorical(const Vector& p, Unchecked) : p_(p) { tabulate(); }

    // F(i) = p_0 + ... + p_i from the left (forced to 1 from the last state of
    // positive mass on), S(i) = p_{i+1} + ... + p_{k-1} from the right.
    void tabulate() {
        const std::size_t k = p_.size();
        cdf_ = xt::empty<double>({k});
        tail_ = xt::empty<double>({k});
        first_ = k - 1;
        last_ = 0;
        for (std::size_t i = 0; i < k; ++i) {
            if (p_(i) > 0.0) {
                first_ = std::min(first_, i);
                last_ = i;
            }
        }
        double c = 0.0;
        for (std::size_t i = 0; i < k; ++i) cdf_(i) = i >= last_ ? 1.0 : (c += p_(i));
        double s = 0.0;
        for (std::size_t i = k; i-- > 0;) {
            tail_(i) = i >= last_ ? 0.0 : s;
            s += p_(i);
        }
    }
    detail::Moments moments() const {
        return detail::discrete_moments(p_.size(), [](std::size_t i) { return static_cast<double>(i); },
                                        [this](std::size_t i) { return p_(i); });
    }
    // the state i when x is one of 0, ..., k-1; k (no state) otherwise
    std::size_t state(double x) const {
        return x >= 0.0 && x < static_cast<double>(p_.size()) && x == std::floor(x) ? static_cast<std::size_t>(x)
                                                                                    : p_.size();
    }
    // the largest state i <= x, for 0 <= x < k - 1
    std::size_t below(double x) const { return static_cast<std::size_t>(std::floor(x)); }
    double last_state() const { return static_cast<double>(p_.size() - 1); }

    double pmf_at(double x) const { return state(x) < p_.size() ? p_(state(x)) : 0.0; }
    double log_pmf_at(double x) const { return std::log(pmf_at(x)); }
    double cdf_at(double x) const { return x < 0.0 ? 0.0 : x >= last_state() ? 1.0 : cdf_(below(x)); }
    double sf_at(double x) const { return x < 0.0 ? 1.0 : x >= last_state() ? 0.0 : tail_(below(x)); }
    double log_cdf_at(double x) const { return std::log(cdf_at(x)); }
    double log_sf_at(double x) const { return std::log(sf_at(x)); }
    double quantile_at(double q) const {  // the smallest i with F(i) >= q
        if (q == 0.0) return static_cast<double>(first_);
        return static_cast<double>(std::lower_bound(cdf_.begin(), cdf_.end(), q) - cdf_.begin());
    }
    double isf_at(double q) const {  // the smallest i with S(i) <= q (S is non-increasing)
        if (q == 1.0) return static_cast<double>(first_);
        return static_cast<double>(std::partition_point(tail_.begin(), tail_.end(), [q](double s) { return s > q; }) -
                                   tail_.begin());
    }
    double draw(std::uint64_t seed, std::uint64_t i) const {  // the smallest i with u < F(i)
        const double u = uniform_at(seed, i);
        return static_cast<double>(std::upper_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
    }

    Vector p_, cdf_, tail_;
    std::size_t first_ = 0, last_ = 0;  // the first and the last state of positive mass
};

/// \ingroup chapter2
/// \brief The empirical distribution of n data points: mass 1/n on each,
/// the mixture of Dirac deltas \f$ \hat p(x) = \frac1n \sum_{i=1}^n \delta(x - x^{(i)}) \f$.
///
/// As a distribution on the real line it is discrete: pmf(x) is
/// (number of points equal to x)/n, \f$ F \f$ is the step function
/// \f$ \#\{i : x^{(i)} \le x\}/n \f$, \f$ S(x) = \#\{i : x^{(i)} > x\}/n \f$. With the points
/// sorted, \f$ x_{(1)} \le \dots \le x_{(n)} \f$: quantile(q) \f$ = x_{(\lceil qn \rceil)} \f$
/// (\f$ x_{(1)} \f$ at q = 0), isf(q) \f$ = x_{(n - \lfloor qn \rfloor)} \f$ (\f$ x_{(1)} \f$ at q = 1);
/// so the median quantile(1/2) is the lower middle point for even n (Boost.Math's
/// definition; NumPy's `median` averages the two). Mean \f$ \frac1n\sum_i x^{(i)} \f$ and the
/// population variance \f$ \frac1n\sum_i (x^{(i)} - \bar x)^2 \f$ (the distribution's, not an
/// unbiased estimate); skewness and excess kurtosis from the central moments
/// (NaN when every point is the same); mode the most frequent point (the smallest
/// of ties); entropy \f$ -\sum_v \frac{c_v}{n} \ln\frac{c_v}{n} \f$ over the distinct values
/// v with counts \f$ c_v \f$ (\f$ \ln n \f$ for distinct points). Sampling draws points:
/// \f$ x_{(\lfloor n u_i \rfloor + 1)} \f$, with replacement (the bootstrap).
/// Requires n ≥ 1 (`shape_error`) and finite points (`domain_error`).
class Empirical : public detail::DiscreteUnivariate<Empirical> {
public:
    /// The name in error messages.
    static constexpr std::string_view family = detail::fn::empirical;

    /// The empirical distribution of the points `data`.
    explicit Empirical(const Vector& data) : x_(data) {
        detail::check_empirical(data);
        std::sort(x_.begin(), x_.end());
    }

    const Vector& points() const { return x_; }                    ///< the points, sorted
    std::size_t size() const { return x_.size(); }                  ///< n
    double mean() const { return moments().mean; }                 ///< \f$ \frac1n\sum_i x^{(i)} \f$
    double variance() const { return moments().m2; }               ///< \f$ \frac1n\sum_i (x^{(i)} - \bar x)^2 \f$
    double median() const { return quantile_at(0.5); }             ///< \f$ x_{(\lceil n/2 \rceil)} \f$
    double skewness() const { return moments().skewness(); }       ///< \f$ m_3/m_2^{3/2} \f$
    double kurtosis_excess() const { return moments().kurtosis_excess(); }  ///< \f$ m_4/m_2^2 - 3 \f$
    /// The most frequent point (the smallest of ties).
    double mode() const {
        double best = x_(0);
        std::size_t best_count = 0;
        for (std::size_t i = 0; i < x_.size();) {
            const std::size_t j = run_end(i);
            if (j - i > best_count) {
                best_count = j - i;
                best = x_(i);
            }
            i = j;
        }
        return best;
    }
    /// \f$ -\sum_v \frac{c_v}{n}\ln\frac{c_v}{n} \f$ nats over the distinct values.
    double entropy() const {
        const double n = static_cast<double>(x_.size());
        double h = 0.0;
        for (std::size_t i = 0; i < x_.size();) {
            const std::size_t j = run_end(i);
            const double p = static_cast<double>(j - i) / n;
            h -= p * std::log(p);
            i = j;
        }
        return h;
    }

private:
    friend class detail::Univariate<Empirical>;
    friend class detail::DiscreteUnivariate<Empirical>;
    // the end of the run of points equal to x_(i)
    std::size_t run_end(std::size_t i) const {
        std::size_t j = i;
        while (j < x_.size() && x_(j) == x_(i)) ++j;
        return j;
    }
    detail::Moments moments() const {
        const double w = 1.0 / static_cast<double>(x_.size());
        return detail::discrete_moments(x_.size(), [this](std::size_t i) { return x_(i); },
                                        [w](std::size_t) { return w; });
    }
    double n() const { return static_cast<double>(x_.size()); }
    // how many points are <= x
    double at_most(double x) const {
        return static_cast<double>(std::upper_bound(x_.begin(), x_.end(), x) - x_.begin());
    }
    // the k-th smallest point, k clamped to 1..n
    double order_statistic(double k) const {
        const double kk = std::clamp(k, 1.0, n());
        return x_(static_cast<std::size_t>(kk) - 1);
    }

    double pmf_at(double x) const {
        const auto [lo, hi] = std::equal_range(x_.begin(), x_.end(), x);
        return static_cast<double>(hi - lo) / n();
    }
    double log_pmf_at(double x) const { return std::log(pmf_at(x)); }
    double cdf_at(double x) const { return at_most(x) / n(); }
    double sf_at(double x) const { return (n() - at_most(x)) / n(); }
    double log_cdf_at(double x) const { return std::log(cdf_at(x)); }
    double log_sf_at(double x) const { return std::log(sf_at(x)); }
    double quantile_at(double q) const { return order_statistic(std::ceil(q * n())); }
    double isf_at(double q) const { return order_statistic(n() - std::floor(q * n())); }
    double draw(std::uint64_t seed, std::uint64_t i) const { return order_statistic(std::floor(n() * uniform_at(seed, i)) + 1.0); }

    Vector x_;
};

}  // namespace dlmath
