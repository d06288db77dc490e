// Visible tests of the stable softmax exercise.
#include "stable_softmax.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::log_softmax;
using dlmath::exercises::logsumexp;
using dlmath::exercises::softmax;

namespace {
// A few roundings (exp, log, a sum of n terms, a division) of numbers of
// size about 1: 16u.
constexpr double u = 1.1102230246251565e-16;  // 2^-53
}  // namespace

TEST(StableSoftmax, SmallLogits) {
    const Vector x = {0.0, std::log(3.0)};  // e^x = (1, 3): softmax = (1/4, 3/4), LSE = log 4
    const Vector p = softmax(x);
    ASSERT_EQ(p.size(), 2u);
    EXPECT_NEAR(p(0), 0.25, 16 * u);
    EXPECT_NEAR(p(1), 0.75, 16 * u);
    EXPECT_NEAR(logsumexp(x), std::log(4.0), 16 * u);
    const Vector l = log_softmax(x);
    EXPECT_NEAR(l(0), -std::log(4.0), 16 * u);
    EXPECT_NEAR(l(1), std::log(0.75), 16 * u);
}

TEST(StableSoftmax, OneLogitTakesEverything) {
    EXPECT_EQ(softmax(Vector{7.0})(0), 1.0);
    EXPECT_EQ(logsumexp(Vector{7.0}), 7.0);
    EXPECT_EQ(log_softmax(Vector{7.0})(0), 0.0);
}

TEST(StableSoftmax, EmptyLogitsAreRejected) {
    EXPECT_THROW(logsumexp(Vector{}), dlmath::shape_error);
    EXPECT_THROW(softmax(Vector{}), dlmath::shape_error);
    EXPECT_THROW(log_softmax(Vector{}), dlmath::shape_error);
}
