// Visible tests of the Gaussian log-density exercise (precision form).
#include "gaussian_log_density_precision.hpp"

#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::gaussian_log_density_precision;
using dlmath::exercises::mvn_log_density_precision;

namespace {
// The univariate value is (1/2)(log beta - log 2 pi) - (1/2) beta d^2: two
// logarithms (2u each), about five roundings and a sum of three terms, so
// it is within 8u of the sum of the terms' magnitudes; 16u leaves room for
// the rounding of the expected values below.
constexpr double u = 1.1102230246251565e-16;  // 2^-53
const double log_2pi = std::log(2.0 * std::numbers::pi);
}  // namespace

TEST(GaussianLogDensityPrecision, StandardNormalAtItsMean) {
    EXPECT_NEAR(gaussian_log_density_precision(0.0, 0.0, 1.0), -0.5 * log_2pi, 16 * u);
}

TEST(GaussianLogDensityPrecision, PrecisionFourIsVarianceOneQuarter) {
    // beta = 4 is sigma^2 = 1/4: -(1/2) log(2 pi / 4) - (1 - 0.5)^2 / (2 / 4) = (1/2) log(2 / pi) - 1/2
    const double expected = 0.5 * std::log(2.0 / std::numbers::pi) - 0.5;
    EXPECT_NEAR(gaussian_log_density_precision(1.0, 0.5, 4.0), expected, 16 * u * 2.0);
}

TEST(GaussianLogDensityPrecision, NonPositivePrecisionIsADomainError) {
    EXPECT_THROW(gaussian_log_density_precision(0.0, 0.0, 0.0), dlmath::domain_error);
    EXPECT_THROW(gaussian_log_density_precision(0.0, 0.0, -1.0), dlmath::domain_error);
}

TEST(GaussianLogDensityPrecision, DiagonalPrecisionMatrixIsASumOfUnivariates) {
    // independent coordinates: the log-densities add
    const Vector x = {1.0, -2.0};
    const Vector mu = {0.5, 1.0};
    const Matrix precision = {{4.0, 0.0}, {0.0, 0.25}};
    const double expected =
        gaussian_log_density_precision(1.0, 0.5, 4.0) + gaussian_log_density_precision(-2.0, 1.0, 0.25);
    EXPECT_NEAR(mvn_log_density_precision(x, mu, precision), expected, 64 * u * 4.0);
}

TEST(GaussianLogDensityPrecision, MultivariateShapesMustFit) {
    const Vector x = {1.0, 2.0};
    const Vector mu3 = {0.0, 0.0, 0.0};
    const Matrix I2 = {{1.0, 0.0}, {0.0, 1.0}};
    const Matrix I3 = {{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}};
    EXPECT_THROW(mvn_log_density_precision(x, mu3, I2), dlmath::shape_error);
    EXPECT_THROW(mvn_log_density_precision(x, Vector{0.0, 0.0}, I3), dlmath::shape_error);
}
