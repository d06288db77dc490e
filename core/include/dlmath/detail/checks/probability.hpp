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

}  // namespace dlmath::detail
