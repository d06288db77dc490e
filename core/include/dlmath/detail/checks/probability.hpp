/// \file
/// \brief Chapter 2's input checks: one `check_<function>` per public
/// function (or constructor), called first thing by both twins, so that the
/// reference and the fast function reject exactly the same inputs with the
/// same message. Each function's name is written once, in `fn::`.
#pragma once

#include <cmath>
#include <cstddef>
#include <string_view>

#include "dlmath/detail/checks/common.hpp"

namespace dlmath::detail {

// ------------------------------------------------------------- distributions

/// The names of the distributions' functions, as the messages write them.
namespace fn {
inline constexpr std::string_view gaussian = "Gaussian", gaussian_log_pdf = "Gaussian::log_pdf";
}  // namespace fn

/// Throws `domain_error` when the point `x` of a density is NaN (\f$ \pm\infty \f$ are
/// allowed: the density has a limit there).
inline void check_x(std::string_view function, double x) { require_not_nan(function, "x", x); }

/// Throws `domain_error` unless the mean is finite.
inline void check_location(std::string_view function, std::string_view name, double value) {
    if (!std::isfinite(value)) {
        throw domain_error(message(function, ": ", name, " must be finite (got ", name, " = ", value, ")"));
    }
}

/// Throws `domain_error` unless a scale parameter is finite and > 0.
inline void check_scale(std::string_view function, std::string_view name, double value) {
    if (!(value > 0.0) || std::isinf(value)) {
        throw domain_error(message(function, ": ", name, " must be finite and > 0 (got ", name, " = ", value, ")"));
    }
}

/// `Gaussian::from_variance(mu, sigma2)`.
inline void check_gaussian_variance(double mu, double sigma2) {
    check_location(fn::gaussian, "mu", mu);
    check_scale(fn::gaussian, "sigma^2", sigma2);
}
/// `Gaussian::from_stddev(mu, sigma)`.
inline void check_gaussian_stddev(double mu, double sigma) {
    check_location(fn::gaussian, "mu", mu);
    check_scale(fn::gaussian, "sigma", sigma);
}
/// `Gaussian::from_precision(mu, beta)`.
inline void check_gaussian_precision(double mu, double beta) {
    check_location(fn::gaussian, "mu", mu);
    check_scale(fn::gaussian, "beta", beta);
}

// The univariate families beside the Gaussian, and the functions every
// family shares. A member's name in a message is "<family>::<member>".
namespace fn {
inline constexpr std::string_view bernoulli = "Bernoulli", categorical = "Categorical", uniform = "Uniform",
                                  exponential = "Exponential", laplace = "Laplace", empirical = "Empirical";
inline constexpr std::string_view log_pdf = "log_pdf";  // the batched log_pdf(dist, x) of both twins
}  // namespace fn

/// The tolerance on \f$ |\sum_i p_i - 1| \f$ of a probability vector of k
/// entries: \f$ 8 k u \f$. Reading k decimal probabilities rounds each by
/// \f$ u \f$ relative, adding them rounds k − 1 more times, and a vector
/// normalised by dividing by its sum carries another \f$ k u \f$: a few
/// \f$ k u \f$ is what a correct vector can be off by, and a wrong one
/// (a probability left out, or mistyped in its third digit) is far outside.
inline double probability_sum_tolerance(std::size_t k) {
    return 8.0 * static_cast<double>(k) * unit_roundoff<double>();
}

/// `<family>::<member>(x)` of a univariate family: `domain_error` when `x` is
/// NaN (\f$ \pm\infty \f$ give the limits).
inline void check_point(std::string_view family, std::string_view member, double x) {
    if (std::isnan(x)) throw domain_error(message(family, "::", member, ": x must not be NaN"));
}

/// `<family>::quantile(q)` and `<family>::isf(q)`: `domain_error` unless
/// \f$ 0 \le q \le 1 \f$.
inline void check_probability_argument(std::string_view family, std::string_view member, double q) {
    if (!(q >= 0.0 && q <= 1.0)) {
        throw domain_error(message(family, "::", member, ": q must be a probability in [0, 1] (got q = ", q, ")"));
    }
}

/// A probability parameter (Bernoulli's \f$ \phi \f$): in [0, 1], not NaN.
inline void check_probability_parameter(std::string_view family, std::string_view name, double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
        throw domain_error(message(family, ": ", name, " must be a probability in [0, 1] (got ", name, " = ", p, ")"));
    }
}

/// `Bernoulli(phi)`.
inline void check_bernoulli(double phi) { check_probability_parameter(fn::bernoulli, "phi", phi); }

/// Every entry of the probabilities `p` of a categorical distribution is in
/// [0, 1]; the message names the first that is not.
inline void check_probability_entries(const Vector& p) {
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!(p(i) >= 0.0 && p(i) <= 1.0)) {
            throw domain_error(message(fn::categorical, ": p(", i, ") must be a probability in [0, 1] (got p(", i,
                                       ") = ", p(i), ")"));
        }
    }
}

/// `Categorical(p)` from all k probabilities: k ≥ 1, each in [0, 1], and
/// \f$ |\sum_i p_i - 1| \le \f$ probability_sum_tolerance(k).
inline void check_categorical(const Vector& p) {
    require_nonempty(fn::categorical, p, "p");
    check_probability_entries(p);
    double sum = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) sum += p(i);
    const double tol = probability_sum_tolerance(p.size());
    if (!(std::fabs(sum - 1.0) <= tol)) {
        throw domain_error(message(fn::categorical, ": the probabilities must sum to 1 (", p.size(),
                                   " probabilities sum to ", sum, ", off by ", sum - 1.0, "; the tolerance is ", tol,
                                   ")"));
    }
}

/// `Categorical::from_first(p)` from the first k − 1 probabilities (the last
/// is \f$ 1 - \mathbf 1^\top p \f$): each in [0, 1] and
/// \f$ \mathbf 1^\top p \le 1 \f$ + probability_sum_tolerance(k).
inline void check_categorical_first(const Vector& p) {
    check_probability_entries(p);
    double sum = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) sum += p(i);
    const double tol = probability_sum_tolerance(p.size() + 1);
    if (!(sum <= 1.0 + tol)) {
        throw domain_error(message(fn::categorical, "::from_first: the first ", p.size(),
                                   " probabilities must sum to at most 1 (they sum to ", sum, "; the tolerance is ",
                                   tol, ")"));
    }
}

/// `Uniform(a, b)`: a and b finite, a < b, and b − a finite.
inline void check_uniform(double a, double b) {
    check_location(fn::uniform, "a", a);
    check_location(fn::uniform, "b", b);
    if (!(a < b)) throw domain_error(message(fn::uniform, ": a must be less than b (got a = ", a, ", b = ", b, ")"));
    if (std::isinf(b - a)) {
        throw domain_error(message(fn::uniform, ": the width b - a must be finite (got a = ", a, ", b = ", b, ")"));
    }
}

/// `Exponential(lambda)`: the rate is finite and > 0.
inline void check_exponential(double lambda) { check_scale(fn::exponential, "lambda", lambda); }

/// `Laplace(mu, gamma)`: the location is finite, the scale finite and > 0.
inline void check_laplace(double mu, double gamma) {
    check_location(fn::laplace, "mu", mu);
    check_scale(fn::laplace, "gamma", gamma);
}

/// `Empirical(data)`: at least one point, every point finite.
inline void check_empirical(const Vector& data) {
    require_nonempty(fn::empirical, data, "data");
    require_finite(fn::empirical, data, "data");
}

/// The batched `log_pdf(dist, x)` of both twins: no entry of x is NaN.
inline void check_log_pdf_sample(std::string_view family, const Vector& x) {
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x(i))) {
            throw domain_error(message(fn::log_pdf, "(", family, ", x): x must not contain NaN (x has ", x.size(),
                                       " entries, entry ", i, " is NaN)"));
        }
    }
}

// ------------------------------------------------- multivariate and mixtures

// ------------------------------------------------------ tables and estimators

// ---------------------------------------------------------------- information

}  // namespace dlmath::detail
