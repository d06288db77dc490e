/// \file
/// \brief Mixture distributions \f$ p(x) = \sum_i P(c = i)\, p(x \mid c = i) \f$
/// as a value type over the component type (dlmath::Gaussian in one
/// dimension, dlmath::MultivariateGaussian in d), shared by both twins:
/// the density of one point, the responsibilities by Bayes' rule, sampling
/// through the latent variable. The batched log-density of a whole sample
/// is the twins' own (dlmath::reference::log_pdf, dlmath::fast::log_pdf).
#pragma once

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/distributions.hpp"
#include "dlmath/multivariate.hpp"
#include "dlmath/random.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath {

namespace detail {

/// The type of one point of a component's density: `C::point_type`
/// (`Vector` for dlmath::MultivariateGaussian), `double` for dlmath::Gaussian.
template <class C>
struct point_of {
    using type = typename C::point_type;  ///< the point type the component declares
};
/// A univariate Gaussian's points are numbers.
template <>
struct point_of<Gaussian> {
    using type = double;  ///< one number
};

/// The dimension of a component: 1 for a univariate Gaussian, `dim()` otherwise.
inline std::size_t dimension_of(const Gaussian&) { return 1; }
/// The dimension of a multivariate component, its `dim()`.
template <class C>
std::size_t dimension_of(const C& c) {
    return c.dim();
}

//! [log_sum_exp]
/// \brief \f$ \log \sum_i e^{a_i} \f$ accumulated one term at a time, without
/// storing the terms ("streaming" log-sum-exp): it keeps the largest term so
/// far, \f$ m \f$, and \f$ s = \sum_i e^{a_i - m} \f$. Every exponent is
/// \f$ \le 0 \f$ and the largest term is exactly 1, so s neither overflows nor
/// underflows to 0; when a new maximum arrives, s is rescaled by
/// \f$ e^{m_{\text{old}} - m_{\text{new}}} \f$. Terms of \f$ -\infty \f$ (weight
/// 0, a point at infinity) add nothing; with no finite term the value is
/// \f$ -\infty \f$.
struct LogSumExp {
    double m = -std::numeric_limits<double>::infinity();  ///< the largest term so far
    double s = 0.0;                                       ///< \f$ \sum_i e^{a_i - m} \f$
    /// Adds the term \f$ e^{a} \f$ (given by its logarithm \f$ a \f$).
    void add(double a) {
        if (a == -std::numeric_limits<double>::infinity()) return;
        if (a > m) {
            s = s * std::exp(m - a) + 1.0;
            m = a;
        } else {
            s += std::exp(a - m);
        }
    }
    /// \f$ \log \sum_i e^{a_i} \f$ of the terms added so far.
    double value() const { return std::isinf(m) ? m : m + std::log(s); }
};
//! [log_sum_exp]

}  // namespace detail

/// \ingroup chapter2
/// \brief A Monte-Carlo estimate \f$ \hat\mu = \frac1n \sum_i f_i \f$ and its
/// standard error \f$ s / \sqrt n \f$ (\f$ s \f$ the sample standard deviation of the \f$ f_i \f$).
struct MonteCarloEstimate {
    double value = 0.0;           ///< the sample mean of the terms
    double standard_error = 0.0;  ///< \f$ s / \sqrt n \f$
    std::size_t samples = 0;      ///< n, the number of draws
};

/// \ingroup chapter2
/// \brief A mixture \f$ p(x) = \sum_{i=1}^{k} w_i\, p_i(x) \f$ of k
/// components of one type with weights \f$ w_i = P(c = i) \ge 0 \f$,
/// \f$ \sum_i w_i = 1 \f$: draw the latent class \f$ c \f$ with
/// probabilities \f$ w \f$, then \f$ x \f$ from component \f$ c \f$.
///
/// `Component` is dlmath::Gaussian (points are doubles) or
/// dlmath::MultivariateGaussian (points are vectors); the Gaussian mixture
/// of d dimensions is `Mixture<MultivariateGaussian>`.
template <class Component>
class Mixture {
public:
    using component_type = Component;                                  ///< the type of the components
    using point_type = typename detail::point_of<Component>::type;     ///< double or Vector

    /// The mixture with weights `w ~ (k)` of the k `components`.
    /// \throws dlmath::shape_error unless there is one weight per component
    /// and the components have one dimension.
    /// \throws dlmath::domain_error if a weight is negative, infinite or NaN,
    /// or \f$ |\sum_i w_i - 1| \f$ exceeds \f$ 8 (k + 1) u \f$ (the message
    /// gives the sum and the tolerance; see detail::mixture_weight_tolerance).
    Mixture(Vector w, std::vector<Component> components) : w_(std::move(w)), c_(std::move(components)) {
        detail::check_mixture(w_, c_.size(), [this](std::size_t i) { return detail::dimension_of(c_[i]); });
        log_w_ = xt::log(w_);  // log 0 = -inf: a component of weight 0 never contributes
    }
    /// The one-component "mixture" of weight 1: a single distribution seen as a mixture.
    explicit Mixture(Component single) : Mixture(Vector{1.0}, std::vector<Component>{std::move(single)}) {}

    std::size_t size() const { return c_.size(); }             ///< k, the number of components
    std::size_t dim() const { return detail::dimension_of(c_[0]); }  ///< the dimension of a point
    const Vector& weights() const { return w_; }              ///< \f$ w_i = P(c = i) \f$
    const Vector& log_weights() const { return log_w_; }      ///< \f$ \log w_i \f$
    const std::vector<Component>& components() const { return c_; }  ///< \f$ p(x \mid c = i) \f$

    //! [mixture_log_pdf]
    /// \f$ \log p(x) = \log \sum_i \exp\big( \log w_i + \log p_i(x) \big) \f$ by
    /// log-sum-exp (detail::LogSumExp): finite wherever one component's
    /// log-density is, however far x lies from every component (where
    /// \f$ p(x) \f$ itself underflows to 0).
    /// \throws dlmath::domain_error for a NaN coordinate (and
    /// dlmath::shape_error for a point of the wrong dimension).
    double log_pdf(const point_type& x) const {
        check_point(detail::fn::mixture_log_pdf, x);
        detail::LogSumExp lse;
        for (std::size_t i = 0; i < size(); ++i) lse.add(log_w_(i) + c_[i].log_pdf(x));  // log P(c = i) + log p(x | c = i)
        return lse.value();
    }
    //! [mixture_log_pdf]
    /// \f$ p(x) = \sum_i w_i\, p_i(x) \f$, as \f$ \exp \log p(x) \f$.
    double pdf(const point_type& x) const { return std::exp(log_pdf(x)); }

    //! [posterior]
    /// \brief The responsibilities \f$ r_i(x) = P(c = i \mid x) \f$ by Bayes' rule,
    /// in log space:
    /// \f[ r_i(x) = \frac{w_i\, p_i(x)}{\sum_j w_j\, p_j(x)}
    ///   = \exp\Big( a_i - \log\sum_j e^{a_j} \Big), \qquad a_i = \log w_i + \log p_i(x). \f]
    /// The evidence \f$ p(x) \f$ is the mixture's density; the prior is the
    /// weights. Sums to 1 within \f$ (k + 4) u \f$; no 0/0 for a point far
    /// from every component (where every \f$ w_i p_i(x) \f$ underflows).
    /// \throws dlmath::domain_error unless x is finite, or where every
    /// component's log-density is \f$ -\infty \f$ (a point so far away that
    /// its squared distance overflows); dlmath::shape_error for a point of
    /// the wrong dimension.
    Vector posterior(const point_type& x) const {
        check_posterior(x);
        Vector a = Vector::from_shape({size()});  // a_i = log P(c = i) + log p(x | c = i)
        detail::LogSumExp lse;
        for (std::size_t i = 0; i < size(); ++i) lse.add(a(i) = log_w_(i) + c_[i].log_pdf(x));
        const double log_evidence = lse.value();  // log p(x)
        if (std::isinf(log_evidence)) {
            throw domain_error(detail::message(detail::fn::mixture_posterior,
                                               ": every component's log-density is -inf at x (the squared distance "
                                               "overflows); the responsibilities are undefined there"));
        }
        for (std::size_t i = 0; i < a.size(); ++i) a(i) = std::exp(a(i) - log_evidence);
        return a;
    }
    //! [posterior]

    /// `n` draws: for each, the latent class \f$ c_i \f$ (the inverse CDF of
    /// the weights at the next uniform draw of `rng`), then the point from
    /// component \f$ c_i \f$. The n classes take the next n draws of the
    /// stream; the points are then drawn component by component, component
    /// i's in one `sample` call for all draws of class i, in order.
    /// Returns a `Vector ~ (n)` for 1-D components, a `Matrix ~ (n, d)` for d-D.
    auto sample(Rng& rng, std::size_t n) const {
        std::vector<std::size_t> cls(n), count(size(), 0);
        const std::uint64_t first = rng.take(n);
        for (std::size_t i = 0; i < n; ++i) {
            cls[i] = pick(uniform_at(rng.seed(), first + i));
            ++count[cls[i]];
        }
        using Draws = decltype(c_[0].sample(rng, 0));
        std::vector<Draws> draws;
        for (std::size_t j = 0; j < size(); ++j) draws.push_back(c_[j].sample(rng, count[j]));
        std::vector<std::size_t> next(size(), 0);
        if constexpr (std::same_as<point_type, double>) {
            Vector x = Vector::from_shape({n});
            for (std::size_t i = 0; i < n; ++i) x(i) = draws[cls[i]](next[cls[i]]++);
            return x;
        } else {
            Matrix X = Matrix::from_shape({n, dim()});
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t r = next[cls[i]]++;
                for (std::size_t j = 0; j < dim(); ++j) X(i, j) = draws[cls[i]](r, j);
            }
            return X;
        }
    }

    /// The mean of a 1-D mixture, \f$ E[x] = \sum_i w_i \mu_i \f$.
    double mean() const
        requires std::same_as<point_type, double>
    {
        double m = 0.0;
        for (std::size_t i = 0; i < size(); ++i) m += w_(i) * c_[i].mean();
        return m;
    }
    /// The variance of a 1-D mixture by the law of total variance,
    /// \f$ \mathrm{Var}[x] = \sum_i w_i \big( \sigma_i^2 + (\mu_i - E[x])^2 \big) \f$
    /// (the mean within plus the spread between the components; a sum of
    /// non-negative terms, so no cancellation).
    double variance() const
        requires std::same_as<point_type, double>
    {
        const double m = mean();
        double v = 0.0;
        for (std::size_t i = 0; i < size(); ++i) {
            const double dm = c_[i].mean() - m;
            v += w_(i) * (c_[i].variance() + dm * dm);
        }
        return v;
    }

private:
    // the class whose cumulative weight first exceeds u (the last class with
    // positive weight if rounding leaves the total below u)
    std::size_t pick(double u) const {
        double cum = 0.0;
        std::size_t last = 0;
        for (std::size_t i = 0; i < size(); ++i) {
            if (w_(i) > 0.0) last = i;
            cum += w_(i);
            if (u < cum && w_(i) > 0.0) return i;
        }
        return last;
    }
    void check_point(std::string_view function, double x) const { detail::require_not_nan(function, "x", x); }
    void check_point(std::string_view function, const Vector& x) const { detail::check_point(function, x, dim()); }
    void check_posterior(double x) const { detail::check_posterior_point(x); }
    void check_posterior(const Vector& x) const { detail::check_posterior_point(x, dim()); }

    Vector w_;
    std::vector<Component> c_;
    Vector log_w_;
};

}  // namespace dlmath
