// Hidden tests of the Gaussian log-density exercise, precision form
// (instructor only: they are left out of the student edition and run by
// the autograder).
#include "gaussian_log_density_precision.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::gaussian_log_density_precision;
using dlmath::exercises::mvn_log_density_precision;

namespace {
constexpr double u = 1.1102230246251565e-16;  // 2^-53
constexpr double inf = std::numeric_limits<double>::infinity();
const double log_2pi = std::log(2.0 * std::numbers::pi);

// The variance form -(1/2) log(2 pi sigma^2) - (x - mu)^2 / (2 sigma^2),
// the other way to write the same density.
double variance_form(double x, double mu, double sigma2) {
    const double d = x - mu;
    return -0.5 * (log_2pi + std::log(sigma2)) - d * d / (2.0 * sigma2);
}

// Two logarithms (2u each), about five roundings and a sum of three terms:
// within 8u of the sum of the terms' magnitudes. Both sides of a comparison
// carry that error, and the expected value one rounding more: 20u.
double budget(double log_beta, double quadratic) {
    return 20 * u * (0.5 * std::fabs(log_beta) + 0.5 * log_2pi + 0.5 * quadratic);
}

// An integer in [-bound, bound] that RapidCheck shrinks towards 0 (its
// inRange shrinks towards the lower end): 0, -1, 1, -2, 2, ... from 0..2 bound.
rc::Gen<int> around_zero(int bound) {
    return rc::gen::map(rc::gen::inRange(0, 2 * bound + 1), [](int v) { return v % 2 == 0 ? v / 2 : -(v + 1) / 2; });
}
}  // namespace

TEST(GaussianLogDensityPrecisionHidden, PrecisionIsTheInverseVariance) {
    // beta = 16 is sigma^2 = 1/16 (both exact), beta = 1/1024 is sigma^2 = 1024
    for (const double beta : {16.0, 0.25, 1.0 / 1024.0, 3.0}) {
        const double x = 2.5, mu = -0.5;  // (x - mu)^2 = 9
        const double expected = variance_form(x, mu, 1.0 / beta);
        EXPECT_NEAR(gaussian_log_density_precision(x, mu, beta), expected, budget(std::log(beta), beta * 9.0))
            << "beta = " << beta;
    }
}

TEST(GaussianLogDensityPrecisionHidden, LargePrecisionMeansANarrowPeak) {
    // at its mean the density is sqrt(beta / 2 pi): for beta = 2 pi e^2 its log is exactly 1
    const double beta = 2.0 * std::numbers::pi * std::exp(2.0);
    EXPECT_NEAR(gaussian_log_density_precision(7.0, 7.0, beta), 1.0, 16 * u * 4.0);
    // one standard deviation 1/sqrt(beta) away the log-density drops by 1/2
    EXPECT_NEAR(gaussian_log_density_precision(7.0 + 1.0 / std::sqrt(beta), 7.0, beta), 0.5, 1e-14);
}

TEST(GaussianLogDensityPrecisionHidden, TailsAndInfinity) {
    EXPECT_EQ(gaussian_log_density_precision(inf, 0.0, 2.0), -inf);
    EXPECT_EQ(gaussian_log_density_precision(-inf, 3.0, 0.5), -inf);
    // 10^10 standard deviations out: -(1/2) log 2 pi - 5 10^19, no overflow
    EXPECT_NEAR(gaussian_log_density_precision(1e10, 0.0, 1.0), -0.5 * log_2pi - 5e19, 8 * u * 5e19);
}

TEST(GaussianLogDensityPrecisionHidden, InvalidParametersAreDomainErrors) {
    try {
        (void)gaussian_log_density_precision(0.0, 0.0, -2.5);
        ADD_FAILURE() << "no domain_error for beta = -2.5";
    } catch (const dlmath::domain_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("gaussian_log_density_precision"), std::string::npos) << what;
        EXPECT_NE(what.find("-2.5"), std::string::npos) << "the message should name beta: " << what;
    }
    EXPECT_THROW(gaussian_log_density_precision(std::nan(""), 0.0, 1.0), dlmath::domain_error);
    EXPECT_THROW(gaussian_log_density_precision(0.0, inf, 1.0), dlmath::domain_error);
    EXPECT_THROW(gaussian_log_density_precision(0.0, 0.0, inf), dlmath::domain_error);
    EXPECT_THROW(gaussian_log_density_precision(0.0, 0.0, std::nan("")), dlmath::domain_error);
}

TEST(GaussianLogDensityPrecisionHidden, MultivariateWorkedExample) {
    // Lambda = [[2, 1], [1, 2]]: det 3; d = (1, -1): d^T Lambda d = 2 - 1 - 1 + 2 = 2
    const Matrix precision = {{2.0, 1.0}, {1.0, 2.0}};
    const double expected = 0.5 * std::log(3.0) - log_2pi - 1.0;
    EXPECT_NEAR(mvn_log_density_precision(Vector{1.5, -1.0}, Vector{0.5, 0.0}, precision), expected, 64 * u * 3.0);
    // n = 0: the empty product of densities is 1, its log 0
    EXPECT_EQ(mvn_log_density_precision(Vector{}, Vector{}, Matrix::from_shape({0, 0})), 0.0);
}

TEST(GaussianLogDensityPrecisionHidden, MultivariateRejectsBadPrecisionMatrices) {
    const Vector x = {0.0, 0.0};
    const Matrix identity = {{1.0, 0.0}, {0.0, 1.0}};
    EXPECT_THROW(mvn_log_density_precision(x, x, Matrix{{1.0, 2.0}, {0.0, 1.0}}), dlmath::domain_error);  // asymmetric
    EXPECT_THROW(mvn_log_density_precision(x, x, Matrix{{1.0, 2.0}, {2.0, 1.0}}), dlmath::domain_error);  // det -3
    EXPECT_THROW(mvn_log_density_precision(x, x, Matrix{{1.0, 0.0}, {0.0, 0.0}}), dlmath::domain_error);  // singular
    EXPECT_THROW(mvn_log_density_precision(x, x, Matrix{{-1.0, 0.0}, {0.0, -1.0}}), dlmath::domain_error);
    EXPECT_THROW(mvn_log_density_precision(Vector{std::nan(""), 0.0}, x, identity), dlmath::domain_error);
    EXPECT_THROW(mvn_log_density_precision(x, x, Matrix{{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}}), dlmath::shape_error);
}

// Lambda = L L^T for a random lower-triangular integer L (n = 1..4, diagonal
// 3..6, below it -1..1), and integer x and mu: Lambda's entries, d = x - mu
// and |L^T d|^2 are exact, and L is Lambda's Cholesky factor (unique with a
// positive diagonal), so the exact value is sum log L_ii - (n/2) log 2 pi -
// |L^T d|^2 / 2. Tolerance: Cholesky is backward stable (the computed factor
// is exact for Lambda + E, |E| <= gamma_{n+1} |L||L^T|), so the log
// determinant and the quadratic form move by at most about n^2 gamma_{n+1}
// kappa(Lambda) of their size; here kappa(Lambda) <= 500 (L = D (I + D^-1 N)
// with |D^-1 N|_F <= 0.82, so sigma_min(L) >= 0.55, |L|_F <= 12.2), which is
// 4 10^4 u: 2^17 u of the terms' magnitudes leaves a factor 3. A dimension
// n = 1 must also agree with the univariate function. On a failure
// RapidCheck shrinks L, x and mu and prints a smallest failing case.
RC_GTEST_PROP(GaussianLogDensityPrecisionHidden, MatchesTheCholeskyFormulaOnRandomPrecisionMatrices, ()) {
    const auto n = static_cast<std::size_t>(*rc::gen::inRange(1, 5));
    const auto diagonal = *rc::gen::container<std::vector<int>>(n, rc::gen::inRange(3, 7));
    const auto below = *rc::gen::container<std::vector<int>>(n * (n - 1) / 2, around_zero(1));
    const auto xs = *rc::gen::container<std::vector<int>>(n, around_zero(5));
    const auto ms = *rc::gen::container<std::vector<int>>(n, around_zero(5));
    std::vector<std::vector<long long>> L(n, std::vector<long long>(n, 0));
    for (std::size_t i = 0, b = 0; i < n; ++i) {
        L[i][i] = diagonal[i];
        for (std::size_t j = 0; j < i; ++j) L[i][j] = below[b++];
    }
    Matrix precision = Matrix::from_shape({n, n});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            long long s = 0;
            for (std::size_t k = 0; k < n; ++k) s += L[i][k] * L[j][k];
            precision(i, j) = static_cast<double>(s);
        }
    }
    Vector x = Vector::from_shape({n}), mu = Vector::from_shape({n});
    long long quadratic = 0;  // |L^T d|^2
    long double half_log_det = 0.0L;
    for (std::size_t k = 0; k < n; ++k) {
        x(k) = xs[k];
        mu(k) = ms[k];
        long long y = 0;
        for (std::size_t i = k; i < n; ++i) y += L[i][k] * (xs[i] - ms[i]);
        quadratic += y * y;
        half_log_det += std::log(static_cast<long double>(L[k][k]));
    }
    const long double log_2pi_exact = std::log(2.0L * std::numbers::pi_v<long double>);
    const long double expected =
        half_log_det - 0.5L * static_cast<long double>(n) * log_2pi_exact - 0.5L * static_cast<long double>(quadratic);
    const double magnitude = static_cast<double>(half_log_det) + 0.5 * double(n) * log_2pi + 0.5 * double(quadratic);
    const double got = mvn_log_density_precision(x, mu, precision);
    RC_ASSERT(std::fabs(static_cast<long double>(got) - expected) <= 0x1p17 * u * (1.0 + magnitude));
    if (n == 1) {
        const double one = gaussian_log_density_precision(x(0), mu(0), precision(0, 0));
        RC_ASSERT(std::fabs(one - got) <= 0x1p17 * u * (1.0 + magnitude));
    }
}
