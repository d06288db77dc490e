// Visible tests of the Newton's method exercise.
#include "newton_method.hpp"

#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::newton_polynomial;
using dlmath::exercises::NewtonStatus;

namespace {
constexpr double u = 1.1102230246251565e-16;  // 2^-53
}  // namespace

// x^2 - 2 from 1: converges to sqrt 2. The stopping rule |p(x)| <= 1e-10 is met where
// |x - sqrt 2| <= 1e-10 / p'(sqrt 2) ~ 3.6e-11.
TEST(NewtonMethod, SquareRootOfTwo) {
    const auto r = newton_polynomial(Vector{-2.0, 0.0, 1.0}, 1.0, 1e-10, 50);
    EXPECT_EQ(r.status, NewtonStatus::converged);
    EXPECT_NEAR(r.root, std::numbers::sqrt2, 3.6e-11 + 4 * u);
}

// A linear polynomial 2x - 6: one update lands on 3 exactly (integers).
TEST(NewtonMethod, OneStepForALine) {
    const auto r = newton_polynomial(Vector{-6.0, 2.0}, 10.0, 0.0, 50);
    EXPECT_EQ(r.status, NewtonStatus::converged);
    EXPECT_EQ(r.root, 3.0);
}

TEST(NewtonMethod, EmptyPolynomialIsAShapeError) {
    EXPECT_THROW(newton_polynomial(Vector{}, 1.0, 1e-10, 50), dlmath::shape_error);
}
