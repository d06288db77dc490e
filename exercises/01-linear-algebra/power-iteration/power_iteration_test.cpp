// Visible tests of the power-iteration exercise.
//
// Tolerances: for a symmetric A, a unit x with residual r = Ax - lambda x
// has an eigenvalue within ||r|| of lambda (Bauer-Fike for normal
// matrices). Convergence means ||r|| <= tol |lambda| with tol = 1e-12, and
// the residual itself is computed with a rounding error of a few n u ||A||;
// so |lambda - lambda_1| <= (1e-12 + 16 u) |lambda_1| covers both.
#include "power_iteration.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::power_iteration;

namespace {
constexpr double u = std::numeric_limits<double>::epsilon() / 2;
constexpr double tol = 1e-12;
}  // namespace

TEST(PowerIteration, SymmetricTwoByTwo) {
    // [[2,1],[1,2]] has eigenvalues 3 (eigenvector [1,1]/sqrt 2) and 1.
    const auto r = power_iteration(Matrix{{2.0, 1.0}, {1.0, 2.0}}, Vector{1.0, 0.0});
    ASSERT_TRUE(r.converged);
    EXPECT_NEAR(r.eigenvalue, 3.0, (tol + 16 * u) * 3.0);
    // the eigenvector is determined up to sign; its error is at most
    // ||r|| / gap = tol * 3 / 2 per entry (gap = 3 - 1)
    const double s = r.eigenvector(0) > 0 ? 1.0 : -1.0;
    EXPECT_NEAR(s * r.eigenvector(0), 1.0 / std::sqrt(2.0), 2 * tol + 16 * u);
    EXPECT_NEAR(s * r.eigenvector(1), 1.0 / std::sqrt(2.0), 2 * tol + 16 * u);
}

TEST(PowerIteration, DiagonalMatrixFindsTheLargestMagnitude) {
    // the dominant eigenvalue is the one of largest |lambda|: -5 here
    const auto r = power_iteration(Matrix{{1.0, 0.0, 0.0}, {0.0, -5.0, 0.0}, {0.0, 0.0, 2.0}}, Vector{1.0, 1.0, 1.0});
    ASSERT_TRUE(r.converged);
    EXPECT_NEAR(r.eigenvalue, -5.0, (tol + 16 * u) * 5.0);
}

TEST(PowerIteration, BadInput) {
    EXPECT_THROW(power_iteration(Matrix::from_shape({2, 3}), Vector{1.0, 1.0}), dlmath::shape_error);
    EXPECT_THROW(power_iteration(Matrix{{1.0, 0.0}, {0.0, 1.0}}, Vector{1.0, 1.0, 1.0}), dlmath::shape_error);
    EXPECT_THROW(power_iteration(Matrix{{1.0, 0.0}, {0.0, 1.0}}, Vector{0.0, 0.0}), dlmath::domain_error);
}
