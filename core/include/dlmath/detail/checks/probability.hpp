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

// ------------------------------------------------------ tables and estimators

// ---------------------------------------------------------------- information

}  // namespace dlmath::detail
