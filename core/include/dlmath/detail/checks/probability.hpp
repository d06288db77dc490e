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

/// The shape part of the check below: `shape_error` unless X has d columns. A caller that
/// finds NaN in its own pass calls this first and the full check when its pass saw one.
inline void check_points_shape(std::string_view function, const Matrix& X, std::size_t d) {
    if (X.shape(1) != d) {
        throw shape_error(message(function, ": X must have d = ", d, " columns, one point per row (X is ",
                                  shape_string(X), ")"));
    }
}

/// Points of a d-dimensional density, one per row of `X ~ (n, d)`:
/// `shape_error` unless X has d columns, `domain_error` naming the first NaN.
inline void check_points(std::string_view function, const Matrix& X, std::size_t d) {
    check_points_shape(function, X, d);
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

/// The names of the tables', estimators' and logistic functions, as the messages write them.
namespace fn {
inline constexpr std::string_view marginal = "marginal", sum_out = "sum_out", conditional = "conditional",
                                  bayes_rule = "bayes_rule", chain_joint = "joint", independent = "independent",
                                  conditionally_independent = "conditionally_independent",
                                  partition_function = "partition_function", undirected_joint = "undirected_joint";
inline constexpr std::string_view mean = "mean", var = "var", cov = "cov", expectation = "expectation",
                                  uniform_sums = "standardized_uniform_sums", ks_statistic = "ks_statistic";
}  // namespace fn

/// How far the entries of a probability table may sum from 1:
/// \f$ |\sum_i p_i - 1| \le \sqrt{\varepsilon} = 2^{-26} \approx 1.5 \cdot 10^{-8} \f$,
/// the tolerance of NumPy's `random.choice`. A table typed in with decimal
/// entries (0.1, 0.2, 0.7) or normalised by a division is off by a few
/// \f$ n u \f$, far inside it; a table that lost or gained real mass is not.
inline constexpr double table_tolerance = 0x1p-26;

/// Throws `domain_error` unless every entry of the table `P` is a
/// probability or a factor: finite and >= 0 (NaN, negative and infinite
/// entries are named with their flat index).
template <class E>
void require_table_entries(std::string_view function, std::string_view name, const E& P) {
    for (std::size_t k = 0; k < P.size(); ++k) {
        const double v = P.data()[k];
        if (!(v >= 0.0) || std::isinf(v)) {
            throw domain_error(message(function, ": every entry of ", name, " must be finite and >= 0 (", name, " is ",
                                       shape_string(P), ", entry ", k, " in row-major order is ", v, ")"));
        }
    }
}

/// Throws `domain_error` unless `sum`, the total of the table `what`, is 1
/// within table_tolerance; the message gives the sum and the tolerance.
inline void require_unit_sum(std::string_view function, std::string_view what, double sum) {
    if (!(std::fabs(sum - 1.0) <= table_tolerance)) {
        throw domain_error(message(function, ": ", what, " must sum to 1 (the sum is ", sum, ", |sum - 1| = ",
                                   std::fabs(sum - 1.0), " exceeds the tolerance ", table_tolerance, ")"));
    }
}

/// A joint table (or a distribution vector) `P`: entries in [0, inf), summing to 1.
template <class E>
void require_joint_table(std::string_view function, std::string_view name, const E& P) {
    require_table_entries(function, name, P);
    double sum = 0.0;
    for (std::size_t k = 0; k < P.size(); ++k) sum += P.data()[k];
    require_unit_sum(function, message(name, " (", shape_string(P), ")"), sum);
}

/// A conditional table `C`, one distribution per row (\f$ C_{ij} = P(y = j \mid x = i) \f$):
/// entries in [0, inf), every row summing to 1.
inline void require_conditional_table(std::string_view function, std::string_view name, const Matrix& C) {
    require_table_entries(function, name, C);
    for (std::size_t i = 0; i < C.shape(0); ++i) {
        double sum = 0.0;
        for (std::size_t j = 0; j < C.shape(1); ++j) sum += C(i, j);
        require_unit_sum(function, message("row ", i, " of ", name, " (", shape_string(C), ")"), sum);
    }
}

/// Throws `shape_error` unless `axis` names one of the `rank` variables of a table.
inline void require_axis(std::string_view function, std::size_t axis, std::size_t rank) {
    if (axis >= rank) {
        throw shape_error(message(function, ": axis ", axis, " is out of range for a table of ", rank,
                                  " variables (axes 0 to ", rank - 1, ")"));
    }
}

/// Throws `domain_error` when the conditioning event has probability 0:
/// `P(given = index) = p` with p = 0 leaves `P(. | given = index)` undefined.
inline void require_positive_condition(std::string_view function, std::string_view given, std::size_t index,
                                       double p) {
    if (!(p > 0.0)) {
        throw domain_error(message(function, ": the condition ", given, " = ", index, " has probability ", p,
                                   ", so P(. | ", given, " = ", index, ") is undefined"));
    }
}

/// `marginal(joint, axis)` (two or three variables).
template <class E>
void check_marginal(const E& joint, std::size_t axis) {
    require_axis(fn::marginal, axis, joint.dimension());
    require_joint_table(fn::marginal, "the joint table", joint);
}

/// `sum_out(joint, axis)`.
inline void check_sum_out(const Tensor3& joint, std::size_t axis) {
    require_axis(fn::sum_out, axis, 3);
    require_joint_table(fn::sum_out, "the joint table", joint);
}

/// `conditional(joint)`: a joint table (each zero row is caught where it is divided by).
inline void check_conditional(const Matrix& joint) { require_joint_table(fn::conditional, "the joint table", joint); }

/// `bayes_rule(prior, likelihood)`: \f$ P(x) \sim (k_x) \f$ a distribution,
/// \f$ P(y \mid x) \sim (k_x, k_y) \f$ a conditional table.
inline void check_bayes_rule(const Vector& prior, const Matrix& likelihood) {
    if (prior.size() != likelihood.shape(0)) {
        throw shape_error(message(fn::bayes_rule, ": the likelihood needs one row per value of x (prior has ",
                                  prior.size(), " elements, likelihood is ", shape_string(likelihood), ")"));
    }
    require_joint_table(fn::bayes_rule, "the prior", prior);
    require_conditional_table(fn::bayes_rule, "the likelihood", likelihood);
}

/// `joint(p_x, p_y_given_x)`.
inline void check_chain_joint(const Vector& p_x, const Matrix& p_y_given_x) {
    if (p_x.size() != p_y_given_x.shape(0)) {
        throw shape_error(message(fn::chain_joint, ": P(y | x) needs one row per value of x (P(x) has ", p_x.size(),
                                  " elements, P(y | x) is ", shape_string(p_y_given_x), ")"));
    }
    require_joint_table(fn::chain_joint, "P(x)", p_x);
    require_conditional_table(fn::chain_joint, "P(y | x)", p_y_given_x);
}

/// `joint(p_a, p_b_given_a, p_c_given_b)`.
inline void check_chain_joint(const Vector& p_a, const Matrix& p_b_given_a, const Matrix& p_c_given_b) {
    if (p_a.size() != p_b_given_a.shape(0) || p_b_given_a.shape(1) != p_c_given_b.shape(0)) {
        throw shape_error(message(fn::chain_joint, ": the factors do not chain (P(a) has ", p_a.size(),
                                  " elements, P(b | a) is ", shape_string(p_b_given_a), ", P(c | b) is ",
                                  shape_string(p_c_given_b), ")"));
    }
    require_joint_table(fn::chain_joint, "P(a)", p_a);
    require_conditional_table(fn::chain_joint, "P(b | a)", p_b_given_a);
    require_conditional_table(fn::chain_joint, "P(c | b)", p_c_given_b);
}

/// `independent(joint, tol)`.
inline void check_independent(const Matrix& joint, double tol) {
    require_nonnegative(fn::independent, "tol", tol);
    require_joint_table(fn::independent, "the joint table", joint);
}

/// `conditionally_independent(joint, given, tol)`.
inline void check_conditionally_independent(const Tensor3& joint, std::size_t given, double tol) {
    require_axis(fn::conditionally_independent, given, 3);
    require_nonnegative(fn::conditionally_independent, "tol", tol);
    require_joint_table(fn::conditionally_independent, "the joint table", joint);
}

/// `partition_function(phi_ab, phi_bc)` and `undirected_joint(phi_ab, phi_bc)`:
/// factors of the chain a - b - c that share b, finite and >= 0.
inline void check_chain_factors(std::string_view function, const Matrix& phi_ab, const Matrix& phi_bc) {
    if (phi_ab.shape(1) != phi_bc.shape(0)) {
        throw shape_error(message(function, ": the factors must share the variable b (phi_ab is ",
                                  shape_string(phi_ab), ", phi_bc is ", shape_string(phi_bc), ")"));
    }
    require_table_entries(function, "phi_ab", phi_ab);
    require_table_entries(function, "phi_bc", phi_bc);
}

/// After summing the unnormalised table: Z must be positive and finite.
inline void check_partition_value(std::string_view function, double Z) {
    if (!(Z > 0.0) || std::isinf(Z)) {
        throw domain_error(message(function, ": the partition function Z = ", Z,
                                   " must be finite and > 0 (every configuration has zero weight, or the weights "
                                   "overflow)"));
    }
}

/// `mean(x)`: at least one observation (the mean of nothing is undefined).
inline void check_mean(const Vector& x) { require_nonempty(fn::mean, x, "x"); }

/// `var(x, ddof)`: more observations than ddof, n - ddof > 0 (NumPy returns
/// NaN with a warning; no value is defined, so this is a shape_error as for
/// the mean of nothing).
inline void check_var(const Vector& x, std::size_t ddof) {
    if (x.size() <= ddof) {
        throw shape_error(message(fn::var, ": needs more than ddof = ", ddof, " observations (x has ", x.size(),
                                  " elements, so n - ddof <= 0)"));
    }
}

/// `cov(X, ddof)`: X ~ (n, d) with rows as observations, n > ddof.
inline void check_cov(const Matrix& X, std::size_t ddof) {
    if (X.shape(0) <= ddof) {
        throw shape_error(message(fn::cov, ": needs more than ddof = ", ddof, " observations (rows) (X is ",
                                  shape_string(X), ", so n - ddof <= 0)"));
    }
}

/// `expectation(p, f)`, before the sums: the same length, every p_i finite
/// and >= 0. Each twin then sums p with its own kernel and calls
/// check_expectation_sum.
inline void check_expectation(const Vector& p, const Vector& f) {
    if (p.size() != f.size()) {
        throw shape_error(message(fn::expectation, ": lengths differ (p has ", p.size(), " elements, f has ",
                                  f.size(), ")"));
    }
    require_table_entries(fn::expectation, "p", p);
}

/// `expectation(p, f)`, after the sum of p.
inline void check_expectation_sum(double sum) { require_unit_sum(fn::expectation, "p", sum); }

/// `standardized_uniform_sums(rng, terms, count)`: at least one term per sum.
inline void check_uniform_sums(std::size_t terms) {
    if (terms == 0) {
        throw domain_error(message(fn::uniform_sums,
                                   ": terms must be >= 1 (a sum of 0 uniforms has variance 0 and cannot be "
                                   "standardised)"));
    }
}

/// `ks_statistic(x)`: a non-empty sample without NaN.
inline void check_ks_statistic(const Vector& x) {
    require_nonempty(fn::ks_statistic, x, "x");
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x(i))) {
            throw domain_error(message(fn::ks_statistic, ": the sample must not hold NaN (x has ", x.size(),
                                       " elements, x_", i, " is NaN)"));
        }
    }
}


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
