/// \file
/// \brief Chapter 2's input checks: one `check_<function>` per public
/// function (or constructor), called first thing by both twins, so that the
/// reference and the fast function reject exactly the same inputs with the
/// same message. Each function's name is written once, in `fn::`.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
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

/// The names of the information measures, as the messages write them.
namespace fn {
inline constexpr std::string_view self_information = "self_information", entropy = "entropy",
                                  cross_entropy = "cross_entropy", kl_divergence = "kl_divergence",
                                  jensen_shannon_divergence = "jensen_shannon_divergence",
                                  mutual_information = "mutual_information", xlogy = "xlogy", entr = "entr",
                                  rel_entr = "rel_entr", kl_div = "kl_div";
}  // namespace fn

/// \brief How far from 1 the sum of a probability vector of n entries may
/// be: \f$ \tau_n = 4\,\max(n, 1)\,u \f$.
///
/// Why: a vector made by normalising, \f$ p_i = \mathrm{fl}(x_i / \hat s) \f$
/// with \f$ \hat s = \mathrm{fl}(\sum_j x_j) \f$ (a softmax, a table divided by
/// its total), sums exactly to \f$ (s / \hat s)(1 + \bar\delta) \f$, within
/// \f$ \gamma_{n-1} + u \le \gamma_n \f$ of 1 (an exp's own error cancels
/// between \f$ x_i \f$ and \f$ \hat s \f$); adding the entries up again here costs
/// another \f$ \gamma_{n-1} \f$ whatever the order. So such a vector is within
/// \f$ 2\gamma_n \approx 2nu \f$ of 1, and \f$ \tau_n \f$ allows twice that. A
/// vector of decimal literals (0.1, 0.2, 0.7) carries one rounding per entry,
/// well inside it. A float-precision vector (error about \f$ 10^{-7} \f$) does
/// not pass: renormalise it in double first.
inline double normalisation_tolerance(std::size_t n) {
    return 4.0 * static_cast<double>(n > 0 ? n : 1) * unit_roundoff<double>();
}

/// True when a sum of n probabilities computed in *any* order is so close to
/// 1 that the reference twin's recursive sum is within \f$ \tau_n \f$ of 1 as
/// well: \f$ |s - 1| \le \tau_n - 3\gamma_n \f$ (two sums of the same n
/// non-negative terms differ by at most \f$ 2\gamma_{n-1} \sum_i p_i \le 3\gamma_n \f$
/// while \f$ \sum_i p_i \le 1.5 \f$). The fast twin accepts its own sum when
/// this holds and otherwise runs the full check, which decides with the
/// reference's sum: the twins then reject exactly the same inputs.
inline bool surely_normalised(double sum, std::size_t n) {
    return std::fabs(sum - 1.0) <= normalisation_tolerance(n) - 3.0 * gamma(static_cast<double>(n));
}

/// Throws `domain_error` unless the logarithm's base is finite, > 0 and != 1.
inline void check_base(std::string_view function, double base) {
    if (!(base > 0.0) || std::isinf(base) || base == 1.0) {
        throw domain_error(message(function, ": base must be finite, > 0 and != 1 (got base = ", base, ")"));
    }
}

/// Throws `domain_error` unless the probability `p` of one event lies in [0, 1].
inline void check_event_probability(std::string_view function, double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
        throw domain_error(message(function, ": a probability must lie in [0, 1] (got p = ", p, ")"));
    }
}

/// The probabilities p[0], p[stride], ..., p[(n-1)·stride] of one
/// distribution: no NaN, none negative, and a sum within
/// \f$ \tau_n \f$ of 1 (n ≥ 1; no outcome at all has nothing to normalise).
/// `which` names the distribution in the message ("p", "column 3 of P").
inline void require_distribution(std::string_view function, std::string_view which, const double* p, std::size_t n,
                                 std::size_t stride, std::string_view shape) {
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(p[i * stride])) {
            throw domain_error(message(function, ": ", which, " must not contain NaN (", shape, ", entry ", i,
                                       " is nan)"));
        }
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double pi = p[i * stride];
        if (pi < 0.0) {
            throw domain_error(message(function, ": ", which, " must not be negative (", shape, ", entry ", i,
                                       " is ", pi, ")"));
        }
        sum += pi;
    }
    if (n > 0 && !(std::fabs(sum - 1.0) <= normalisation_tolerance(n))) {
        throw domain_error(message(function, ": ", which, " must sum to 1 within the tolerance 4*n*u = ",
                                   normalisation_tolerance(n), " for n = ", n, " outcomes (", shape, ", its sum is ",
                                   sum, ")"));
    }
}

/// A probability vector `p` (name "p" or "q").
inline void require_distribution(std::string_view function, std::string_view name, const Vector& p) {
    require_distribution(function, name, p.data(), p.size(), 1, message(name, " has ", p.size(), " elements"));
}

/// Throws `shape_error` unless `axis` is 0 (one distribution per column) or 1 (per row).
inline void require_distribution_axis(std::string_view function, const Matrix& P, std::size_t axis) {
    if (axis > 1) {
        throw shape_error(message(function, ": axis must be 0 (one distribution per column) or 1 (one per row) (P is ",
                                  shape_string(P), ", axis = ", axis, ")"));
    }
}

/// Each column (axis 0) or row (axis 1) of `P` is a distribution.
inline void require_distributions(std::string_view function, std::string_view name, const Matrix& P,
                                  std::size_t axis) {
    const std::size_t rows = P.shape(0), cols = P.shape(1);
    const std::size_t count = axis == 0 ? cols : rows, length = axis == 0 ? rows : cols;
    const std::string shape = message(name, " is ", shape_string(P));
    for (std::size_t d = 0; d < count; ++d) {
        const double* first = P.data() + (axis == 0 ? d : d * cols);
        require_distribution(function, message(axis == 0 ? "column " : "row ", d, " of ", name), first, length,
                             axis == 0 ? cols : 1, shape);
    }
}

/// Throws `shape_error` unless the probability vectors p and q have the same length.
inline void require_same_outcomes(std::string_view function, const Vector& p, const Vector& q) {
    if (p.size() != q.size()) {
        throw shape_error(message(function, ": lengths differ (p has ", p.size(), " elements, q has ", q.size(), ")"));
    }
}

/// `self_information(p, base)` of one event.
inline void check_self_information(double p, double base) {
    check_base(fn::self_information, base);
    check_event_probability(fn::self_information, p);
}
/// `self_information(p, base)` of each entry, the cheap part: the base.
inline void check_self_information_shape(const Vector&, double base) { check_base(fn::self_information, base); }
/// `self_information(p, base)` of each entry of p: every entry in [0, 1]
/// (the entries are events, not one distribution: no sum is required).
inline void check_self_information(const Vector& p, double base) {
    check_self_information_shape(p, base);
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!(p(i) >= 0.0 && p(i) <= 1.0)) {
            throw domain_error(message(fn::self_information, ": a probability must lie in [0, 1] (p has ", p.size(),
                                       " elements, entry ", i, " is ", p(i), ")"));
        }
    }
}

// Each check of a measure comes in two parts: the cheap one (shapes, axis,
// base), which the fast twin runs before its fused pass, and the scan of the
// values, which it runs only when its pass saw something wrong. The full
// check, which the reference twin runs, is the two in this order.

/// `entropy(p, base)`, the cheap part: the base.
inline void check_entropy_shape(const Vector&, double base) { check_base(fn::entropy, base); }
/// `entropy(p, base)`: p a distribution.
inline void check_entropy(const Vector& p, double base) {
    check_entropy_shape(p, base);
    require_distribution(fn::entropy, "p", p);
}
/// `entropy(P, axis, base)`, the cheap part: the axis and the base.
inline void check_entropy_shape(const Matrix& P, std::size_t axis, double base) {
    require_distribution_axis(fn::entropy, P, axis);
    check_base(fn::entropy, base);
}
/// `entropy(P, axis, base)`: each column (axis 0) or row (axis 1) a distribution.
inline void check_entropy(const Matrix& P, std::size_t axis, double base) {
    check_entropy_shape(P, axis, base);
    require_distributions(fn::entropy, "P", P, axis);
}

/// Two distributions over the same outcomes: `cross_entropy`,
/// `kl_divergence`, `jensen_shannon_divergence` (p, q, base); the `_shape`
/// form is the cheap part.
inline void check_distribution_pair_shape(std::string_view function, const Vector& p, const Vector& q,
                                          double base) {
    require_same_outcomes(function, p, q);
    check_base(function, base);
}
inline void check_distribution_pair(std::string_view function, const Vector& p, const Vector& q, double base) {
    check_distribution_pair_shape(function, p, q, base);
    require_distribution(function, "p", p);
    require_distribution(function, "q", q);
}
/// The same along an axis: P and Q of one shape, each column (axis 0) or row (axis 1) a distribution.
inline void check_distribution_pair_shape(std::string_view function, const Matrix& P, const Matrix& Q,
                                          std::size_t axis, double base) {
    require_same_shape(function, P, Q, "P", "Q");
    require_distribution_axis(function, P, axis);
    check_base(function, base);
}
inline void check_distribution_pair(std::string_view function, const Matrix& P, const Matrix& Q, std::size_t axis,
                                    double base) {
    check_distribution_pair_shape(function, P, Q, axis, base);
    require_distributions(function, "P", P, axis);
    require_distributions(function, "Q", Q, axis);
}

inline void check_cross_entropy(const Vector& p, const Vector& q, double base) {
    check_distribution_pair(fn::cross_entropy, p, q, base);
}
inline void check_cross_entropy(const Matrix& P, const Matrix& Q, std::size_t axis, double base) {
    check_distribution_pair(fn::cross_entropy, P, Q, axis, base);
}
inline void check_kl_divergence(const Vector& p, const Vector& q, double base) {
    check_distribution_pair(fn::kl_divergence, p, q, base);
}
inline void check_kl_divergence(const Matrix& P, const Matrix& Q, std::size_t axis, double base) {
    check_distribution_pair(fn::kl_divergence, P, Q, axis, base);
}
inline void check_jensen_shannon_divergence(const Vector& p, const Vector& q, double base) {
    check_distribution_pair(fn::jensen_shannon_divergence, p, q, base);
}

/// `mutual_information(P, base)`: the joint table P(x, y) is one
/// distribution over all its m·k cells.
inline void check_mutual_information(const Matrix& P, double base) {
    check_base(fn::mutual_information, base);
    require_distribution(fn::mutual_information, "the joint table P", P.data(), P.size(), 1,
                         message("P is ", shape_string(P)));
}

/// The element-wise functions of two arguments (`xlogy`, `rel_entr`,
/// `kl_div`): operands of one shape. Every value is accepted, as in SciPy.
template <class E>
void check_elementwise_pair(std::string_view function, const E& x, const E& y) {
    require_same_shape(function, x, y, "x", "y");
}

}  // namespace dlmath::detail
