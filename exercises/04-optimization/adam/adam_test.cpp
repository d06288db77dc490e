// Visible tests of the Adam exercise.
#include "adam.hpp"

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::adam;

// The statement's worked example: f(x) = x^2 / 2 from x_0 = 1, eta = 0.1, beta = (0.9, 0.999),
// eps = 1e-8. Step 1: m_hat = v_hat = 1, x_1 = 1 - 0.1 / (1 + 1e-8) = 0.900000001; then
// x_2 = 0.800412229712338 and x_3 = 0.701586274504415 (to 15 digits). Each update is a dozen
// roundings of numbers of size about 1, and an update's error is not amplified (the rule's
// sensitivity to x is below 1 here), so three updates stay within about 3 * 12 * 2^-53 = 4e-15
// of the exact values; 1e-13 leaves room for the 15-digit literals.
TEST(Adam, WorkedExample) {
    const Vector h{1.0}, c{0.0}, x0{1.0};
    const double eta = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    EXPECT_NEAR(adam(h, c, x0, eta, beta1, beta2, eps, 1)(0), 0.900000001, 1e-13);
    EXPECT_NEAR(adam(h, c, x0, eta, beta1, beta2, eps, 2)(0), 0.800412229712338, 1e-13);
    EXPECT_NEAR(adam(h, c, x0, eta, beta1, beta2, eps, 3)(0), 0.701586274504415, 1e-13);
}

TEST(Adam, NoStepsReturnTheStart) {
    const Vector x = adam(Vector{1.0, 2.0}, Vector{0.0, 0.0}, Vector{3.0, -4.0}, 0.1, 0.9, 0.999, 1e-8, 0);
    EXPECT_EQ(x(0), 3.0);
    EXPECT_EQ(x(1), -4.0);
}

TEST(Adam, ANonPositiveLearningRateIsADomainError) {
    EXPECT_THROW(adam(Vector{1.0}, Vector{0.0}, Vector{1.0}, 0.0, 0.9, 0.999, 1e-8, 3), dlmath::domain_error);
}
