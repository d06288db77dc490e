// Visible tests of the gradient descent exercise.
#include "gradient_descent.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::gradient_descent;

// The statement's worked example: f(x) = (x_1^2 + 10 x_2^2) / 2 from (1, 1) with eta = 0.1.
// One update lands on (0.9, 0): 0.1 * 10 = 1 exactly, so x_2 = 1 - 1 = 0.
TEST(GradientDescent, WorkedExampleFirstStep) {
    const auto r = gradient_descent(Vector{1.0, 10.0}, Vector{0.0, 0.0}, Vector{1.0, 1.0}, 0.1, 1e-3, 1);
    EXPECT_FALSE(r.converged);
    EXPECT_EQ(r.iterations, 1u);
    EXPECT_DOUBLE_EQ(r.x(0), 0.9);
    EXPECT_EQ(r.x(1), 0.0);
}

// Then x_k = (0.9^k, 0) and |grad f(x_k)| = 0.9^k: 0.9^65 = 1.06e-3 > 1e-3 >= 0.9^66 = 9.6e-4,
// so the rule stops at k = 66. x_1 is 0.9 computed as 1 - 0.1 * 1; each update then rounds
// twice (a product and a difference), so 66 updates are within 2 * 66 u = 1.5e-14 of 0.9^66
// relatively (the first-order bound): 1e-13 leaves room.
TEST(GradientDescent, WorkedExampleStopsAfterSixtySixUpdates) {
    const auto r = gradient_descent(Vector{1.0, 10.0}, Vector{0.0, 0.0}, Vector{1.0, 1.0}, 0.1, 1e-3, 1000);
    EXPECT_TRUE(r.converged);
    EXPECT_EQ(r.iterations, 66u);
    EXPECT_NEAR(r.x(0), std::pow(0.9, 66), 1e-13 * std::pow(0.9, 66));
    EXPECT_EQ(r.x(1), 0.0);
}

// eta = 0.25 > 2 / 10: x_2 is multiplied by 1 - 2.5 = -1.5 each update (exactly: dyadic
// numbers), so after 20 updates it is 1.5^20 and the run has not converged.
TEST(GradientDescent, TooLargeALearningRateDiverges) {
    const auto r = gradient_descent(Vector{1.0, 10.0}, Vector{0.0, 0.0}, Vector{1.0, 1.0}, 0.25, 1e-3, 20);
    EXPECT_FALSE(r.converged);
    EXPECT_EQ(r.iterations, 20u);
    EXPECT_EQ(r.x(1), std::pow(1.5, 20));
}

TEST(GradientDescent, MismatchedLengthsAreAShapeError) {
    EXPECT_THROW(gradient_descent(Vector{1.0, 10.0}, Vector{0.0}, Vector{1.0, 1.0}, 0.1, 1e-3, 10),
                 dlmath::shape_error);
}
