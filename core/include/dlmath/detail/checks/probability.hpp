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

// ------------------------------------------------- multivariate and mixtures

/// The names of the multivariate Gaussian's, the mixtures' and the
/// Gaussian KL functions, as the messages write them.
namespace fn {
inline constexpr std::string_view multivariate_gaussian = "MultivariateGaussian",
                                  multivariate_gaussian_log_pdf = "MultivariateGaussian::log_pdf",
                                  multivariate_gaussian_sample = "MultivariateGaussian::sample",
                                  mixture = "Mixture", mixture_log_pdf = "Mixture::log_pdf",
                                  mixture_posterior = "Mixture::posterior", mixture_batch_log_pdf = "log_pdf",
                                  kl_divergence_gaussians = "kl_divergence",
                                  kl_divergence_monte_carlo = "kl_divergence_monte_carlo",
                                  kl_divergence_quadrature = "kl_divergence_quadrature",
                                  fit_gaussian = "fit_gaussian";
}  // namespace fn

/// `MultivariateGaussian` from a mean and a covariance or precision matrix
/// called `name`: `shape_error` unless the matrix is square with as many rows
/// as the mean has entries; `domain_error` unless the mean and the matrix are
/// finite and the matrix is symmetric (up to rounding, detail::require_symmetric).
/// Positive definiteness is checked by the Cholesky factorisation itself.
inline void check_multivariate_gaussian(const Vector& mu, const Matrix& S, std::string_view name) {
    require_square(fn::multivariate_gaussian, S, name);
    if (S.shape(0) != mu.size()) {
        throw shape_error(message(fn::multivariate_gaussian, ": ", name, " must be d x d for a mean of d = ",
                                  mu.size(), " entries (", name, " is ", shape_string(S), ")"));
    }
    require_finite(fn::multivariate_gaussian, mu, "mu");
    require_finite(fn::multivariate_gaussian, S, name);
    require_symmetric(fn::multivariate_gaussian, S, name);
}

/// `MultivariateGaussian::isotropic(mu, sigma2)`: a finite mean and a finite \f$ \sigma^2 > 0 \f$.
inline void check_multivariate_isotropic(const Vector& mu, double sigma2) {
    require_finite(fn::multivariate_gaussian, mu, "mu");
    check_scale(fn::multivariate_gaussian, "sigma^2", sigma2);
}

/// A point `x` of a d-dimensional density: `shape_error` unless it has d
/// entries, `domain_error` if one is NaN (\f$ \pm\infty \f$ are allowed: the
/// density tends to 0 there).
inline void check_point(std::string_view function, const Vector& x, std::size_t d) {
    if (x.size() != d) {
        throw shape_error(message(function, ": x must have d = ", d, " entries (x has ", x.size(), ")"));
    }
    for (std::size_t j = 0; j < d; ++j) {
        if (std::isnan(x(j))) throw domain_error(message(function, ": x must not contain NaN (x(", j, ") is NaN)"));
    }
}

/// Points of a d-dimensional density, one per row of `X ~ (n, d)`:
/// `shape_error` unless X has d columns, `domain_error` naming the first NaN.
inline void check_points(std::string_view function, const Matrix& X, std::size_t d) {
    if (X.shape(1) != d) {
        throw shape_error(message(function, ": X must have d = ", d, " columns, one point per row (X is ",
                                  shape_string(X), ")"));
    }
    for (std::size_t k = 0; k < X.size(); ++k) {
        if (std::isnan(X.data()[k])) {
            throw domain_error(message(function, ": X must not contain NaN (X is ", shape_string(X), ", X(", k / d,
                                       ",", k % d, ") is NaN)"));
        }
    }
}

/// Points of a 1-D density, one per entry of `x`: `domain_error` naming the first NaN.
inline void check_points(std::string_view function, const Vector& x) {
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x(i))) {
            throw domain_error(message(function, ": x must not contain NaN (x has ", x.size(), " entries, x(", i,
                                       ") is NaN)"));
        }
    }
}

/// The tolerance on \f$ |\sum_i w_i - 1| \f$ for k mixture weights:
/// \f$ 8 (k + 1) u \f$. Weights computed with a few roundings each (typed
/// decimals, a division by their sum, a softmax) sum to 1 within about
/// \f$ (k + 2) u \f$, and summing them here adds \f$ (k - 1) u \f$ more;
/// the check allows four times the worst of that, and no more, so that
/// weights that were never normalised are caught.
inline double mixture_weight_tolerance(std::size_t k) { return 8.0 * static_cast<double>(k + 1) * unit_roundoff<double>(); }

/// `Mixture(weights, components)`: `shape_error` unless there is one weight
/// per component and every component has the dimension of the first
/// (`dim(i)` gives component i's); `domain_error` unless every weight is
/// finite and \f$ \ge 0 \f$ and they sum to 1 within mixture_weight_tolerance.
template <class Dimension>
void check_mixture(const Vector& w, std::size_t k, Dimension dim) {
    if (w.size() != k) {
        throw shape_error(message(fn::mixture, ": one weight per component is needed (", w.size(), " weights, ", k,
                                  " components)"));
    }
    for (std::size_t i = 1; i < k; ++i) {
        if (dim(i) != dim(0)) {
            throw shape_error(message(fn::mixture, ": the components' dimensions differ (component 0 is ", dim(0),
                                      "-dimensional, component ", i, " is ", dim(i), "-dimensional)"));
        }
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < k; ++i) {
        if (!(w(i) >= 0.0) || std::isinf(w(i))) {
            throw domain_error(message(fn::mixture, ": weights must be finite and >= 0 (weight ", i, " is ", w(i), ")"));
        }
        sum += w(i);
    }
    const double tol = mixture_weight_tolerance(k);
    if (!(std::fabs(sum - 1.0) <= tol)) {
        throw domain_error(message(fn::mixture, ": weights must sum to 1 (they sum to ", sum, "; |sum - 1| = ",
                                   std::fabs(sum - 1.0), " exceeds the tolerance ", tol, ")"));
    }
}

/// `Mixture::posterior(x)`: the point must be finite (at infinity the
/// responsibilities are a limit that is not taken here).
inline void check_posterior_point(double x) {
    if (!std::isfinite(x)) {
        throw domain_error(message(fn::mixture_posterior, ": x must be finite (got x = ", x, ")"));
    }
}
/// The same for a point of a d-dimensional mixture.
inline void check_posterior_point(const Vector& x, std::size_t d) {
    check_point(fn::mixture_posterior, x, d);
    for (std::size_t j = 0; j < d; ++j) {
        if (std::isinf(x(j))) {
            throw domain_error(message(fn::mixture_posterior, ": x must be finite (x(", j, ") = ", x(j), ")"));
        }
    }
}

/// `kl_divergence(p, q)` of two multivariate Gaussians: the same dimension.
inline void check_kl_gaussians(std::size_t dp, std::size_t dq) {
    if (dp != dq) {
        throw shape_error(message(fn::kl_divergence_gaussians, ": dimensions differ (p is ", dp,
                                  "-dimensional, q is ", dq, "-dimensional)"));
    }
}

/// `kl_divergence_monte_carlo(p, q, rng, n)`: p and q of one dimension, and
/// n >= 2 draws (the standard error needs a sample variance).
inline void check_kl_monte_carlo(std::size_t dp, std::size_t dq, std::size_t n) {
    if (dp != dq) {
        throw shape_error(message(fn::kl_divergence_monte_carlo, ": dimensions differ (p is ", dp,
                                  "-dimensional, q is ", dq, "-dimensional)"));
    }
    if (n < 2) {
        throw domain_error(message(fn::kl_divergence_monte_carlo,
                                   ": n must be >= 2 (a standard error needs two draws; got n = ", n, ")"));
    }
}

/// `fit_gaussian(p, direction, ...)`: the minimiser's tolerance must be
/// finite and > 0 and its iteration limit at least 1.
inline void check_fit_gaussian(double tolerance, std::size_t max_iterations) {
    check_scale(fn::fit_gaussian, "tolerance", tolerance);
    if (max_iterations == 0) {
        throw domain_error(message(fn::fit_gaussian, ": max_iterations must be >= 1 (got 0)"));
    }
}


// ------------------------------------------------------ tables and estimators

// ---------------------------------------------------------------- information

}  // namespace dlmath::detail
