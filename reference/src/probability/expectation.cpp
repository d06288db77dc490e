// Chapter 2, expectation, variance and the central limit theorem —
// reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP.

#include "dlmath/reference/probability/expectation.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <vector>

#include <xtensor/xbuilder.hpp>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/detail/estimators.hpp"

namespace dlmath::reference {

namespace {

// The standard normal cdf, Phi(z) = erfc(-z / sqrt 2) / 2: erfc keeps the
// lower tail accurate (1 + erf(z / sqrt 2) would cancel to 0 there).
double standard_normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

}  // namespace

//! [mean]
double mean(const Vector& x) {
    // x ~ (n), n >= 1
    detail::check_mean(x);
    const std::size_t n = x.size();

    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) s += x(i);
    return s / static_cast<double>(n);
}
//! [mean]

//! [var]
double var(const Vector& x, std::size_t ddof) {
    // x ~ (n), n > ddof
    detail::check_var(x, ddof);
    const std::size_t n = x.size();

    // pass 1: the mean
    const double m = mean(x);
    // pass 2: the squared deviations d_i = x_i - m and their plain sum
    double sum_d2 = 0.0, sum_d = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double d = x(i) - m;
        sum_d2 += d * d;
        sum_d += d;
    }
    // the correction: sum_d would be 0 with the exact mean; subtracting
    // sum_d^2 / n removes the rounding error of m to first order
    return detail::corrected_two_pass(sum_d2, sum_d, sum_d, n, ddof);
}
//! [var]

//! [cov]
Matrix cov(const Matrix& X, std::size_t ddof) {
    // X ~ (n, d), rows are observations; returns C ~ (d, d)
    detail::check_cov(X, ddof);
    const std::size_t n = X.shape(0), d = X.shape(1);

    // pass 1: the column means
    Vector m = xt::zeros<double>({d});
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < d; ++j) m(j) += X(i, j);
    for (std::size_t j = 0; j < d; ++j) m(j) /= static_cast<double>(n);

    // pass 2: C_jk = ( sum_i D_ij D_ik - (sum_i D_ij)(sum_i D_ik) / n ) / (n - ddof),
    // D = X - m, the corrected two-pass formula of var for every pair of columns
    Vector sum_D = xt::zeros<double>({d});
    Matrix C = xt::zeros<double>({d, d});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < d; ++j) {
            const double D_ij = X(i, j) - m(j);
            sum_D(j) += D_ij;
            for (std::size_t k = 0; k < d; ++k) C(j, k) += D_ij * (X(i, k) - m(k));
        }
    }
    for (std::size_t j = 0; j < d; ++j)
        for (std::size_t k = 0; k < d; ++k) C(j, k) = detail::corrected_two_pass(C(j, k), sum_D(j), sum_D(k), n, ddof);
    return C;
}
//! [cov]

//! [expectation]
double expectation(const Vector& p, const Vector& f) {
    // p ~ (k) a PMF, f ~ (k) the values f(i)
    detail::check_expectation(p, f);
    const std::size_t k = p.size();

    double total = 0.0, E = 0.0;
    for (std::size_t i = 0; i < k; ++i) {
        total += p(i);       // sum_i P(x = i), which must be 1
        E += p(i) * f(i);    // sum_i P(x = i) f(i)
    }
    detail::check_expectation_sum(total);
    return E;
}
//! [expectation]

//! [uniform_sums]
Vector standardized_uniform_sums(Rng& rng, std::size_t terms, std::size_t count) {
    // returns z ~ (count), z_k = (sum of T uniforms - T/2) / sqrt(T/12), T = terms
    detail::check_uniform_sums(terms);
    const std::uint64_t first = rng.take(terms * count);
    Vector z = Vector::from_shape({count});
    for (std::size_t k = 0; k < count; ++k) z(k) = detail::standardized_uniform_sum(rng.seed(), first, k, terms);
    return z;
}
//! [uniform_sums]

//! [ks_statistic]
double ks_statistic(const Vector& x) {
    // x ~ (m); D = sup_z |F_m(z) - Phi(z)|
    detail::check_ks_statistic(x);
    const std::size_t m = x.size();
    std::vector<double> sorted(x.begin(), x.end());
    std::sort(sorted.begin(), sorted.end());

    // F_m jumps from (i-1)/m to i/m at x_(i): the supremum is at one side of a jump
    double D = 0.0;
    for (std::size_t i = 1; i <= m; ++i) {
        const double Phi = standard_normal_cdf(sorted[i - 1]);
        const double above = static_cast<double>(i) / static_cast<double>(m) - Phi;
        const double below = Phi - static_cast<double>(i - 1) / static_cast<double>(m);
        D = std::max(D, std::max(above, below));
    }
    return D;
}
//! [ks_statistic]

}  // namespace dlmath::reference
