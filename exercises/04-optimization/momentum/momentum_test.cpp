// Visible tests of the momentum exercise.
#include "momentum.hpp"

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::momentum;

// The statement's worked example: f(x) = x^2 / 2 from x_0 = 1, eta = 0.1, lambda = 0.9:
// g_1 = -0.1, x_1 = 0.9; g_2 = -0.09 - 0.09 = -0.18, x_2 = 0.72; g_3 = -0.072 - 0.162 = -0.234,
// x_3 = 0.486. Three updates of four roundings each on numbers below 1, every rounding
// carried forward with a factor of at most 1 + lambda < 2: under 3 * 4 * 2 * 2^-53 relative
// to 1, about 2.7e-15; 4e-15 leaves room.
TEST(Momentum, WorkedExample) {
    const Vector h{1.0}, c{0.0}, x0{1.0};
    EXPECT_NEAR(momentum(h, c, x0, 0.1, 0.9, 1)(0), 0.9, 4e-15);
    EXPECT_NEAR(momentum(h, c, x0, 0.1, 0.9, 2)(0), 0.72, 4e-15);
    EXPECT_NEAR(momentum(h, c, x0, 0.1, 0.9, 3)(0), 0.486, 4e-15);
}

TEST(Momentum, NoStepsReturnTheStart) {
    const Vector x = momentum(Vector{1.0, 2.0}, Vector{0.0, 0.0}, Vector{3.0, -4.0}, 0.1, 0.9, 0);
    EXPECT_EQ(x(0), 3.0);
    EXPECT_EQ(x(1), -4.0);
}

TEST(Momentum, LambdaOfOneIsADomainError) {
    EXPECT_THROW(momentum(Vector{1.0}, Vector{0.0}, Vector{1.0}, 0.1, 1.0, 3), dlmath::domain_error);
}
